/**
 * Django REST framework with SimpleJWT: JSON bodies, an access and a refresh token at login,
 * renewal with the refresh token in the body, `{"detail", "code"}` errors, and one
 * `token_not_valid` for every refused access token, expired or forged.
 */
import { expectRecord, isRecord } from '../../lib/parse.ts';
import type { ApiDialect } from '../api-dialect.ts';
import {
  credentialsBody,
  expectJwt,
  firstFieldMessage,
  optionalJwt,
  parseIdentifiedUser,
  stringField,
} from '../dialect-parsing.ts';

// A function of its own rather than a read of the login object's property: the bundler keeps a
// property read, and with it the whole object, in builds made for another backend.
function parseTokenPair(data: unknown) {
  const what = 'the login answer';
  const record = expectRecord(data, what);
  return {
    token: expectJwt(record, 'access', what),
    refreshToken: expectJwt(record, 'refresh', what),
    userId: null,
  };
}

/**
 * The account serializers' fields, whose first message is the refusal's sentence (Django's
 * password validators', the reset token's). The login's field errors stay unread: the login page
 * says what it knows without them.
 */
const ACCOUNT_FIELDS = ['token', 'password', 'current_password', 'new_password'] as const;

/**
 * JWTAuthentication's refusal lists why each token class refused the token; its `detail` is the
 * same for all of them. The first reason tells a revoked token ("Token is blacklisted") apart.
 */
function tokenRefusal(body: unknown): string | undefined {
  const messages: unknown[] = isRecord(body) && Array.isArray(body.messages) ? body.messages : [];
  const first = messages[0];
  return isRecord(first) ? stringField(first, 'message') : undefined;
}

/** Django's password validators, every message of theirs the reference backend's settings use. */
const isValidatorMessage = (text: string | undefined) =>
  text !== undefined &&
  (text.startsWith('This password ') || text.startsWith('The password is too similar'));

export const simplejwt = {
  profile: 'simplejwt',
  // TokenObtainPairView takes the user model's USERNAME_FIELD: Django's User logs in with username.
  identifiers: ['username'],
  login: { unusableStatus: 400, path: '/api/token/', body: credentialsBody, parse: parseTokenPair },
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
  account: {
    resetRequest: {
      path: '/api/password-reset/',
      // The login's field, USERNAME_FIELD.
      body: (identifier, field) => ({ json: { [field]: identifier } }),
    },
    resetConfirm: {
      path: '/api/password-reset/confirm/',
      // The link's `<uidb64>:<token>`, as one opaque string.
      body: (token, password) => ({ json: { token, password } }),
      refusesToken: ({ status, serverMessage }) =>
        status === 400 && serverMessage === 'Invalid or expired reset token',
    },
    passwordChange: {
      path: '/api/password/',
      body: (currentPassword, newPassword) => ({
        json: { current_password: currentPassword, new_password: newPassword },
      }),
      // POST /api/token/'s answer: a new pair, issued after the change.
      parse: parseTokenPair,
      // With a refused new password too, `current_password` comes first and is the one read.
      refusesCurrentPassword: ({ status, serverMessage }) =>
        status === 400 && serverMessage === 'Current password is incorrect',
    },
    logoutEverywhere: { path: '/api/logout-everywhere/' },
    refusesNewPassword: ({ status, serverMessage }) =>
      status === 400 && isValidatorMessage(serverMessage),
  },
  factors: null,
  readError: (body) => ({
    serverMessage:
      tokenRefusal(body) ?? stringField(body, 'detail') ?? firstFieldMessage(body, ACCOUNT_FIELDS),
    serverCode: stringField(body, 'code'),
  }),
  rejection({ status, serverMessage, serverCode }, expiredByExp) {
    if (status !== 401) return null;
    if (serverCode === 'user_inactive') return 'disabled';
    // The token_blacklist app's word, which the reference backend's revocation uses too: a
    // password change or log-out-everywhere, elsewhere.
    if (serverMessage === 'Token is blacklisted') return 'revoked';
    return expiredByExp ? 'expired' : 'invalid';
  },
} satisfies ApiDialect;
