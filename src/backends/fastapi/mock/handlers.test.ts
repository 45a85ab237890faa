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
import { mockServerState } from '../../../mock-api/node';

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

describe('the reference backend’s account routes', () => {
  const json = (path: string, body: unknown, bearer?: string) =>
    sendToMockApi('POST', path, {
      headers: {
        'Content-Type': 'application/json',
        ...(bearer === undefined ? {} : { Authorization: `Bearer ${bearer}` }),
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  const loginToken = async (username: string, password: string) =>
    ((await logIn(`username=${username}&password=${password}`)).body as { access_token: string })
      .access_token;
  const claimsOf = (jwt: string) =>
    JSON.parse(atob((jwt.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as Record<
      string,
      unknown
    >;

  beforeEach(() => {
    useApiProfile('fastapi', { loginIdentifier: 'username', passwordReset: true });
  });

  it('issues tokens with a jti, as the reference backend revokes them by it', async () => {
    expect(Object.keys(claimsOf(await loginToken('ada', 'lovelace1815'))).sort()).toEqual([
      'exp',
      'jti',
      'sub',
    ]);
  });

  it('answers a reset request 202 whoever is named, and mails a link to a known, enabled account', async () => {
    const accepted = {
      status: 202,
      body: { message: 'If the account exists, a reset link was sent' },
    };
    for (const username of ['ada', 'nobody', 'alice']) {
      expect(await json('/password-reset', { username })).toEqual({
        ...accepted,
        type: 'application/json',
      });
    }
    expect(mockServerState.accounts.mailbox.map((mail) => mail.to)).toEqual(['ada@example.com']);
  });

  it('limits reset requests to five an hour per account typed, with pydantic’s 422 for a bad body', async () => {
    for (let count = 0; count < 5; count += 1) {
      expect(await json('/password-reset', { username: 'nobody' })).toMatchObject({ status: 202 });
    }
    expect(await json('/password-reset', { username: 'nobody' })).toMatchObject({
      status: 429,
      body: { detail: 'Too many reset requests for this account. Try again later.' },
    });
    expect(await json('/password-reset', { username: '' })).toMatchObject({
      status: 422,
      body: {
        detail: [{ loc: ['body', 'username'], type: 'value_error.any_str.min_length' }],
      },
    });
    expect(await json('/password-reset', '{')).toMatchObject({
      status: 422,
      body: { detail: [{ loc: ['body', 1], type: 'value_error.jsondecode' }] },
    });
  });

  it('resets with the mailed link once, the token checked before the password', async () => {
    await json('/password-reset', { username: 'ada' });
    const [mail] = mockServerState.accounts.mailbox;
    const token = new URL(mail?.link ?? 'http://x/').hash.replace('#token=', '');
    const before = await loginToken('ada', 'lovelace1815');
    expect(await json('/password-reset/confirm', { token, password: 'short' })).toMatchObject({
      status: 400,
      body: { detail: 'This password is too short. It must contain at least 8 characters.' },
    });
    expect(
      await json('/password-reset/confirm', { token, password: 'correct horse battery' }),
    ).toMatchObject({ status: 200, body: { message: 'Password changed' } });
    expect(
      await json('/password-reset/confirm', { token, password: 'correct horse battery' }),
    ).toMatchObject({ status: 400, body: { detail: 'Invalid or expired reset token' } });
    expect(await me(before)).toMatchObject(INVALID);
    expect(await logIn('username=ada&password=correct+horse+battery')).toMatchObject(TOKEN);
  });

  it('changes the password: every older token is revoked, the answer’s is not', async () => {
    const old = await loginToken('ada', 'lovelace1815');
    expect(
      await json('/password', { current_password: 'wrong', new_password: 'x'.repeat(9) }, old),
    ).toMatchObject({ status: 400, body: { detail: 'Current password is incorrect' } });
    const changed = await json(
      '/password',
      { current_password: 'lovelace1815', new_password: 'correct horse battery' },
      old,
    );
    expect(changed).toMatchObject(TOKEN);
    expect(await me(old)).toMatchObject(INVALID);
    expect(await me((changed.body as { access_token: string }).access_token)).toMatchObject({
      status: 200,
    });
  });

  it('refuses a crafted token with no jti after a revocation, as issued at the epoch', async () => {
    const crafted = await token({});
    expect(await me(crafted)).toMatchObject({ status: 200 });
    const own = await loginToken('ada', 'lovelace1815');
    expect(await json('/logout-everywhere', undefined, own)).toMatchObject({
      status: 200,
      body: { message: 'Logged out everywhere' },
    });
    expect(await me(crafted)).toMatchObject(INVALID);
    expect(await json('/logout-everywhere', undefined, own)).toMatchObject(INVALID);
  });

  it('reads the body before the token, the token before the fields', async () => {
    expect(await json('/password', '{', 'forged')).toMatchObject({ status: 422 });
    expect(await json('/password', {}, 'forged')).toMatchObject(INVALID);
    expect(await json('/password', {}, await token({ sub: 'alice' }))).toMatchObject({
      status: 400,
      body: { detail: 'Inactive user' },
    });
  });

  it('has none of the routes without VITE_PASSWORD_RESET: FastAPI’s 404', async () => {
    useApiProfile('fastapi', { loginIdentifier: 'username', passwordReset: false });
    for (const path of ['/password-reset', '/password-reset/confirm', '/password']) {
      expect(await json(path, {})).toMatchObject({ status: 404, body: { detail: 'Not Found' } });
    }
    expect(await sendToMockApi('GET', '/logout-everywhere')).toMatchObject({ status: 404 });
  });
});
