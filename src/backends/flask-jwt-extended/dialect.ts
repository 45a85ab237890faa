/**
 * Flask + flask-jwt-extended, the seed tutorial's backend and the course project's (docs/api/flask-jwt-extended.md):
 * JSON bodies, `{"msg"}` errors, and a message that says why a token was refused.
 */
import { expectNumber, expectRecord } from '../../lib/parse.ts';
import type { ApiDialect, Refusal, Rejection } from '../api-dialect.ts';
import {
  credentialsBody,
  expectJwt,
  optionalJwt,
  parseIdentifiedUser,
  stringField,
} from '../dialect-parsing.ts';

const REJECTIONS = new Map<string | undefined, Rejection>([
  ['Token has expired', 'expired'],
  ['Token has been revoked', 'revoked'],
]);

// A function of its own rather than a read of the login object's property: the bundler keeps a
// property read, and with it the whole object, in builds made for another backend.
/** The password change and turning two-step verification off say a wrong password alike. */
const refusesCurrentPassword = ({ status, serverMessage }: Refusal) =>
  status === 400 && serverMessage === 'Current password is incorrect';

function parseLoginAnswer(data: unknown) {
  const what = 'the login answer';
  const record = expectRecord(data, what);
  // The tutorial answers `token`; flask-jwt-extended's own docs, `access_token`.
  const token = expectJwt(record, record.token === undefined ? 'access_token' : 'token', what);
  return {
    token,
    refreshToken: optionalJwt(record, 'refresh_token', what),
    userId: record.user_id === undefined ? null : expectNumber(record, 'user_id', what),
  };
}

export const flaskJwtExtended = {
  profile: 'flask-jwt-extended',
  identifiers: ['username', 'email'],
  login: { unusableStatus: 400, path: '/token', body: credentialsBody, parse: parseLoginAnswer },
  currentUser: { path: '/protected', parse: (data, field) => parseIdentifiedUser(data, field) },
  refresh: {
    path: '/refresh',
    request: (refreshToken) => ({ bearer: refreshToken }),
    parse: (data) => ({
      access: expectJwt(
        expectRecord(data, 'the refresh answer'),
        'access_token',
        'the refresh answer',
      ),
      refresh: null,
    }),
    refusedStatuses: [401, 422],
  },
  signup: {
    path: '/signup',
    body: credentialsBody,
    parse: (data, field) => parseIdentifiedUser(data, field, 'the new user'),
  },
  // @jwt_required(verify_type=False): each token goes on the blocklist by its own request.
  logout: {
    path: '/logout',
    requests: (accessToken, refreshToken) =>
      [accessToken, refreshToken]
        .filter((token) => token !== null)
        .map((token) => ({ bearer: token })),
  },
  account: {
    resetRequest: {
      path: '/password-reset',
      body: (identifier, field) => ({ json: { [field]: identifier } }),
    },
    resetConfirm: {
      path: '/password-reset/confirm',
      body: (token, password) => ({ json: { token, password } }),
      refusesToken: ({ status, serverMessage }) =>
        status === 400 && serverMessage === 'Invalid or expired reset token',
    },
    passwordChange: {
      path: '/password',
      body: (currentPassword, newPassword) => ({
        json: { current_password: currentPassword, new_password: newPassword },
      }),
      // The login's own answer: `token`, `user_id`, and `refresh_token` when refresh tokens are on.
      parse: parseLoginAnswer,
      refusesCurrentPassword,
    },
    logoutEverywhere: { path: '/logout-everywhere' },
    // The reference backend's policy words its refusals as Django's validators do.
    refusesNewPassword: ({ status, serverMessage }) =>
      status === 400 && serverMessage?.startsWith('This password ') === true,
  },
  factors: {
    twoFactor: '/2fa',
    secondStep: '/token/2fa',
    passkeys: '/webauthn',
    secondStepRefusal({ status, serverMessage }) {
      if (status === 429) return 'too-many';
      if (status === 401 && serverMessage === 'Invalid code') return 'wrong-code';
      // flask-jwt-extended's words for the step's token: timed out, used, or not one we issued.
      return status === 401 || status === 422 ? 'expired' : null;
    },
    refusesSetupCode: ({ status, serverMessage }) =>
      status === 400 && serverMessage === 'Invalid code',
    refusesCurrentPassword,
  },
  readError: (body) => ({ serverMessage: stringField(body, 'msg') }),
  rejection({ status, serverMessage }) {
    if (status !== 401 && status !== 422) return null;
    return (status === 401 && REJECTIONS.get(serverMessage)) || 'invalid';
  },
  // PyJWT 2.10+ refuses the numeric `sub` that create_access_token(identity=user.id) writes.
  explainMisconfiguration({ status, serverMessage }) {
    if (status !== 422 || serverMessage !== 'Subject must be a string') return;
    import('./numeric-subject-warning.ts').then(
      (warning) => {
        warning.warnAboutNumericSubject();
      },
      () => undefined,
    );
  },
} satisfies ApiDialect;
