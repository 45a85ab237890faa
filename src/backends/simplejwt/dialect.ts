/**
 * Django REST framework with SimpleJWT: JSON bodies, an access and a refresh token at login,
 * renewal with the refresh token in the body, `{"detail", "code"}` errors, and one
 * `token_not_valid` for every refused access token, expired or forged.
 */
import { expectRecord } from '../../lib/parse.ts';
import type { ApiDialect } from '../api-dialect.ts';
import {
  credentialsBody,
  expectJwt,
  optionalJwt,
  parseIdentifiedUser,
  stringField,
} from '../dialect-parsing.ts';

export const simplejwt = {
  profile: 'simplejwt',
  // TokenObtainPairView takes the user model's USERNAME_FIELD: Django's User logs in with username.
  identifiers: ['username'],
  login: {
    unusableStatus: 400,
    path: '/api/token/',
    body: credentialsBody,
    parse(data) {
      const what = 'the login answer';
      const record = expectRecord(data, what);
      return {
        token: expectJwt(record, 'access', what),
        refreshToken: expectJwt(record, 'refresh', what),
        userId: null,
      };
    },
  },
  currentUser: { path: '/api/me/', parse: (data, field) => parseIdentifiedUser(data, field) },
  refresh: {
    path: '/api/token/refresh/',
    request: (refreshToken) => ({ bearer: null, body: { json: { refresh: refreshToken } } }),
    parse(data) {
      const what = 'the refresh answer';
      const record = expectRecord(data, what);
      // With ROTATE_REFRESH_TOKENS the answer carries the refresh token to use next.
      return {
        access: expectJwt(record, 'access', what),
        refresh: optionalJwt(record, 'refresh', what),
      };
    },
    // TokenRefreshView answers a bad, expired or blacklisted refresh token with 401 token_not_valid.
    refusedStatuses: [401],
  },
  signup: null,
  // The token_blacklist app's view: the refresh token can renew nothing any more.
  logout: {
    path: '/api/token/blacklist/',
    requests: (_accessToken, refreshToken) =>
      refreshToken === null ? [] : [{ bearer: null, body: { json: { refresh: refreshToken } } }],
  },
  account: null,
  readError: (body) => ({
    serverMessage: stringField(body, 'detail'),
    serverCode: stringField(body, 'code'),
  }),
  rejection({ status, serverCode }, expiredByExp) {
    if (status !== 401) return null;
    if (serverCode === 'user_inactive') return 'disabled';
    return expiredByExp ? 'expired' : 'invalid';
  },
} satisfies ApiDialect;
