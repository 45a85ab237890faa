import { paths } from '../../config/paths';

/** The token from a reset link's fragment (`#token=…`), or null. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token === null || token === '' ? null : token;
}

let tokenAtStartUp: string | null = null;

/**
 * Run first thing at start-up, before the page's own code, the languages or the mock download and
 * before anything renders: a reset link's token goes from the address bar into memory, so that no
 * history entry, bookmark or shared screen holds it while they load, which on a slow connection
 * takes seconds.
 */
export function takeResetTokenFromAddressBar(): void {
  const { pathname, search, hash } = window.location;
  if (pathname.replace(/\/$/, '') !== paths.resetPassword) return;
  const token = tokenFromHash(hash);
  if (token === null) return;
  tokenAtStartUp = token;
  window.history.replaceState(window.history.state, '', pathname + search);
}

/** The token taken at start-up, for the reset page to read once it renders. */
export const resetTokenFromStartUp = (): string | null => tokenAtStartUp;

/**
 * Once the page holds the token: a later visit to /reset-password in this tab, without a link,
 * must not reuse it.
 */
export function forgetResetTokenFromStartUp(): void {
  tokenAtStartUp = null;
}
