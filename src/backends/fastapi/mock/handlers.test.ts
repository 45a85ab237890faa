/**
 * The mock in FastAPI's dialect where FastAPI 0.92, Starlette, python-multipart and PyJWT 2.6
 * decide the answer in ways that are easy to get wrong. backend-tests/differential/fastapi.test.ts
 * checks each against the running reference backend; these say what a caller of the mock can count
 * on without Python.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useApiProfile } from '../../../test/api-profile';
import { sendToMockApi } from '../../../test/profile-tests';
import { signClaims } from '../../../emulation/jwt-signing';

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const logIn = (body: string, headers: Record<string, string> = FORM) =>
  sendToMockApi('POST', '/token', { headers, body });
const me = (token: string) =>
  sendToMockApi('GET', '/users/me/', { headers: { Authorization: `Bearer ${token}` } });

const missing = (field: string) => ({
  loc: ['body', field],
  msg: 'field required',
  type: 'value_error.missing',
});
const TOKEN = { status: 200, body: { token_type: 'bearer' } };
const INVALID = { status: 401, body: { detail: 'Could not validate credentials' } };

const now = () => Math.floor(Date.now() / 1000);
const token = (claims: Record<string, unknown>, header?: Record<string, unknown>) =>
  signClaims({ sub: 'ada', exp: now() + 600, ...claims }, header);

beforeEach(() => {
  useApiProfile('fastapi', { loginIdentifier: 'username' });
});

describe('POST /token reads the form as python-multipart does', () => {
  it('takes the last value of a repeated field, an empty one counting as absent', async () => {
    expect(await logIn('username=ada&password=lovelace1815&username=')).toMatchObject({
      status: 422,
      body: { detail: [missing('username')] },
    });
    expect(await logIn('username=&username=ada&password=lovelace1815')).toMatchObject(TOKEN);
  });

  it('splits at semicolons when no ampersand follows', async () => {
    expect(await logIn('username=ada;password=lovelace1815')).toMatchObject(TOKEN);
  });

  it('percent-decodes like unquote_plus, keeping a broken escape as it is', async () => {
    expect(await logIn('username=ad%61&password=lovelace1815')).toMatchObject(TOKEN);
    expect(await logIn('username=ada&password=lovelace1815%ZZ')).toMatchObject({ status: 401 });
  });

  it('lower-cases the media type only when it has no parameters', async () => {
    const body = 'username=ada&password=lovelace1815';
    const type = 'Application/X-WWW-Form-Urlencoded';
    expect(await logIn(body, { 'Content-Type': type })).toMatchObject(TOKEN);
    expect(await logIn(body, { 'Content-Type': `${type}; charset=UTF-8` })).toMatchObject({
      status: 422,
      body: { detail: [missing('username'), missing('password')] },
    });
  });

  it('answers a multipart body it cannot read with a 400', async () => {
    expect(await logIn('x', { 'Content-Type': 'multipart/form-data' })).toMatchObject({
      status: 400,
      body: { detail: 'Missing boundary in multipart.' },
    });
    expect(
      await logIn('garbage', { 'Content-Type': 'multipart/form-data; boundary=XX' }),
    ).toMatchObject({ status: 400, body: { detail: 'There was an error parsing the body' } });
  });

  it('refuses a file where a string is expected', async () => {
    const body =
      '--XX\r\nContent-Disposition: form-data; name="username"; filename="a.txt"\r\n\r\nada\r\n' +
      '--XX\r\nContent-Disposition: form-data; name="password"\r\n\r\nlovelace1815\r\n--XX--\r\n';
    expect(await logIn(body, { 'Content-Type': 'multipart/form-data; boundary=XX' })).toMatchObject(
      {
        status: 422,
        body: { detail: [{ loc: ['body', 'username'], msg: 'str type expected' }] },
      },
    );
  });

  it('matches grant_type against "password" at the start only', async () => {
    expect(await logIn('grant_type=passwordx&username=ada&password=lovelace1815')).toMatchObject(
      TOKEN,
    );
    expect(
      await logIn('grant_type=client_credentials&username=ada&password=lovelace1815'),
    ).toMatchObject({
      status: 422,
      body: { detail: [{ loc: ['body', 'grant_type'], ctx: { pattern: 'password' } }] },
    });
  });
});

describe('GET /users/me/ decodes the token as PyJWT 2.6 does', () => {
  it('refuses an aud claim, as no audience is expected', async () => {
    expect(await me(await token({ aud: 'gatehouse' }))).toMatchObject(INVALID);
    expect(await me(await token({ aud: '' }))).toMatchObject({ status: 200 });
  });

  it('takes int() of exp: a fractional second past now has expired', async () => {
    expect(await me(await token({ exp: now() + 0.5 }))).toMatchObject(INVALID);
    expect(await me(await token({ exp: String(now() + 600) }))).toMatchObject({ status: 200 });
  });

  it('answers a time claim int() cannot take with a 500, as the uncaught TypeError does', async () => {
    expect(await me(await token({ exp: null }))).toEqual({
      status: 500,
      type: 'text/plain; charset=utf-8',
      body: 'Internal Server Error',
    });
    expect(await me(await token({ iat: String(now()) }))).toMatchObject({ status: 500 });
  });

  it('checks the kid and crit headers', async () => {
    expect(await me(await token({}, { alg: 'HS256', typ: 'JWT', kid: 7 }))).toMatchObject(INVALID);
    expect(await me(await token({}, { alg: 'HS256', typ: 'JWT', crit: ['exp'] }))).toMatchObject(
      INVALID,
    );
  });

  it('skips characters outside the base64 alphabet, as base64.urlsafe_b64decode does', async () => {
    expect(await me(`${await token({})}!!!!`)).toMatchObject({ status: 200 });
    expect(await me((await token({})).slice(0, -2))).toMatchObject(INVALID);
  });

  it('answers a disabled user’s valid token with 400 Inactive user', async () => {
    expect(await me(await token({ sub: 'alice' }))).toMatchObject({
      status: 400,
      body: { detail: 'Inactive user' },
    });
  });
});
