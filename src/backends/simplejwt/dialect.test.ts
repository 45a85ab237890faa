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
  it('reads DRF’s `detail` and `code`, and nothing from a serializer’s field errors', () => {
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

  it('renews to no new refresh token without rotation, and refuses one that is not a JWT', () => {
    const access = jwt('access');
    expect(simplejwt.refresh.parse({ access })).toEqual({ access, refresh: null });
    expect(() => simplejwt.refresh.parse({ access, refresh: 'opaque' })).toThrow(ShapeError);
  });

  it('asks for no blacklisting when there is no refresh token', () => {
    expect(simplejwt.logout.requests(jwt('access'), null)).toEqual([]);
  });
});
