/**
 * Refresh tokens in the mock API, flask-jwt-extended's way: off by default (the tutorial's backend
 * has none); with `issueRefreshTokens`, POST /token adds a `refresh_token` and POST /refresh
 * (`@jwt_required(refresh=True)`) trades it for a new access token.
 */
import { describe, expect, it } from 'vitest';
import { decodeBase64Url } from '../../../emulation/base64url';
import { createRefreshToken } from './flask-jwt';
import { apiPath } from '../../../mock-api/handlers';
import { configureMockApi, revokeMockToken } from '../../../mock-api/node';

const THIRTY_DAYS = 30 * 24 * 60 * 60;
const nowSeconds = () => Math.floor(Date.now() / 1000);

interface Answer {
  status: number;
  contentType: string | null;
  body: unknown;
}

async function send(
  method: 'GET' | 'POST',
  path: string,
  { token, body }: { token?: string; body?: unknown } = {},
): Promise<Answer> {
  const headers = new Headers();
  if (token !== undefined) headers.set('Authorization', `Bearer ${token}`);
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  const response = await fetch(new URL(apiPath(path), window.location.origin), {
    method,
    headers,
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  const contentType = response.headers.get('Content-Type');
  return {
    status: response.status,
    contentType,
    body: contentType?.includes('application/json') ? JSON.parse(text) : text,
  };
}

const logIn = () =>
  send('POST', '/token', { body: { username: 'alesanchezr', password: '12341234' } });

function claimsOf(token: unknown): Record<string, unknown> {
  if (typeof token !== 'string') throw new Error(`not a token: ${String(token)}`);
  const bytes = decodeBase64Url(token.split('.')[1] ?? '');
  if (bytes === null) throw new Error(`not a JWT: ${token}`);
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

function field(answer: Answer, key: string): unknown {
  if (typeof answer.body !== 'object' || answer.body === null) {
    throw new Error(`not a JSON object: ${String(answer.body)}`);
  }
  return (answer.body as Record<string, unknown>)[key];
}

describe('with refresh tokens off (the default)', () => {
  it('POST /token answers exactly the tutorial’s token and user_id', async () => {
    const answer = await logIn();

    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body as object)).toEqual(['token', 'user_id']);
    expect(claimsOf(field(answer, 'token')).type).toBe('access');
  });

  it('POST /refresh is a 404, like a backend without that route', async () => {
    const refreshToken = await createRefreshToken({
      identity: '1',
      lifetimeSeconds: THIRTY_DAYS,
      nowSeconds: nowSeconds(),
    });

    const answer = await send('POST', '/refresh', { token: refreshToken });

    expect(answer.status).toBe(404);
    expect(answer.contentType).toContain('text/html');
    expect(answer.body).toContain('<title>404 Not Found</title>');
  });
});

describe('with refresh tokens on', () => {
  it('POST /token also answers a refresh token of 30 days', async () => {
    configureMockApi({ issueRefreshTokens: true });

    const answer = await logIn();

    expect(answer.status).toBe(200);
    // Flask's jsonify sorts the keys.
    expect(Object.keys(answer.body as object)).toEqual(['refresh_token', 'token', 'user_id']);
    const access = claimsOf(field(answer, 'token'));
    const refresh = claimsOf(field(answer, 'refresh_token'));
    expect(Object.keys(refresh)).toEqual(Object.keys(access));
    expect(refresh).toMatchObject({ type: 'refresh', sub: '1', fresh: false });
    expect(refresh.exp).toBe(Number(refresh.iat) + THIRTY_DAYS);
    expect(refresh.jti).not.toBe(access.jti);
  });

  it('gives refresh tokens the configured lifetime', async () => {
    configureMockApi({ issueRefreshTokens: true, refreshTokenLifetimeSeconds: 120 });

    const refresh = claimsOf(field(await logIn(), 'refresh_token'));

    expect(refresh.exp).toBe(Number(refresh.iat) + 120);
  });

  it('POST /refresh trades a refresh token for a new access token that /protected accepts', async () => {
    configureMockApi({ issueRefreshTokens: true, tokenLifetimeSeconds: 60 });
    const refreshToken = field(await logIn(), 'refresh_token') as string;

    const answer = await send('POST', '/refresh', { token: refreshToken });

    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body as object)).toEqual(['access_token']);
    const accessToken = field(answer, 'access_token') as string;
    const claims = claimsOf(accessToken);
    expect(claims).toMatchObject({ type: 'access', sub: '1', fresh: false });
    expect(claims.exp).toBe(Number(claims.iat) + 60);
    expect(await send('GET', '/protected', { token: accessToken })).toEqual({
      status: 200,
      contentType: 'application/json',
      body: { id: 1, username: 'alesanchezr' },
    });
  });

  it('POST /refresh refuses an access token: 422 "Only refresh tokens are allowed"', async () => {
    configureMockApi({ issueRefreshTokens: true });
    const accessToken = field(await logIn(), 'token') as string;

    const answer = await send('POST', '/refresh', { token: accessToken });

    expect(answer).toMatchObject({ status: 422, body: { msg: 'Only refresh tokens are allowed' } });
  });

  it('GET /protected refuses a refresh token: 422 "Only non-refresh tokens are allowed"', async () => {
    configureMockApi({ issueRefreshTokens: true });
    const refreshToken = field(await logIn(), 'refresh_token') as string;

    const answer = await send('GET', '/protected', { token: refreshToken });

    expect(answer).toMatchObject({
      status: 422,
      body: { msg: 'Only non-refresh tokens are allowed' },
    });
  });

  it.each<[string, () => Promise<string | undefined>, number, string]>([
    [
      'no Authorization header',
      () => Promise.resolve(undefined),
      401,
      'Missing Authorization Header',
    ],
    [
      'an expired refresh token',
      () =>
        createRefreshToken({ identity: '1', lifetimeSeconds: 60, nowSeconds: nowSeconds() - 61 }),
      401,
      'Token has expired',
    ],
    ['a token that is not a JWT', () => Promise.resolve('not-a-jwt'), 422, 'Not enough segments'],
  ])('POST /refresh with %s: %i %j', async (_case, token, status, msg) => {
    configureMockApi({ issueRefreshTokens: true });

    const answer = await send('POST', '/refresh', { token: await token() });

    expect(answer).toMatchObject({ status, body: { msg } });
  });

  it('POST /refresh refuses a revoked refresh token: 401 "Token has been revoked"', async () => {
    configureMockApi({ issueRefreshTokens: true });
    const refreshToken = field(await logIn(), 'refresh_token') as string;
    revokeMockToken(refreshToken);

    const answer = await send('POST', '/refresh', { token: refreshToken });

    expect(answer).toMatchObject({ status: 401, body: { msg: 'Token has been revoked' } });
  });
});
