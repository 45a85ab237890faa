/**
 * Log out: the session ends here at once, whatever the server says. With VITE_API_LOGOUT the
 * server is then asked to revoke the tokens (POST /logout, flask-jwt-extended's blocklist), the
 * access token and the refresh token alike, so a copy of either is useless from now on.
 */
import { endSession } from '../auth/session';
import { getToken, refreshToken } from '../auth/token-storage';
import { API_PATHS } from '../config/api-paths';
import { env } from '../config/env';
import { resolveApiUrl, sendRequest } from './http';

export function logOut(): void {
  const tokens = [getToken(), refreshToken.get()].filter((token) => token !== null);
  endSession('logout');
  if (!env.apiLogout) return;
  for (const token of tokens) {
    sendRequest(resolveApiUrl(API_PATHS.logout), token, {
      method: 'POST',
      parse: () => undefined,
    }).catch(() => {
      // Already logged out here; a server that could not revoke the token is not the
      // person's problem, and its token is gone from this browser.
    });
  }
}
