/**
 * The mock in flask-jwt-extended's cookie mode (VITE_TOKEN_STORAGE=cookie), as the reference
 * backend answers with TOKEN_LOCATION=cookies: httpOnly token cookies, readable csrf cookies, the
 * X-CSRF-TOKEN double submit on every POST, and a logout that clears the cookies even for a token
 * it can no longer use. backend-tests/differential checks the same answers against the backend.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signClaims } from '../../../emulation/jwt-signing';
import { apiPath } from '../../../mock-api/handlers';
import { configureMockApi } from '../../../mock-api/node';
import { configureAppEnv } from '../../../test/app-env';
import { MOCK_HTTPONLY_COOKIES_KEY } from './cookies';
import { csrfClaimOf } from './flask-jwt';

interface Answer {
  status: number;
  body: unknown;
  /** The Set-Cookie lines, JWT values written as <jwt> and uuids as <uuid>. */
  setCookies: string[];
}

const JWT = /eyJ[\w-]*\.[\w-]+\.[\w-]+/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

async function send(
  method: 'GET' | 'POST',
  path: string,
  {
    csrf,
    body,
    credentials = 'include',
  }: { csrf?: string; body?: unknown; credentials?: RequestCredentials } = {},
): Promise<Answer> {
  const headers = new Headers();
  if (csrf !== undefined) headers.set('X-CSRF-TOKEN', csrf);
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  const response = await fetch(new URL(apiPath(path), window.location.origin), {
    method,
    headers,
    credentials,
    body: body === undefined ? null : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as unknown,
    setCookies: response.headers
      .getSetCookie()
      .map((line) => line.replace(JWT, '<jwt>').replace(UUID, '<uuid>')),
  };
}

/** What the page can read: document.cookie's csrf values. */
function documentCookie(name: string): string | undefined {
  return document.cookie
    .split('; ')
    .map((pair) => pair.split('='))
    .find(([key]) => key === name)?.[1];
}

/** The httpOnly cookies the mock keeps for the page, as a browser would. */
const httpOnlyCookies = () =>
  JSON.parse(localStorage.getItem(MOCK_HTTPONLY_COOKIES_KEY) ?? '{}') as Record<string, string>;

const logIn = (username = 'alesanchezr', password = '12341234') =>
  send('POST', '/token', { body: { username, password } });

const csrfAccess = () => documentCookie('csrf_access_token') ?? 'none';

const SET_ACCESS = [
  'access_token_cookie=<jwt>; HttpOnly; Path=/; SameSite=Lax',
  'csrf_access_token=<uuid>; Path=/; SameSite=Lax',
];
const SET_REFRESH = [
  'refresh_token_cookie=<jwt>; HttpOnly; Path=/; SameSite=Lax',
  'csrf_refresh_token=<uuid>; Path=/; SameSite=Lax',
];
const EXPIRED = 'Expires=Thu, 01 Jan 1970 00:00:00 GMT';
const UNSET = [
  `access_token_cookie=; ${EXPIRED}; HttpOnly; Path=/; SameSite=Lax`,
  `csrf_access_token=; ${EXPIRED}; Path=/; SameSite=Lax`,
  `refresh_token_cookie=; ${EXPIRED}; HttpOnly; Path=/; SameSite=Lax`,
  `csrf_refresh_token=; ${EXPIRED}; Path=/; SameSite=Lax`,
];

beforeEach(() => {
  configureAppEnv({ tokenStorage: 'cookie' });
});

// setup.ts clears localStorage, where the httpOnly ones are, but not document.cookie.
afterEach(() => {
  for (const pair of document.cookie.split('; ')) {
    const [name] = pair.split('=');
    if (name) document.cookie = `${name}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/`;
  }
});

describe('POST /token', () => {
  it('sets the access cookie (httpOnly) and its csrf cookie, and answers no token', async () => {
    expect(await logIn()).toEqual({
      status: 200,
      body: { login: true, user_id: 1 },
      setCookies: SET_ACCESS,
    });
    const token = httpOnlyCookies().access_token_cookie;
    expect(token).toBeDefined();
    // The page reads the csrf value, never the token; the token's csrf claim is that value.
    expect(documentCookie('access_token_cookie')).toBeUndefined();
    expect(csrfClaimOf(token ?? '')).toBe(documentCookie('csrf_access_token'));
  });

  it('with refresh tokens on, sets the refresh cookies too', async () => {
    configureMockApi({ issueRefreshTokens: true });
    expect(await logIn()).toMatchObject({ setCookies: [...SET_ACCESS, ...SET_REFRESH] });
    const { refresh_token_cookie: refresh } = httpOnlyCookies();
    expect(csrfClaimOf(refresh ?? '')).toBe(documentCookie('csrf_refresh_token'));
  });

  it('a wrong password is the same 401 as in header mode, and sets nothing', async () => {
    expect(await logIn('alesanchezr', 'nope')).toEqual({
      status: 401,
      body: { msg: 'Bad username or password' },
      setCookies: [],
    });
  });
});

describe('GET /protected reads the access cookie', () => {
  it('sent with the request: the user', async () => {
    await logIn();
    expect(await send('GET', '/protected')).toMatchObject({
      status: 200,
      body: { id: 1, username: 'alesanchezr' },
    });
  });

  it('not sent (credentials omitted): flask-jwt-extended’s 401', async () => {
    await logIn();
    expect(await send('GET', '/protected', { credentials: 'omit' })).toMatchObject({
      status: 401,
      body: { msg: 'Missing cookie "access_token_cookie"' },
    });
  });

  it('expired: 401 "Token has expired"', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await signClaims({
      sub: '1',
      type: 'access',
      jti: 'old',
      csrf: 'c',
      iat: now - 60,
      exp: now - 1,
    });
    localStorage.setItem(
      MOCK_HTTPONLY_COOKIES_KEY,
      JSON.stringify({ access_token_cookie: expired }),
    );
    expect(await send('GET', '/protected')).toMatchObject({
      status: 401,
      body: { msg: 'Token has expired' },
    });
  });
});

