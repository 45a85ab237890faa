import { describe, expect, it } from 'vitest';
import { ShapeError } from '../../lib/parse';
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
});
