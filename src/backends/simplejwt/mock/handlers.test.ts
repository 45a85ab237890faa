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
import { configureMockApi } from '../../../mock-api/node';

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
