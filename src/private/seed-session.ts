import type { CurrentUser } from '../api/endpoints';
import { currentUserQuery } from './current-user-query';
import { queryClientFor } from './session-query-client';

/**
 * Seeds the session's cache as soon as the token arrives, when the login answer said who logged
 * in (the tutorial's user_id), so the first private render can greet them. The entry is marked
 * stale, so the page's query asks the current-user endpoint as soon as it mounts, and the server
 * has the last word. (Asking earlier only slows that first render down: the mock answers on the
 * same main thread.)
 */
export function seedSession(token: string, user: CurrentUser): void {
  const client = queryClientFor(token);
  if (client.getQueryData(currentUserQuery.queryKey) !== undefined) return;
  client.setQueryData(currentUserQuery.queryKey, user, { updatedAt: 0 });
}
