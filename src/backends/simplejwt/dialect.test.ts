import { describe, expect, it } from 'vitest';
import { ShapeError } from '../../lib/parse';
import { simplejwt } from './dialect';

/** A JWT-shaped token with an exp: the dialect reads nothing else of it. */
const jwt = (jti: string) => {
  const part = (value: object) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ exp: 2_000_000_000, jti })}.c2ln`;
};

describe('the simplejwt dialect', () => {
  it('reads DRF’s `detail` and `code`, the token’s own refusal, and nothing from the login serializer’s field errors', () => {
    expect(
      simplejwt.readError({
        detail: 'Given token not valid for any token type',
        code: 'token_not_valid',
        messages: [],
      }),
    ).toEqual({
      serverMessage: 'Given token not valid for any token type',
      serverCode: 'token_not_valid',
    });
    expect(
      simplejwt.readError({
        detail: 'Given token not valid for any token type',
        code: 'token_not_valid',
        messages: [
          { token_class: 'AccessToken', token_type: 'access', message: 'Token is blacklisted' },
        ],
      }),
    ).toEqual({ serverMessage: 'Token is blacklisted', serverCode: 'token_not_valid' });
    expect(simplejwt.readError({ username: ['This field is required.'] })).toEqual({
      serverMessage: undefined,
      serverCode: undefined,
    });
    expect(simplejwt.readError('<h1>Server Error (500)</h1>')).toEqual({
      serverMessage: undefined,
      serverCode: undefined,
    });
  });

  it.each([
    [401, 'token_not_valid', false, 'invalid'],
    [401, 'token_not_valid', true, 'expired'],
    [401, 'user_inactive', false, 'disabled'],
    [401, 'user_inactive', true, 'disabled'],
    [401, 'user_not_found', false, 'invalid'],
    [401, 'bad_authorization_header', false, 'invalid'],
    [401, undefined, false, 'invalid'],
    [400, undefined, true, null],
    [403, 'permission_denied', true, null],
    [500, undefined, true, null],
  ] as const)(
    'reads %i with code %j (expired by exp: %s) as %j',
    (status, serverCode, expired, reason) => {
      expect(simplejwt.rejection({ status, serverCode }, expired)).toBe(reason);
    },
  );

  it('reads a blacklisted token as revoked, before its exp or after it', () => {
    for (const expired of [false, true]) {
      expect(
        simplejwt.rejection(
          { status: 401, serverCode: 'token_not_valid', serverMessage: 'Token is blacklisted' },
          expired,
        ),
      ).toBe('revoked');
    }
  });

  it('renews to no new refresh token without rotation, and refuses one that is not a JWT', () => {
    const access = jwt('access');
    expect(simplejwt.refresh.parse({ access })).toEqual({ access, refresh: null });
    expect(() => simplejwt.refresh.parse({ access, refresh: 'opaque' })).toThrow(ShapeError);
  });

  it('asks for no blacklisting when there is no refresh token', () => {
    expect(simplejwt.logout.requests(jwt('access'), null)).toEqual([]);
  });

  it('reads the first message of the account serializers’ fields, in the body’s order', () => {
    expect(
      simplejwt.readError({
        new_password: ['This password is too common.', 'This password is entirely numeric.'],
      }),
    ).toEqual({ serverMessage: 'This password is too common.', serverCode: undefined });
    expect(
      simplejwt.readError({
        current_password: ['Current password is incorrect'],
        new_password: ['This password is too short. It must contain at least 8 characters.'],
      }).serverMessage,
    ).toBe('Current password is incorrect');
    expect(simplejwt.readError({ token: ['Invalid or expired reset token'] }).serverMessage).toBe(
      'Invalid or expired reset token',
    );
    expect(simplejwt.readError({ password: [] }).serverMessage).toBeUndefined();
    expect(
      simplejwt.readError({ detail: 'Request was throttled.', password: ['x'] }).serverMessage,
    ).toBe('Request was throttled.');
  });

  describe('the account routes', () => {
    const { account } = simplejwt;

    it('names the account by the login’s field, and sends the link’s token as it is', () => {
      expect(account.resetRequest.body('ada', 'username')).toEqual({ json: { username: 'ada' } });
      expect(account.resetConfirm.body('Mg:dj4d1a-6bfd', 'p')).toEqual({
        json: { token: 'Mg:dj4d1a-6bfd', password: 'p' },
      });
      expect(account.passwordChange.body('old', 'new')).toEqual({
        json: { current_password: 'old', new_password: 'new' },
      });
    });

    it('reads a change’s answer as a login’s: the new pair', () => {
      const access = jwt('access');
      const refresh = jwt('refresh');
      expect(account.passwordChange.parse({ refresh, access })).toEqual({
        token: access,
        refreshToken: refresh,
        userId: null,
      });
    });

    it('tells the link’s, the current password’s and the validators’ refusals apart', () => {
      const refusal = (body: unknown) => ({ status: 400, ...simplejwt.readError(body) });
      const invalidLink = refusal({ token: ['Invalid or expired reset token'] });
      const wrongCurrent = refusal({ current_password: ['Current password is incorrect'] });
      const similar = refusal({
        password: ['The password is too similar to the email address.'],
      });
      const common = refusal({ new_password: ['This password is too common.'] });
      const required = refusal({ token: ['This field is required.'] });
      expect(account.resetConfirm.refusesToken(invalidLink)).toBe(true);
      expect(account.resetConfirm.refusesToken(required)).toBe(false);
      expect(account.passwordChange.refusesCurrentPassword(wrongCurrent)).toBe(true);
      expect(account.passwordChange.refusesCurrentPassword(common)).toBe(false);
      expect(account.refusesNewPassword(similar)).toBe(true);
      expect(account.refusesNewPassword(common)).toBe(true);
      expect(account.refusesNewPassword(wrongCurrent)).toBe(false);
      expect(account.refusesNewPassword(required)).toBe(false);
    });
  });
});
