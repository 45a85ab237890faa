import { useQuery } from '@tanstack/react-query';
import { fetchCurrentUser } from '../api/endpoints';

export const currentUserQueryKey = ['current-user'] as const;

/** The logged-in user, from GET /protected. */
export function useCurrentUser() {
  return useQuery({
    queryKey: currentUserQueryKey,
    queryFn: ({ signal }) => fetchCurrentUser(signal),
  });
}
