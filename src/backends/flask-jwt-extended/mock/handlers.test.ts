/**
 * The mock's answers where the reference backend (examples/flask-api) decides them: the login's
 * 400s, a missing user, a method a route does not take, sign-up, logout and the account routes.
 * backend-tests/differential checks each against the running backend; these say what a caller of
 * the mock can count on without Python.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { configureAppEnv } from '../../../test/app-env';
import { signClaims } from '../../../emulation/jwt-signing';
import { apiPath } from '../../../mock-api/handlers';
import { mockServerState } from '../../../mock-api/node';

async function send(method: string, path: string, init: RequestInit = {}) {
  const response = await fetch(new URL(apiPath(path), window.location.origin), { method, ...init });
  const text = await response.text();
  return {
    status: response.status,
    allow: response.headers.get('Allow'),
    body: response.headers.get('Content-Type')?.includes('json')
      ? (JSON.parse(text) as unknown)
      : text,
  };
}

const logIn = (body: unknown) =>
  send('POST', '/token', {
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('POST /token refuses a body it cannot use with 400 and says which field', () => {
  it.each([
    [{ password: '12341234' }, 'username must be a non-empty string'],
    [{ username: '', password: '12341234' }, 'username must be a non-empty string'],
    [{ username: 7, password: '12341234' }, 'username must be a non-empty string'],
    [{ username: 'alesanchezr', password: '' }, 'password must be a non-empty string'],
    [{ username: 'alesanchezr' }, 'password must be a non-empty string'],
    [['alesanchezr', '12341234'], 'The request body must be a JSON object'],
  ])('%j', async (body, msg) => {
    expect(await logIn(body)).toMatchObject({ status: 400, body: { msg } });
  });
});

it('GET /protected with a valid token for a user that is gone: flask-jwt-extended’s 401', async () => {
  const now = Math.floor(Date.now() / 1000);
  const token = await signClaims({ sub: '999', type: 'access', iat: now, exp: now + 60 });
  expect(
    await send('GET', '/protected', { headers: { Authorization: `Bearer ${token}` } }),
  ).toMatchObject({ status: 401, body: { msg: 'Error loading the user 999' } });
});

it.each([
  ['GET', '/token', 'OPTIONS, POST'],
  ['DELETE', '/protected', 'GET, HEAD, OPTIONS'],
])('%s %s is Flask’s HTML 405 with the methods it allows', async (method, path, allow) => {
  const answer = await send(method, path);
  expect(answer).toMatchObject({ status: 405, allow });
  expect(answer.body).toContain('<title>405 Method Not Allowed</title>');
});

const signUp = (body: unknown) =>
  send('POST', '/signup', {
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('POST /signup', () => {
  it('creates the account (201), which then logs in; the same again is 409', async () => {
    expect(await signUp({ username: 'grace', password: 'hopper1906' })).toEqual({
      status: 201,
      allow: null,
      body: { id: 5, username: 'grace' },
    });
    expect(await logIn({ username: 'grace', password: 'hopper1906' })).toMatchObject({
      status: 200,
      body: { user_id: 5 },
    });
    expect(await signUp({ username: 'grace', password: 'countess of lovelace' })).toMatchObject({
      status: 409,
      body: { msg: 'User already exists' },
    });
  });

  it('in email mode takes an email, and refuses one without an email’s shape', async () => {
    configureAppEnv({ loginIdentifier: 'email' });
    expect(await signUp({ email: 'grace.example.com', password: 'x' })).toMatchObject({
      status: 400,
      body: { msg: 'email must be a valid email address' },
    });
    expect(
      await signUp({ email: 'grace@example.com', password: 'countess of lovelace' }),
    ).toMatchObject({
      status: 201,
      body: { id: 5, email: 'grace@example.com' },
    });
    expect(
      await signUp({ email: 'ada@example.com', password: 'countess of lovelace' }),
    ).toMatchObject({
      status: 409,
    });
  });

  it.each([
    ['short', 'hopper', 'This password is too short. It must contain at least 8 characters.'],
    ['common, in any case', 'Password1', 'This password is too common.'],
    ['digits only', '8302917465', 'This password is entirely numeric.'],
  ])(
    'refuses a %s password with the policy’s reason, creating nothing',
    async (_, password, msg) => {
      expect(await signUp({ username: 'grace', password })).toMatchObject({
        status: 400,
        body: { msg },
      });
      expect(await logIn({ username: 'grace', password })).toMatchObject({ status: 401 });
    },
  );

  it('does not exist on a backend without sign-up (VITE_SIGNUP=false): Flask’s 404', async () => {
    configureAppEnv({ signup: false });
    const answer = await signUp({ username: 'grace', password: 'hopper1906' });
    expect(answer.status).toBe(404);
    expect(answer.body).toContain('<title>404 Not Found</title>');
  });
});

describe('POST /logout', () => {
  it('puts the token on the blocklist: any later use is 401 "Token has been revoked"', async () => {
    const { body } = await logIn({ username: 'alesanchezr', password: '12341234' });
    const { token } = body as { token: string };
    const withToken = { headers: { Authorization: `Bearer ${token}` } };

    expect(await send('POST', '/logout', withToken)).toMatchObject({
      status: 200,
      body: { msg: 'Logged out' },
    });
    expect(await send('GET', '/protected', withToken)).toMatchObject({
      status: 401,
      body: { msg: 'Token has been revoked' },
    });
    expect(await send('POST', '/logout', withToken)).toMatchObject({ status: 401 });
  });

  it('wants a token, like every jwt_required route', async () => {
    expect(await send('POST', '/logout')).toMatchObject({
      status: 401,
      body: { msg: 'Missing Authorization Header' },
    });
  });
});

describe('the account routes', () => {
  const post = (path: string, body?: unknown, token?: string) =>
    send('POST', path, {
      headers: {
        'Content-Type': 'application/json',
        ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const protectedWith = (token: string) =>
    send('GET', '/protected', { headers: { Authorization: `Bearer ${token}` } });
  const tokenOf = async (password = '12341234') =>
    ((await logIn({ username: 'alesanchezr', password })).body as { token: string }).token;
  const crafted = (claims: Record<string, unknown>) =>
    signClaims({ sub: '1', type: 'access', exp: Math.floor(Date.now() / 1000) + 60, ...claims });
  const REVOKED = { status: 401, body: { msg: 'Token has been revoked' } };

  beforeEach(() => {
    configureAppEnv({ passwordReset: true });
  });

  it('mails a known account a link that resets the password once', async () => {
    expect(await post('/password-reset', { username: 'alesanchezr' })).toMatchObject({
      status: 202,
    });
    const [mail] = mockServerState.accounts.mailbox;
    expect(mail?.to).toBe('alesanchezr@example.com');
    const token = new URL(mail?.link ?? 'http://x/').hash.replace('#token=', '');
    const confirm = () =>
      post('/password-reset/confirm', { token, password: 'correct horse battery' });

    expect(await confirm()).toMatchObject({ status: 200, body: { msg: 'Password changed' } });
    expect(await confirm()).toMatchObject({
      status: 400,
      body: { msg: 'Invalid or expired reset token' },
    });
    expect(
      await logIn({ username: 'alesanchezr', password: 'correct horse battery' }),
    ).toMatchObject({ status: 200 });
  });

  it('log out everywhere revokes every earlier token, a crafted one by its iat', async () => {
    const now = Math.floor(Date.now() / 1000);
    const issued = await tokenOf();
    const craftedBefore = await crafted({ iat: now - 60 });
    const craftedWithoutIat = await crafted({});
    expect(await protectedWith(craftedBefore)).toMatchObject({ status: 200 });

    expect(await post('/logout-everywhere', undefined, issued)).toMatchObject({ status: 200 });

    for (const token of [issued, craftedBefore, craftedWithoutIat]) {
      expect(await protectedWith(token)).toMatchObject(REVOKED);
    }
    expect(await protectedWith(await tokenOf())).toMatchObject({ status: 200 });
  });
});
