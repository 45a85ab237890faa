/**
 * FastAPI's OAuth2 password flow, as its "OAuth2 with Password, Bearer with JWT tokens" tutorial
 * writes it: the login is a form whose field is `username` whatever people log in with, errors
 * are `{"detail"}`, and every refused token gets the same 401, expired or forged.
 */
import { expectRecord, expectString } from '../../lib/parse.ts';
import type { ApiDialect } from '../api-dialect.ts';
import { expectJwt, optionalString, stringField } from '../dialect-parsing.ts';

export const fastapi = {
  profile: 'fastapi',
  identifiers: ['username', 'email'],
  login: {
    unusableStatus: 422,
    path: '/token',
    body: ({ identifier, password }) => ({ form: { username: identifier, password } }),
    parse: (data) => ({
      token: expectJwt(expectRecord(data, 'the login answer'), 'access_token', 'the login answer'),
      refreshToken: null,
      userId: null,
    }),
  },
  currentUser: {
    path: '/users/me/',
    parse(data, field) {
      const what = 'the user';
      const record = expectRecord(data, what);
      const username = expectString(record, 'username', what);
      const email = optionalString(record, 'email', what);
      return {
        id: null,
        identifier: field === 'email' ? (email ?? username) : username,
        email: field === 'email' ? null : email,
        fullName: optionalString(record, 'full_name', what),
      };
    },
  },
  refresh: null,
  signup: null,
  logout: null,
  account: null,
  // A 422's `detail` is a list of validation errors: no sentence to show.
  readError: (body) => ({ serverMessage: stringField(body, 'detail') }),
  rejection({ status, serverMessage }, expiredByExp) {
    if (status === 401) return expiredByExp ? 'expired' : 'invalid';
    // The tutorial's get_current_active_user: the token is good, the account is disabled.
    if (status === 400 && serverMessage === 'Inactive user') return 'disabled';
    return null;
  },
} satisfies ApiDialect;
