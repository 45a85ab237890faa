import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64UrlJson } from '../../../emulation/base64url';
import {
  createAccessToken,
  createRefreshToken,
  verifyJwt,
  type TokenClaims,
  type Verification,
} from './flask-jwt';
import { signClaims } from '../../../emulation/jwt-signing';

const NOW = 1_700_000_000;
const LIFETIME = 15 * 60;

const MISSING_HEADER = 'Missing Authorization Header';
const MISSING_BEARER =
  "Missing 'Bearer' type in 'Authorization' header. Expected 'Authorization: Bearer <JWT>'";
const BAD_HEADER = "Bad Authorization header. Expected 'Authorization: Bearer <JWT>'";

function verify(
  authorization: string | null,
  isRevoked: (claims: Record<string, unknown>) => boolean = () => false,
): Promise<Verification> {
  return verifyJwt(authorization, { nowSeconds: NOW, isRevoked });
}

function segments(token: string): [string, string, string] {
  const [header, payload, signature, ...rest] = token.split('.');
  if (header === undefined || payload === undefined || signature === undefined || rest.length > 0)
    throw new Error(`not a three-segment token: ${token}`);
  return [header, payload, signature];
}

function decodeSegment(segment: string): unknown {
  const bytes = decodeBase64Url(segment);
  if (bytes === null) throw new Error(`not base64url: ${segment}`);
  return JSON.parse(new TextDecoder().decode(bytes));
}

function claimsOf(token: string): TokenClaims {
  return decodeSegment(segments(token)[1]) as TokenClaims;
}

/** Replaces the first character of the signature, which always changes the signature bytes. */
function tamperSignature(token: string): string {
  const [header, payload, signature] = segments(token);
  const first = signature.startsWith('A') ? 'B' : 'A';
  return `${header}.${payload}.${first}${signature.slice(1)}`;
}

interface Tokens {
  valid: string;
  hs512: string;
  noneSigned: string;
  noneUnsigned: string;
  otherSecret: string;
  tamperedSignature: string;
  tamperedPayload: string;
  iatInFuture: string;
  expired: string;
  expiringNow: string;
}

let tokens: Tokens;

beforeAll(async () => {
  const valid = await createAccessToken({
    identity: '1',
    lifetimeSeconds: LIFETIME,
    nowSeconds: NOW,
  });
  const claims = claimsOf(valid);
  const [header, payload, signature] = segments(valid);
  const forgedPayload = encodeBase64UrlJson({ ...claims, sub: '2' });
  tokens = {
    valid,
    hs512: await signClaims(claims, { alg: 'HS512', typ: 'JWT' }),
    noneSigned: await signClaims(claims, { alg: 'none', typ: 'JWT' }),
    noneUnsigned: `${encodeBase64UrlJson({ alg: 'none', typ: 'JWT' })}.${payload}.`,
    otherSecret: await createAccessToken({
      identity: '1',
      lifetimeSeconds: LIFETIME,
      nowSeconds: NOW,
      secret: 'another-secret',
    }),
    tamperedSignature: tamperSignature(valid),
    tamperedPayload: `${header}.${forgedPayload}.${signature}`,
    iatInFuture: await createAccessToken({
      identity: '1',
      lifetimeSeconds: LIFETIME,
      nowSeconds: NOW + 60,
    }),
    expired: await createAccessToken({
      identity: '1',
      lifetimeSeconds: LIFETIME,
      nowSeconds: NOW - LIFETIME - 1,
    }),
    expiringNow: await createAccessToken({
      identity: '1',
      lifetimeSeconds: LIFETIME,
      nowSeconds: NOW - LIFETIME,
    }),
  };
});

