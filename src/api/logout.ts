/**
 * Log out: the session ends here at once, whatever the server says. With VITE_API_LOGOUT the
 * server is then asked to revoke the tokens, as the build's dialect does it (flask-jwt-extended's
 * blocklist, SimpleJWT's token_blacklist), so a copy of them is useless from now on. A session in
 * httpOnly cookies always asks: only the server can clear them.
 */
import { endSession } from '../auth/session';
import { getToken, refreshToken } from '../auth/token-storage';
import { COOKIE_SESSIONS, env } from '../config/env';
import { resolveApiUrl, sendRequest } from './http';

// Already logged out here; a server that could not revoke the token is not the person's problem,
// and its token is gone from this browser.
const ignoreFailure = () => undefined;

export function logOut(): void {
  const accessToken = getToken();
  const refresh = refreshToken.get();
  endSession('logout');
  const { logout } = env.dialect;
  const { cookieSession } = env;
  if (COOKIE_SESSIONS && cookieSession !== null) {
    // `accessToken` is the CSRF value here, which the request must show to be let through.
    sendRequest(resolveApiUrl(cookieSession.logoutPath), null, {
      method: 'POST',
      csrf: accessToken,
      parse: () => undefined,
    }).catch(ignoreFailure);
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
