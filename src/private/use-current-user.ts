import { useQuery } from '@tanstack/react-query';
import { currentUserQuery } from './current-user-query';

/** The logged-in user, from the dialect's current-user endpoint (GET /protected, /users/me/…). */
export function useCurrentUser() {
  return useQuery(currentUserQuery);
}
