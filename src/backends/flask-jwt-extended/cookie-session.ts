/**
 * flask-jwt-extended's cookie mode (docs/api/flask-jwt-extended.md): the tokens in httpOnly
 * cookies, their CSRF values in readable ones. Apart from the dialect, so that only a build with
 * cookie sessions carries it.
 */
import { expectNumber, expectRecord } from '../../lib/parse.ts';
import type { CookieSession } from '../api-dialect.ts';

/** The login answer, flask-jwt-extended's documented `{"login": true}` plus `user_id`. */
function parseLoginAnswer(data: unknown) {
  const what = 'the login answer';
  const record = expectRecord(data, what);
  return { userId: record.user_id === undefined ? null : expectNumber(record, 'user_id', what) };
}

// JWT_ACCESS_CSRF_COOKIE_NAME, JWT_REFRESH_CSRF_COOKIE_NAME and JWT_ACCESS_CSRF_HEADER_NAME's
// defaults; /refresh takes the refresh token's CSRF value under the same header name.
export const flaskCookieSession = {
  csrfCookies: { access: 'csrf_access_token', refresh: 'csrf_refresh_token' },
  csrfHeader: 'X-CSRF-TOKEN',
  parseLogin: parseLoginAnswer,
  refreshPath: '/refresh',
  logoutPath: '/logout',
} satisfies CookieSession;
