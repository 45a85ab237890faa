import { describe, expect, it } from 'vitest';
import { encodeBase64Url, encodeBase64UrlJson } from '../emulation/base64url';
import { createAccessToken } from '../backends/flask-jwt-extended/mock/flask-jwt';
import { signClaims } from '../emulation/jwt-signing';
import {
  CLOCK_SKEW_SECONDS,
  decodeJwtClaims,
  hasExpiredForServer,
  isExpired,
  msUntilExpiry,
} from './jwt-claims';

const NOW = 1_700_000_000;
const HEADER = encodeBase64UrlJson({ alg: 'HS256', typ: 'JWT' });

/** A token with any payload segment and a signature nobody checks. */
const withPayload = (payload: string) => `${HEADER}.${payload}.c2lnbmF0dXJl`;

describe('decodeJwtClaims', () => {
  it('reads sub, exp and iat from a token the backend issued', async () => {
    const token = await createAccessToken({ identity: '1', lifetimeSeconds: 900, nowSeconds: NOW });

    expect(decodeJwtClaims(token)).toEqual({ sub: '1', exp: NOW + 900, iat: NOW });
  });

  it('reads a payload with non-ASCII characters', async () => {
    const token = await signClaims({ sub: 'José Ñúñez 東京', exp: NOW });

    expect(decodeJwtClaims(token)?.sub).toBe('José Ñúñez 東京');
  });

  it('turns a numeric sub from an older backend into a string', async () => {
    const token = await signClaims({ sub: 42, exp: NOW });

    expect(decodeJwtClaims(token)).toEqual({ sub: '42', exp: NOW });
  });

  it('leaves iat out when the token has none or it is not a number', async () => {
    expect(decodeJwtClaims(await signClaims({ sub: '1', exp: NOW }))).not.toHaveProperty('iat');
    expect(decodeJwtClaims(await signClaims({ sub: '1', exp: NOW, iat: 'yesterday' }))).toEqual({
      sub: '1',
      exp: NOW,
    });
  });

  it.each<[string, string]>([
    ['not a JWT', 'not-a-jwt'],
    ['an empty string', ''],
    ['two segments', 'a.b'],
    ['four segments', `${HEADER}.${encodeBase64UrlJson({ sub: '1', exp: NOW })}.sig.extra`],
    ['three segments that are not base64 JSON', 'a.b.c'],
    ['a payload with characters outside base64url', withPayload('eyJzdWIi!!!')],
    ['a payload in standard base64 with padding', withPayload(`${btoa('{"sub":"1"}')}==`)],
    ['an empty payload', withPayload('')],
    ['a payload that is not UTF-8', withPayload(encodeBase64Url(new Uint8Array([0xff, 0xfe])))],
    ['a payload that is not JSON', withPayload(encodeBase64Url(new TextEncoder().encode('hi')))],
    ['a JSON array payload', withPayload(encodeBase64UrlJson([{ sub: '1', exp: NOW }]))],
    ['a JSON null payload', withPayload(encodeBase64UrlJson(null))],
    ['a JSON string payload', withPayload(encodeBase64UrlJson('{"sub":"1","exp":1}'))],
    ['no exp', withPayload(encodeBase64UrlJson({ sub: '1' }))],
    ['exp as a string', withPayload(encodeBase64UrlJson({ sub: '1', exp: String(NOW) }))],
    [
      'exp that is not finite',
      withPayload(encodeBase64Url(new TextEncoder().encode('{"sub":"1","exp":1e999}'))),
    ],
  ])('gives null for %s', (_case, token) => {
    expect(decodeJwtClaims(token)).toBeNull();
  });
});

describe('whose token it is', () => {
  it('reads SimpleJWT’s user_id where there is no sub', async () => {
    const token = await signClaims({ token_type: 'access', exp: NOW, jti: 'j', user_id: 7 });
    expect(decodeJwtClaims(token)).toEqual({ sub: '7', exp: NOW });
  });

  it.each([
    ['no sub', { exp: NOW }],
    ['sub as an object', { sub: { id: 1 }, exp: NOW }],
  ])('keeps a token with %s: the app needs nothing but exp', async (_case, claims) => {
    expect(decodeJwtClaims(await signClaims(claims))).toEqual({ sub: null, exp: NOW });
  });
});

describe('expiry', () => {
  const claims = { sub: '1', exp: NOW };

  it('tolerates CLOCK_SKEW_SECONDS of clock difference after exp', () => {
    expect(CLOCK_SKEW_SECONDS).toBeGreaterThan(0);
    expect(msUntilExpiry(claims, NOW * 1000)).toBe(CLOCK_SKEW_SECONDS * 1000);
  });

  it('is not expired until exp plus the skew has passed', () => {
    const end = (NOW + CLOCK_SKEW_SECONDS) * 1000;

    expect(isExpired(claims, (NOW - 600) * 1000)).toBe(false);
    expect(isExpired(claims, end - 1)).toBe(false);
    expect(isExpired(claims, end)).toBe(true);
    expect(isExpired(claims, end + 60_000)).toBe(true);
  });

  it('takes a refusal for expiry from CLOCK_SKEW_SECONDS before exp on (hasExpiredForServer)', () => {
    const start = (NOW - CLOCK_SKEW_SECONDS) * 1000;

    expect(hasExpiredForServer(claims, start - 1)).toBe(false);
    expect(hasExpiredForServer(claims, start)).toBe(true);
    expect(hasExpiredForServer(claims, (NOW + 3600) * 1000)).toBe(true);
  });

  it('counts down to the expiry in milliseconds', () => {
    expect(msUntilExpiry(claims, (NOW - 60) * 1000)).toBe((60 + CLOCK_SKEW_SECONDS) * 1000);
    expect(msUntilExpiry(claims, (NOW + CLOCK_SKEW_SECONDS + 1) * 1000)).toBe(-1000);
  });
});
