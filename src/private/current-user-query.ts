import { queryOptions } from '@tanstack/react-query';
import { fetchCurrentUser } from '../api/endpoints';
import { sessionSignal } from './session-query-client';

/** The current-user endpoint as a query: the logged-in user. */
export const currentUserQuery = queryOptions({
  queryKey: ['current-user'],
  queryFn: () => fetchCurrentUser(sessionSignal()),
});