describe('a POST with the access cookie needs its csrf value in X-CSRF-TOKEN', () => {
  const change = { current_password: '12341234', new_password: 'a much longer one' };

  it.each([
    ['none', undefined, 'Missing CSRF token'],
    ['a wrong one', 'not-the-value', 'CSRF double submit tokens do not match'],
  ])('%s: 401, and nothing changes', async (_, csrf, msg) => {
    await logIn();
    expect(await send('POST', '/password', { csrf, body: change })).toEqual({
      status: 401,
      body: { msg },
      setCookies: [],
    });
    expect(await logIn()).toMatchObject({ status: 200 });
  });

  it('with an expired cookie, a wrong one is reported before the expiry', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await signClaims({ sub: '1', csrf: 'c', iat: now - 60, exp: now - 1 });
    localStorage.setItem(
      MOCK_HTTPONLY_COOKIES_KEY,
      JSON.stringify({ access_token_cookie: expired }),
    );
    expect(await send('POST', '/password', { csrf: 'other', body: change })).toMatchObject({
      status: 401,
      body: { msg: 'CSRF double submit tokens do not match' },
    });
    expect(await send('POST', '/password', { csrf: 'c', body: change })).toMatchObject({
      status: 401,
      body: { msg: 'Token has expired' },
    });
  });

  it('the right one: the password changes and new cookies are set', async () => {
    await logIn();
    const before = httpOnlyCookies().access_token_cookie;
    expect(await send('POST', '/password', { csrf: csrfAccess(), body: change })).toEqual({
      status: 200,
      body: { login: true, user_id: 1 },
      setCookies: SET_ACCESS,
    });
    expect(httpOnlyCookies().access_token_cookie).not.toBe(before);
    expect(await send('GET', '/protected')).toMatchObject({ status: 200 });
  });
});

describe('POST /refresh reads the refresh cookie and its own csrf value', () => {
  beforeEach(() => {
    configureMockApi({ issueRefreshTokens: true });
  });

  it.each([
    ['no csrf value', () => undefined, 'Missing CSRF token'],
    ['the access token’s', csrfAccess, 'CSRF double submit tokens do not match'],
  ])('%s: 401', async (_, csrf, msg) => {
    await logIn();
    expect(await send('POST', '/refresh', { csrf: csrf() })).toMatchObject({
      status: 401,
      body: { msg },
    });
  });

  it('csrf_refresh_token’s: {"refresh": true} and a new access cookie', async () => {
    await logIn();
    const before = httpOnlyCookies();
    expect(await send('POST', '/refresh', { csrf: documentCookie('csrf_refresh_token') })).toEqual({
      status: 200,
      body: { refresh: true },
      setCookies: SET_ACCESS,
    });
    const after = httpOnlyCookies();
    expect(after.access_token_cookie).not.toBe(before.access_token_cookie);
    expect(after.refresh_token_cookie).toBe(before.refresh_token_cookie);
  });

  it('without the refresh cookie: 401 naming it', async () => {
    await logIn();
    expect(await send('POST', '/refresh', { credentials: 'omit', csrf: 'x' })).toMatchObject({
      status: 401,
      body: { msg: 'Missing cookie "refresh_token_cookie"' },
    });
  });
});

