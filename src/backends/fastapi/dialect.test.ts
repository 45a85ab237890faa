import { describe, expect, it } from 'vitest';
import { ShapeError } from '../../lib/parse';
import type { AccountRoutes } from '../api-dialect';
import { fastapi } from './dialect';

const user = (fields: Record<string, unknown>) => ({
  username: 'johndoe',
  email: null,
  full_name: null,
  disabled: false,
  ...fields,
});

describe('the fastapi dialect', () => {
  it('reads a /users/me/ answer whose optional fields are null: no id, no email, no full name', () => {
    expect(fastapi.currentUser.parse(user({}), 'username')).toEqual({
      id: null,
      identifier: 'johndoe',
      email: null,
      fullName: null,
    });
    expect(
      fastapi.currentUser.parse(user({ email: 'j@example.com', full_name: 'John' }), 'username'),
    ).toEqual({ id: null, identifier: 'johndoe', email: 'j@example.com', fullName: 'John' });
  });

  it('takes the email as the identifier in email mode, and the username when the email is null', () => {
    expect(fastapi.currentUser.parse(user({ email: 'j@example.com' }), 'email')).toMatchObject({
      identifier: 'j@example.com',
      email: null,
    });
    expect(fastapi.currentUser.parse(user({}), 'email')).toMatchObject({ identifier: 'johndoe' });
  });

  it.each([
    ['no username', { username: undefined }],
    ['a null username', { username: null }],
    ['an email that is not a string', { email: 42 }],
    ['a full name that is not a string', { full_name: ['John'] }],
  ])('refuses a user with %s', (_case, fields) => {
    expect(() => fastapi.currentUser.parse(user(fields), 'username')).toThrow(ShapeError);
  });

  it('reads `detail` when it is a sentence, not a 422’s list of validation errors', () => {
    expect(fastapi.readError({ detail: 'Inactive user' })).toEqual({
      serverMessage: 'Inactive user',
    });
    expect(fastapi.readError({ detail: [{ loc: ['body', 'username'] }] })).toEqual({
      serverMessage: undefined,
    });
  });

  it.each([
    [401, 'Could not validate credentials', false, 'invalid'],
    [401, 'Could not validate credentials', true, 'expired'],
    [401, 'Not authenticated', false, 'invalid'],
    [400, 'Inactive user', false, 'disabled'],
    [400, 'Something else', false, null],
    [403, 'Not enough permissions', true, null],
    [422, undefined, true, null],
    [500, undefined, true, null],
  ] as const)(
    'reads %i %j (expired by exp: %s) as %j',
    (status, serverMessage, expired, reason) => {
      expect(fastapi.rejection({ status, serverMessage }, expired)).toBe(reason);
    },
  );

  describe('the account routes', () => {
    // As the app calls them: through the dialect's type, with every argument.
    const account: AccountRoutes = fastapi.account;

    it('sends JSON bodies, the account under `username` whatever people log in with', () => {
      expect(account.resetRequest.body('ada@example.com', 'email')).toEqual({
        json: { username: 'ada@example.com' },
      });
      expect(account.resetConfirm.body('t', 'p')).toEqual({ json: { token: 't', password: 'p' } });
      expect(account.passwordChange.body('old', 'new')).toEqual({
        json: { current_password: 'old', new_password: 'new' },
      });
    });

    it('reads a change’s answer as a login’s: one token, no refresh token', () => {
      const part = (value: object) =>
        btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      const token = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: 'ada', exp: 2e9 })}.c2ln`;
      expect(account.passwordChange.parse({ access_token: token, token_type: 'bearer' })).toEqual({
        token,
        refreshToken: null,
        userId: null,
      });
    });

    it('tells the link’s, the current password’s and the policy’s refusals apart', () => {
      const invalidLink = { status: 400, serverMessage: 'Invalid or expired reset token' };
      const wrongCurrent = { status: 400, serverMessage: 'Current password is incorrect' };
      const weak = { status: 400, serverMessage: 'This password is too common.' };
      expect(account.resetConfirm.refusesToken(invalidLink)).toBe(true);
      expect(account.resetConfirm.refusesToken(weak)).toBe(false);
      expect(account.passwordChange.refusesCurrentPassword(wrongCurrent)).toBe(true);
      expect(account.passwordChange.refusesCurrentPassword({ ...wrongCurrent, status: 401 })).toBe(
        false,
      );
      expect(account.refusesNewPassword(weak)).toBe(true);
      expect(account.refusesNewPassword(wrongCurrent)).toBe(false);
      expect(account.refusesNewPassword({ status: 422 })).toBe(false);
    });
  });
});
