/** The entry of the private chunk: loaded only once someone is logged in or logging in. */
import type { CurrentUser } from '../api/endpoints';
import { HomePage } from '../pages/home/home-page';
import { ProfilePage } from '../pages/profile/profile-page';
import { currentUserQuery } from './current-user-query';
import { queryClientFor } from './session-query-client';

export { PrivateApp } from './private-app';

export const privatePages = {
  home: HomePage,
  profile: ProfilePage,
};

export type PrivatePageName = keyof typeof privatePages;

/**
 * Starts the session's cache as soon as the token arrives. The login answer already told us who
 * logged in, so the pages can greet them at once; the entry is marked stale, so GET /protected
 * still runs straight away and has the last word.
 */
export function startSession(token: string, user: CurrentUser): void {
  const client = queryClientFor(token);
  client.setQueryData(currentUserQuery.queryKey, user, { updatedAt: 0 });
  // A failure here is the page's to show, when it reads the same query.
  client.query(currentUserQuery).catch(() => undefined);
}
