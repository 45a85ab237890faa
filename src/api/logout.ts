/**
 * Log out: the session ends here at once, whatever the server says. With VITE_API_LOGOUT the
 * server is then asked to revoke the tokens, as the build's dialect does it (flask-jwt-extended's
 * blocklist, SimpleJWT's token_blacklist), so a copy of them is useless from now on. A session in
 * httpOnly cookies always asks: only the server can clear them.
 */
import { endSession } from '../auth/session';
import { getToken, refreshToken } from '../auth/token-storage';
import { cookieMode } from '../config/cookie-mode';
import { COOKIE_SESSIONS, env } from '../config/env';
import { resolveApiUrl, sendRequest } from './http';

// Already logged out here; a server that could not revoke the token is not the person's problem,
// and its token is gone from this browser.
const ignoreFailure = () => undefined;

/**
 * Asks the server to clear a cookie session's cookies, which only it can. Also for a renewal or a
 * password change whose answer set them again after the session had ended here.
 */
export function clearCookiesOnServer(csrf: string | null): void {
  sendRequest(resolveApiUrl(cookieMode().logoutPath), null, {
    method: 'POST',
    csrf,
    parse: () => undefined,
  }).catch(ignoreFailure);
}

export function logOut(): void {
  const accessToken = getToken();
  const refresh = refreshToken.get();
  endSession('logout');
  const { logout } = env.dialect;
  if (COOKIE_SESSIONS) {
    // `accessToken` is the CSRF value here, which the request must show to be let through.
    clearCookiesOnServer(accessToken);
    return;
  }
  if (!env.apiLogout || logout === null) return;
  for (const { bearer, body } of logout.requests(accessToken, refresh)) {
    sendRequest(resolveApiUrl(logout.path), bearer, {
      method: 'POST',
      body,
      parse: () => undefined,
    }).catch(ignoreFailure);
  }
}
