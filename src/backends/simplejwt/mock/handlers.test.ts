/**
 * The mock in SimpleJWT's dialect where Django, DRF 3.14 and SimpleJWT 5.2.2 decide the answer in
 * ways that are easy to get wrong. backend-tests/differential/simplejwt.test.ts checks each
 * against the running reference backend; these say what a caller of the mock can count on
 * without Python.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useApiProfile } from '../../../test/api-profile';
import { sendToMockApi } from '../../../test/profile-tests';
import { signClaims } from '../../../emulation/jwt-signing';
import { configureMockApi, mockServerState } from '../../../mock-api/node';

const JSON_TYPE = { 'Content-Type': 'application/json' };
const post = (path: string, body: unknown, headers: Record<string, string> = JSON_TYPE) =>
  sendToMockApi('POST', path, {
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const GOOD = { username: 'alesanchezr', password: '12341234' };
const logIn = (body: unknown, headers?: Record<string, string>) =>
  post('/api/token/', body, headers);
const renew = (refresh: unknown) => post('/api/token/refresh/', { refresh });
const me = (token: string) =>
  sendToMockApi('GET', '/api/me/', { headers: { Authorization: `Bearer ${token}` } });

const now = () => Math.floor(Date.now() / 1000);
const token = (claims: Record<string, unknown>) =>
  signClaims({
    token_type: 'access',
    exp: now() + 300,
    iat: now(),
    jti: crypto.randomUUID().replace(/-/g, ''),
    user_id: 1,
    ...claims,
  });
const refreshToken = (claims: Record<string, unknown>) =>
  token({ token_type: 'refresh', exp: now() + 86_400, ...claims });

const aString = () => expect.any(String) as string;
const TOKENS = { status: 200, body: { refresh: aString(), access: aString() } };
const SERVER_ERROR = { status: 500, type: 'text/html' };

beforeEach(() => {
  useApiProfile('simplejwt', { loginIdentifier: 'username' });
});

describe('POST /api/token/ parses the body as DRF does', () => {
  it('picks the parser by media type, in any case, with wildcards', async () => {
    expect(await logIn(GOOD, { 'Content-Type': 'Application/JSON; charset=utf-8' })).toMatchObject(
      TOKENS,
    );
    expect(await logIn(GOOD, { 'Content-Type': 'application/*' })).toMatchObject(TOKENS);
    expect(await logIn(GOOD, { 'Content-Type': 'application/json-patch+json' })).toMatchObject({
      status: 415,
      body: { detail: 'Unsupported media type "application/json-patch+json" in request.' },
    });
  });

  it('answers a multipart type without a boundary with 400, and reads nothing from garbage', async () => {
    expect(await logIn('x', { 'Content-Type': 'multipart/form-data' })).toMatchObject({
      status: 400,
      body: { detail: 'Multipart form parse error - Invalid boundary in multipart: None' },
    });
    expect(
      await logIn('garbage', { 'Content-Type': 'multipart/form-data; boundary=XX' }),
    ).toMatchObject({
      status: 400,
      body: { username: ['This field is required.'], password: ['This field is required.'] },
    });
  });

  it('names the Python type of a body that is not an object', async () => {
    expect(await logIn('1.5')).toMatchObject({
      status: 400,
      body: { non_field_errors: ['Invalid data. Expected a dictionary, but got float.'] },
    });
    expect(await logIn('5')).toMatchObject({
      body: { non_field_errors: ['Invalid data. Expected a dictionary, but got int.'] },
    });
  });

  it('runs CharField’s validators: no NUL, no lone surrogate', async () => {
    expect(await logIn('{"username": "a\\u0000b\\ud800", "password": "\\udfff"}')).toEqual({
      status: 400,
      type: 'application/json',
      body: {
        username: [
          'Null characters are not allowed.',
          'Surrogate characters are not allowed: U+D800.',
        ],
        password: ['Surrogate characters are not allowed: U+DFFF.'],
      },
    });
  });
});

it('takes a character outside the BMP (a surrogate pair in JavaScript) as one character', async () => {
  expect(await logIn({ ...GOOD, password: '12341234 😀' })).toMatchObject({
    status: 401,
    body: { detail: 'No active account found with the given credentials' },
  });
});

describe('GET /api/me/ looks the user up as Django’s ORM does', () => {
  it.each([['1'], [' 1 '], [1.5], [true]])('user_id %j is user 1', async (userId) => {
    expect(await me(await token({ user_id: userId }))).toMatchObject({
      status: 200,
      body: { id: 1, username: 'alesanchezr' },
    });
  });

  it('finds nobody for user_id null', async () => {
    expect(await me(await token({ user_id: null }))).toMatchObject({
      status: 401,
      body: { code: 'user_not_found' },
    });
  });

  it.each([['abc'], [[1]], [{}]])('crashes (Django’s 500 page) on user_id %j', async (userId) => {
    expect(await me(await token({ user_id: userId }))).toMatchObject(SERVER_ERROR);
  });

  it('crashes on an exp that PyJWT takes but datetime does not', async () => {
    expect(await me(await token({ exp: String(now() + 300) }))).toMatchObject(SERVER_ERROR);
  });

  it('ignores an aud claim (SimpleJWT turns the audience check off)', async () => {
    expect(await me(await token({ aud: 'gatehouse' }))).toMatchObject({ status: 200 });
  });
});

describe('refresh tokens and the blacklist', () => {
  it('crashes on a refresh token without a jti, and on blacklisting a null one', async () => {
    expect(await renew(await refreshToken({ jti: undefined }))).toMatchObject(SERVER_ERROR);
    expect(
      await post('/api/token/blacklist/', { refresh: await refreshToken({ jti: null }) }),
    ).toMatchObject(SERVER_ERROR);
  });

  it('checks the blacklist before anything else SimpleJWT checks', async () => {
    const noExp = await refreshToken({ jti: 'gone', exp: undefined });
    await post('/api/token/blacklist/', { refresh: await refreshToken({ jti: 'gone' }) });
    expect(await renew(noExp)).toMatchObject({
      status: 401,
      body: { detail: 'Token is blacklisted', code: 'token_not_valid' },
    });
  });

  it('with rotation, refuses a used refresh token, its jti read as the CharField stores it', async () => {
    configureMockApi({ rotateRefreshTokens: true });
    const used = await refreshToken({ jti: 5 });
    expect(await renew(used)).toMatchObject({
      status: 200,
      body: { access: aString(), refresh: aString() },
    });
    expect(await renew(await refreshToken({ jti: '5' }))).toMatchObject({
      status: 401,
      body: { detail: 'Token is blacklisted' },
    });
  });
});

describe('the panel’s injected server error', () => {
  it('is Django’s own 500 page, not Flask’s', async () => {
    configureMockApi({ failNext: true, failureKind: 'server-error' });

    const answer = await logIn(GOOD);

    expect(answer).toMatchObject({ status: 500, type: 'text/html' });
    expect(answer.body).toContain('<title>Server Error (500)</title>');
  });
});

describe('the reference backend’s account routes', () => {
  const withToken = (bearer: string | null, body?: unknown) => ({
    headers: {
      ...JSON_TYPE,
      ...(bearer === null ? {} : { Authorization: `Bearer ${bearer}` }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const send = (path: string, bearer: string | null, body?: unknown) =>
    sendToMockApi('POST', path, withToken(bearer, body));
  const pair = async (username: string, password: string) =>
    (await logIn({ username, password })).body as { access: string; refresh: string };
  const claimsOf = (jwt: string) =>
    JSON.parse(atob((jwt.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as Record<
      string,
      unknown
    >;
  const BLACKLISTED = {
    status: 401,
    body: { code: 'token_not_valid', messages: [{ message: 'Token is blacklisted' }] },
  };

  beforeEach(() => {
    useApiProfile('simplejwt', { loginIdentifier: 'username', passwordReset: true });
  });

  it('dates a pair with one iat_ns; a renewal copies it, a rotation dates the new refresh token', async () => {
    configureMockApi({ rotateRefreshTokens: true });
    const { access, refresh } = await pair('ada', 'lovelace1815');
    const issued = claimsOf(refresh).iat_ns;
    expect(typeof issued).toBe('number');
    expect(claimsOf(access).iat_ns).toBe(issued);
    const renewed = (await renew(refresh)).body as { access: string; refresh: string };
    expect(claimsOf(renewed.access).iat_ns).toBe(issued);
    expect(claimsOf(renewed.refresh).iat_ns).toBeGreaterThan(Number(issued));
  });

  it('answers every reset request alike, throttles the sixth, and mails active users only', async () => {
    for (const username of ['ada', 'nobody', 'alice', ' nobody ', 'nobody', 'nobody', 'nobody']) {
      expect(await send('/api/password-reset/', null, { username })).toMatchObject({
        status: 202,
        body: { detail: 'If the account exists, a reset link was sent' },
      });
    }
    expect(await send('/api/password-reset/', null, { username: 'nobody' })).toMatchObject({
      status: 429,
      body: { detail: 'Request was throttled. Expected available in 3600 seconds.' },
    });
    expect(await send('/api/password-reset/', null, { username: '' })).toMatchObject({
      status: 400,
      body: { username: ['This field may not be blank.'] },
    });
    expect(mockServerState.accounts.mailbox.map((mail) => mail.to)).toEqual(['ada@example.com']);
  });

  it('resets with the link: the token’s error first, then every validator’s message', async () => {
    await send('/api/password-reset/', null, { username: 'ada' });
    const [mail] = mockServerState.accounts.mailbox;
    const token = new URL(mail?.link ?? 'http://x/').hash.replace('#token=', '');
    expect(
      await send('/api/password-reset/confirm/', null, { token: 'garbage', password: '1' }),
    ).toMatchObject({ status: 400, body: { token: ['Invalid or expired reset token'] } });
    expect(
      await send('/api/password-reset/confirm/', null, { token, password: '1234567' }),
    ).toMatchObject({
      status: 400,
      body: {
        password: [
          'This password is too short. It must contain at least 8 characters.',
          'This password is too common.',
          'This password is entirely numeric.',
        ],
      },
    });
    expect(
      await send('/api/password-reset/confirm/', null, { token, password: 'ada@example' }),
    ).toMatchObject({
      status: 400,
      body: { password: ['The password is too similar to the email address.'] },
    });
    const before = await pair('ada', 'lovelace1815');
    expect(
      await send('/api/password-reset/confirm/', null, {
        token,
        password: 'correct horse battery',
      }),
    ).toMatchObject({ status: 200, body: { detail: 'Password changed' } });
    expect(await me(before.access)).toMatchObject(BLACKLISTED);
    expect(await renew(before.refresh)).toMatchObject({
      status: 401,
      body: { detail: 'Token is blacklisted', code: 'token_not_valid' },
    });
    expect(await logIn({ username: 'ada', password: 'correct horse battery' })).toMatchObject(
      TOKENS,
    );
  });

  it('changes the password with both fields’ errors at once, then answers a new pair', async () => {
    const { access } = await pair('ada', 'lovelace1815');
    expect(
      await send('/api/password/', access, { current_password: 'wrong', new_password: '123' }),
    ).toMatchObject({
      status: 400,
      body: {
        current_password: ['Current password is incorrect'],
        new_password: [
          'This password is too short. It must contain at least 8 characters.',
          'This password is too common.',
          'This password is entirely numeric.',
        ],
      },
    });
    const changed = await send('/api/password/', access, {
      current_password: ' lovelace1815 ',
      new_password: 'correct horse battery',
    });
    expect(changed).toMatchObject(TOKENS);
    expect(await me(access)).toMatchObject(BLACKLISTED);
    expect(await me((changed.body as { access: string }).access)).toMatchObject({ status: 200 });
  });

  it('logs out everywhere: a crafted token dated before it is refused, one dated after is not', async () => {
    const { access } = await pair('ada', 'lovelace1815');
    const nanoseconds = (seconds: number) => seconds * 1e9;
    const earlier = await token({ user_id: 2, iat_ns: nanoseconds(now() - 10) });
    const later = await token({ user_id: 2, iat_ns: nanoseconds(now() + 3600) });
    expect(await send('/api/logout-everywhere/', access)).toMatchObject({
      status: 200,
      body: { detail: 'Logged out everywhere' },
    });
    expect(await send('/api/logout-everywhere/', access)).toMatchObject(BLACKLISTED);
    expect(await me(earlier)).toMatchObject(BLACKLISTED);
    expect(await me(later)).toMatchObject({ status: 200 });
  });

  it('authenticates before it checks the method, as DRF does', async () => {
    expect(await sendToMockApi('GET', '/api/password/')).toMatchObject({
      status: 401,
      body: { detail: 'Authentication credentials were not provided.' },
    });
    const { access } = await pair('ada', 'lovelace1815');
    expect(await sendToMockApi('GET', '/api/logout-everywhere/', withToken(access))).toMatchObject({
      status: 405,
      body: { detail: 'Method "GET" not allowed.' },
    });
  });

  it('has none of the routes without VITE_PASSWORD_RESET: Django’s 404 page', async () => {
    useApiProfile('simplejwt', { loginIdentifier: 'username', passwordReset: false });
    for (const path of ['/api/password-reset/', '/api/password/', '/api/logout-everywhere/']) {
      const answer = await send(path, null, {});
      expect(answer).toMatchObject({ status: 404, type: 'text/html' });
      expect(answer.body).toContain('<title>Not Found</title>');
    }
  });
});
