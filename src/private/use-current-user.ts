import { useQuery } from '@tanstack/react-query';
import { fetchCurrentUser } from '../api/endpoints';
import { sessionSignal } from './session-query-client';

export const currentUserQueryKey = ['current-user'] as const;

/** The logged-in user, from GET /protected. */
export function useCurrentUser() {
  return useQuery({
    queryKey: currentUserQueryKey,
    queryFn: () => fetchCurrentUser(sessionSignal()),
  });
}
