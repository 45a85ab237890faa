/**
 * Two-step verification and passkeys in the mock's cookie mode (VITE_TOKEN_STORAGE=cookie), as
 * the reference backend answers with TOKEN_LOCATION=cookies: the first step sets no cookie, the
 * second step and a passkey sign-in set them like POST /token, and the factor routes read the
 * access cookie with its CSRF double submit.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiPath } from '../../../mock-api/handlers';
import { configureMockApi } from '../../../mock-api/node';
import { configureAppEnv } from '../../../test/app-env';
import { createSoftwareAuthenticator } from '../../../test/software-authenticator';
import { MOCK_HTTPONLY_COOKIES_KEY } from './cookies';
import { totpCode } from './totp';

interface Answer {
  status: number;
  body: unknown;
  /** The Set-Cookie lines, up to each value. */
  setCookies: string[];
}

async function send(
  method: 'GET' | 'POST',
  path: string,
  { csrf, body }: { csrf?: string; body?: unknown } = {},
): Promise<Answer> {
  const headers = new Headers();
  if (csrf !== undefined) headers.set('X-CSRF-TOKEN', csrf);
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  const response = await fetch(new URL(apiPath(path), window.location.origin), {
    method,
    headers,
    credentials: 'include',
    body: body === undefined ? null : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as unknown,
    setCookies: response.headers.getSetCookie().map((line) => line.split('=')[0] ?? ''),
  };
}

const field = (answer: Answer, name: string) =>
  String((answer.body as Record<string, unknown>)[name]);

function csrfAccess(): string {
  const pair = document.cookie
    .split('; ')
    .find((cookie) => cookie.startsWith('csrf_access_token='));
  return pair?.split('=')[1] ?? 'none';
}

/** Another session: the mock's httpOnly cookies and the page's csrf cookies forgotten. */
function forgetCookies() {
  localStorage.removeItem(MOCK_HTTPONLY_COOKIES_KEY);
  for (const pair of document.cookie.split('; ')) {
    const [name] = pair.split('=');
    if (name) document.cookie = `${name}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/`;
  }
}

const ADA = { username: 'ada', password: 'lovelace1815' };
const logIn = () => send('POST', '/token', { body: ADA });
const ACCESS_COOKIES = ['access_token_cookie', 'csrf_access_token'];

beforeEach(() => {
  configureAppEnv({ tokenStorage: 'cookie' });
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.UTC(2030, 0, 1, 0, 0, 10));
});

afterEach(() => {
  vi.useRealTimers();
  forgetCookies();
});

/** Two-step verification on for ada, through her cookie session: the secret. */
async function turnOn(): Promise<string> {
  await logIn();
  expect(await send('POST', '/2fa/setup')).toMatchObject({
    status: 401,
    body: { msg: 'Missing CSRF token' },
  });
  const secret = field(await send('POST', '/2fa/setup', { csrf: csrfAccess() }), 'secret');
  const code = await totpCode(secret);
  expect(await send('POST', '/2fa/enable', { csrf: csrfAccess(), body: { code } })).toMatchObject({
    status: 200,
  });
  expect(await send('GET', '/2fa')).toMatchObject({ body: { enabled: true } });
  vi.setSystemTime(Date.now() + 30_000);
  forgetCookies();
  return secret;
}

describe('with two-step verification on', () => {
  it('POST /token sets no cookie; POST /token/2fa sets them and answers {login, user_id}', async () => {
    configureMockApi({ issueRefreshTokens: true });
    const secret = await turnOn();

    const first = await logIn();
    expect(first).toMatchObject({ status: 200, body: { mfa_required: true }, setCookies: [] });

    const second = await send('POST', '/token/2fa', {
      body: { mfa_token: field(first, 'mfa_token'), code: await totpCode(secret) },
    });
    expect(second).toEqual({
      status: 200,
      body: { login: true, user_id: 2 },
      setCookies: [...ACCESS_COOKIES, 'refresh_token_cookie', 'csrf_refresh_token'],
    });
    expect(await send('GET', '/protected')).toMatchObject({ status: 200, body: { id: 2 } });
  });

  it('a refused second step sets nothing', async () => {
    await turnOn();
    const first = await logIn();
    expect(
      await send('POST', '/token/2fa', {
        body: { mfa_token: field(first, 'mfa_token'), code: '000000' },
      }),
    ).toEqual({ status: 401, body: { msg: 'Invalid code' }, setCookies: [] });
  });
});

describe('passkeys', () => {
  it('register with the CSRF value, then sign in: the cookies, like a login', async () => {
    const authenticator = createSoftwareAuthenticator();
    await logIn();
    const begin = await send('POST', '/webauthn/register/begin', { csrf: csrfAccess() });
    const options = (begin.body as { publicKey: PublicKeyCredentialCreationOptionsJSON }).publicKey;
    const credential = await authenticator.register(options, window.location.origin);
    expect(
      await send('POST', '/webauthn/register/complete', {
        csrf: csrfAccess(),
        body: { credential, name: 'Laptop' },
      }),
    ).toMatchObject({ status: 201 });
    forgetCookies();

    const started = await send('POST', '/webauthn/login/begin');
    const { publicKey, state } = started.body as {
      publicKey: PublicKeyCredentialRequestOptionsJSON;
      state: string;
    };
    const assertion = await authenticator.authenticate(publicKey, window.location.origin);
    expect(
      await send('POST', '/webauthn/login/complete', { body: { state, credential: assertion } }),
    ).toEqual({ status: 200, body: { login: true, user_id: 2 }, setCookies: ACCESS_COOKIES });
    expect(await send('GET', '/webauthn/credentials')).toMatchObject({
      status: 200,
      body: [{ name: 'Laptop' }],
    });
  });
});