describe('POST /logout', () => {
  it('clears the four cookies and revokes both tokens', async () => {
    configureMockApi({ issueRefreshTokens: true });
    await logIn();
    const held = httpOnlyCookies();
    const refreshCsrf = documentCookie('csrf_refresh_token');
    expect(await send('POST', '/logout', { csrf: csrfAccess() })).toEqual({
      status: 200,
      body: { msg: 'Logged out' },
      setCookies: UNSET,
    });
    expect(httpOnlyCookies()).toEqual({});
    expect(document.cookie).toBe('');
    // A copy of the cookies kept from before is refused.
    localStorage.setItem(MOCK_HTTPONLY_COOKIES_KEY, JSON.stringify(held));
    expect(await send('GET', '/protected')).toMatchObject({
      status: 401,
      body: { msg: 'Token has been revoked' },
    });
    expect(await send('POST', '/refresh', { csrf: refreshCsrf })).toMatchObject({
      status: 401,
      body: { msg: 'Token has been revoked' },
    });
  });

  it.each([
    ['no csrf value', undefined, 'Missing CSRF token'],
    ['a wrong one', 'not-the-value', 'CSRF double submit tokens do not match'],
  ])('with the access cookie and %s: 401, and the cookies stay', async (_, csrf, msg) => {
    await logIn();
    expect(await send('POST', '/logout', { csrf })).toEqual({
      status: 401,
      body: { msg },
      setCookies: [],
    });
    expect(await send('GET', '/protected')).toMatchObject({ status: 200 });
  });

  it('without any cookie: 200, and clears them all the same', async () => {
    expect(await send('POST', '/logout')).toEqual({
      status: 200,
      body: { msg: 'Logged out' },
      setCookies: UNSET,
    });
  });

  describe('with an expired access cookie', () => {
    beforeEach(async () => {
      const now = Math.floor(Date.now() / 1000);
      const expired = await signClaims({
        sub: '1',
        type: 'access',
        jti: 'old',
        csrf: 'the-csrf',
        iat: now - 60,
        exp: now - 1,
      });
      localStorage.setItem(
        MOCK_HTTPONLY_COOKIES_KEY,
        JSON.stringify({ access_token_cookie: expired }),
      );
    });

    it('and its csrf value: 200, the cookies cleared', async () => {
      expect(await send('POST', '/logout', { csrf: 'the-csrf' })).toMatchObject({
        status: 200,
        setCookies: UNSET,
      });
    });

    it('and a wrong csrf value: still refused', async () => {
      expect(await send('POST', '/logout', { csrf: 'other' })).toMatchObject({
        status: 401,
        body: { msg: 'CSRF double submit tokens do not match' },
      });
    });
  });
});

it('POST /logout-everywhere revokes every session of the user and clears the cookies', async () => {
  await logIn();
  const otherSession = httpOnlyCookies();
  await logIn();
  expect(await send('POST', '/logout-everywhere', { csrf: csrfAccess() })).toEqual({
    status: 200,
    body: { msg: 'Logged out everywhere' },
    setCookies: UNSET,
  });
  localStorage.setItem(MOCK_HTTPONLY_COOKIES_KEY, JSON.stringify(otherSession));
  expect(await send('GET', '/protected')).toMatchObject({
    status: 401,
    body: { msg: 'Token has been revoked' },
  });
});

it('header mode is untouched: the token is in the body, no cookie is set', async () => {
  configureAppEnv({ tokenStorage: 'localStorage' });
  const answer = await logIn();
  expect(answer).toMatchObject({ status: 200, setCookies: [] });
  expect(answer.body).toHaveProperty('token');
  expect(await send('GET', '/protected')).toMatchObject({
    status: 401,
    body: { msg: 'Missing Authorization Header' },
  });
});
