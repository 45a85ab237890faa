import { useQuery } from '@tanstack/react-query';
import { currentUserQuery } from './current-user-query';

/** The logged-in user, from GET /protected. */
export function useCurrentUser() {
  return useQuery(currentUserQuery);
}