describe('verifyJwt: the Authorization header', () => {
  it.each<[string, (t: Tokens) => string | null, 401 | 422, string]>([
    ['no Authorization header', () => null, 401, MISSING_HEADER],
    ['an empty Authorization header', () => '', 401, MISSING_HEADER],
    ['a Basic value', () => 'Basic abc', 401, MISSING_BEARER],
    ['"bearer" in lower case', (t) => `bearer ${t.valid}`, 401, MISSING_BEARER],
    ['the bare token', (t) => t.valid, 401, MISSING_BEARER],
    ['"Bearer" with no token', () => 'Bearer', 422, BAD_HEADER],
    ['"Bearer" with a trailing space only', () => 'Bearer ', 422, BAD_HEADER],
    ['"Bearer" with two words', () => 'Bearer a b', 422, BAD_HEADER],
    ['two Bearer values', (t) => `Bearer ${t.valid}, Bearer ${t.valid}`, 401, MISSING_BEARER],
    ['"Bearerx" as the type', (t) => `Bearerx ${t.valid}`, 401, MISSING_BEARER],
  ])('%s: %i %j', async (_case, header, status, msg) => {
    expect(await verify(header(tokens))).toEqual({ ok: false, status, msg });
  });

  it('finds the Bearer value among comma-separated values', async () => {
    expect(await verify(`Basic abc, Bearer ${tokens.valid}`)).toMatchObject({ ok: true });
  });
});

describe('verifyJwt: the token', () => {
  it.each<[string, (t: Tokens) => string, 401 | 422, string]>([
    ['not a JWT', () => 'not-a-jwt', 422, 'Not enough segments'],
    ['two segments', () => 'a.b', 422, 'Not enough segments'],
    ['three segments that are not base64 JSON', () => 'a.b.c', 422, 'Invalid header padding'],
    ['alg HS512', (t) => t.hs512, 422, 'The specified alg value is not allowed'],
    ['alg none, signed', (t) => t.noneSigned, 422, 'The specified alg value is not allowed'],
    ['alg none, unsigned', (t) => t.noneUnsigned, 422, 'The specified alg value is not allowed'],
    ['signed with another secret', (t) => t.otherSecret, 422, 'Signature verification failed'],
    ['a tampered signature', (t) => t.tamperedSignature, 422, 'Signature verification failed'],
    ['a tampered payload', (t) => t.tamperedPayload, 422, 'Signature verification failed'],
    [
      'a payload that is not a JSON object, and a wrong signature',
      (t) => `${segments(t.valid)[0]}.${encodeBase64UrlJson([1])}.${segments(t.valid)[2]}`,
      422,
      'Invalid payload string: must be a json object',
    ],
    ['iat in the future', (t) => t.iatInFuture, 422, 'The token is not yet valid (iat)'],
    ['expired', (t) => t.expired, 401, 'Token has expired'],
    ['exp equal to now', (t) => t.expiringNow, 401, 'Token has expired'],
  ])('%s: %i %j', async (_case, token, status, msg) => {
    expect(await verify(`Bearer ${token(tokens)}`)).toEqual({ ok: false, status, msg });
  });

  it('answers 401 "Token has been revoked" for a token on the blocklist', async () => {
    const { jti } = claimsOf(tokens.valid);
    const revoked = (claims: Record<string, unknown>) => claims.jti === jti;

    expect(await verify(`Bearer ${tokens.valid}`, revoked)).toEqual({
      ok: false,
      status: 401,
      msg: 'Token has been revoked',
    });
  });

  it('accepts a valid token that is not on the blocklist', async () => {
    const revoked = (claims: Record<string, unknown>) => claims.jti === 'some-other-jti';

    expect(await verify(`Bearer ${tokens.valid}`, revoked)).toMatchObject({ ok: true });
  });
});

