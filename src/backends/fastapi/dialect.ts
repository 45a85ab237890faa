/**
 * FastAPI's OAuth2 password flow, as its "OAuth2 with Password, Bearer with JWT tokens" tutorial
 * writes it: the login is a form whose field is `username` whatever people log in with, errors
 * are `{"detail"}`, and every refused token gets the same 401, expired or forged.
 */
import { expectRecord, expectString } from '../../lib/parse.ts';
import type { ApiDialect, Refusal } from '../api-dialect.ts';
import { expectJwt, optionalString, stringField } from '../dialect-parsing.ts';

// A function of its own rather than a read of the login object's property: the bundler keeps a
// property read, and with it the whole object, in builds made for another backend.
const parseLoginAnswer = (data: unknown) => ({
  token: expectJwt(expectRecord(data, 'the login answer'), 'access_token', 'the login answer'),
  refreshToken: null,
  userId: null,
});

/** A 400 whose `detail` is exactly `text`: the reference backend's account refusals. */
const refusedWith =
  (text: string) =>
  ({ status, serverMessage }: Refusal) =>
    status === 400 && serverMessage === text;

export const fastapi = {
  profile: 'fastapi',
  identifiers: ['username', 'email'],
  login: {
    unusableStatus: 422,
    path: '/token',
    body: ({ identifier, password }) => ({ form: { username: identifier, password } }),
    parse: parseLoginAnswer,
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
  // The reference backend's routes (the tutorial has none): JSON bodies, unlike the login's form.
  account: {
    resetRequest: {
      path: '/password-reset',
      // `username` whatever people log in with, as in the login's OAuth2 form.
      body: (identifier) => ({ json: { username: identifier } }),
    },
    resetConfirm: {
      path: '/password-reset/confirm',
      body: (token, password) => ({ json: { token, password } }),
      refusesToken: refusedWith('Invalid or expired reset token'),
    },
    passwordChange: {
      path: '/password',
      body: (currentPassword, newPassword) => ({
        json: { current_password: currentPassword, new_password: newPassword },
      }),
      // The login's own answer: one access token, no refresh token.
      parse: parseLoginAnswer,
      refusesCurrentPassword: refusedWith('Current password is incorrect'),
    },
    logoutEverywhere: { path: '/logout-everywhere' },
    // The policy words its refusals as Django's validators do.
    refusesNewPassword: ({ status, serverMessage }) =>
      status === 400 && serverMessage?.startsWith('This password ') === true,
  },
  factors: null,
  // A 422's `detail` is a list of validation errors: no sentence to show.
  readError: (body) => ({ serverMessage: stringField(body, 'detail') }),
  rejection({ status, serverMessage }, expiredByExp) {
    if (status === 401) return expiredByExp ? 'expired' : 'invalid';
    // The tutorial's get_current_active_user: the token is good, the account is disabled.
    if (status === 400 && serverMessage === 'Inactive user') return 'disabled';
    return null;
  },
} satisfies ApiDialect;