describe('verifyJwt: a valid token', () => {
  it('passes with flask-jwt-extended’s claims and the identity as a string sub', async () => {
    const result = await verify(`Bearer ${tokens.valid}`);
    if (!result.ok) throw new Error(`rejected with ${result.status} ${result.msg}`);

    expect(result.claims).toEqual({
      fresh: false,
      iat: NOW,
      jti: expect.any(String) as string,
      type: 'access',
      sub: '1',
      nbf: NOW,
      csrf: expect.any(String) as string,
      exp: NOW + LIFETIME,
    });
  });

  it('passes one second before exp', async () => {
    const token = await createAccessToken({
      identity: '1',
      lifetimeSeconds: LIFETIME,
      nowSeconds: NOW - LIFETIME + 1,
    });

    expect(await verify(`Bearer ${token}`)).toMatchObject({ ok: true });
  });

  it('has the header flask-jwt-extended writes', () => {
    expect(decodeSegment(segments(tokens.valid)[0])).toEqual({ alg: 'HS256', typ: 'JWT' });
  });

  it('gives every token its own jti and csrf', async () => {
    const other = await createAccessToken({
      identity: '1',
      lifetimeSeconds: LIFETIME,
      nowSeconds: NOW,
    });

    expect(claimsOf(other).jti).not.toBe(claimsOf(tokens.valid).jti);
    expect(claimsOf(other).csrf).not.toBe(claimsOf(tokens.valid).csrf);
  });
});

describe('verifyJwt: access and refresh tokens', () => {
  const NON_REFRESH = 'Only non-refresh tokens are allowed';
  const REFRESH_ONLY = 'Only refresh tokens are allowed';
  let refreshToken: string;

  beforeAll(async () => {
    refreshToken = await createRefreshToken({
      identity: '1',
      lifetimeSeconds: 30 * 24 * 60 * 60,
      nowSeconds: NOW,
    });
  });

  const verifyAs = (token: string, refresh?: boolean) =>
    verifyJwt(`Bearer ${token}`, { nowSeconds: NOW, isRevoked: () => false, refresh });

  it('writes a refresh token with the access token’s claims and type "refresh"', () => {
    expect(claimsOf(refreshToken)).toEqual({
      fresh: false,
      iat: NOW,
      jti: expect.any(String) as string,
      type: 'refresh',
      sub: '1',
      nbf: NOW,
      csrf: expect.any(String) as string,
      exp: NOW + 30 * 24 * 60 * 60,
    });
  });

  it('jwt_required() refuses a refresh token with 422', async () => {
    expect(await verifyAs(refreshToken)).toEqual({ ok: false, status: 422, msg: NON_REFRESH });
  });

  it('jwt_required(refresh=True) takes a refresh token', async () => {
    expect(await verifyAs(refreshToken, true)).toMatchObject({
      ok: true,
      claims: { type: 'refresh', sub: '1' },
    });
  });

  it('jwt_required(refresh=True) refuses an access token with 422', async () => {
    expect(await verifyAs(tokens.valid, true)).toEqual({
      ok: false,
      status: 422,
      msg: REFRESH_ONLY,
    });
  });

  it('reads a token without "type" as an access token, as flask-jwt-extended does', async () => {
    const untyped: Partial<TokenClaims> = { ...claimsOf(tokens.valid) };
    delete untyped.type;
    const token = await signClaims(untyped);

    expect(await verifyAs(token)).toMatchObject({ ok: true });
    expect(await verifyAs(token, true)).toEqual({ ok: false, status: 422, msg: REFRESH_ONLY });
  });

  it('checks expiry before the type, like PyJWT before flask-jwt-extended', async () => {
    const expiredRefresh = await createRefreshToken({
      identity: '1',
      lifetimeSeconds: 60,
      nowSeconds: NOW - 61,
    });

    expect(await verifyAs(expiredRefresh)).toEqual({
      ok: false,
      status: 401,
      msg: 'Token has expired',
    });
  });
});

describe('verifyJwt: a token expired early by the mock', () => {
  it('answers 401 "Token has expired" for a jti marked as expired, before its exp', async () => {
    const { jti } = claimsOf(tokens.valid);

    expect(
      await verifyJwt(`Bearer ${tokens.valid}`, {
        nowSeconds: NOW,
        isRevoked: () => true,
        isExpiredEarly: (candidate) => candidate === jti,
      }),
    ).toEqual({ ok: false, status: 401, msg: 'Token has expired' });
  });

  it('leaves the other tokens alone', async () => {
    expect(
      await verifyJwt(`Bearer ${tokens.valid}`, {
        nowSeconds: NOW,
        isRevoked: () => false,
        isExpiredEarly: (candidate) => candidate === 'some-other-jti',
      }),
    ).toMatchObject({ ok: true });
  });
});
