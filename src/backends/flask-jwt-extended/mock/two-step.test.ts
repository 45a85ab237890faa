/**
 * Two-step verification on the mock, row by row as the reference backend answers it: GET /2fa,
 * POST /2fa/setup, /2fa/enable, /2fa/disable, the login's mfa_required, and POST /token/2fa with
 * a code or a recovery code. The clock is fixed, so that each test decides which step a code
 * belongs to.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeBase64Url } from '../../../emulation/base64url';
import { signClaims } from '../../../emulation/jwt-signing';
import { configureMockApi } from '../../../mock-api/node';
import { configureAppEnv } from '../../../test/app-env';
import { callMockApi as send, type MockAnswer } from '../../../test/mock-api-call';
import { totpCode } from './totp';

const ADA = { username: 'ada', password: 'lovelace1815' };

function field(answer: MockAnswer, name: string): string {
  const value = (answer.body as Record<string, unknown>)[name];
  if (typeof value !== 'string') throw new Error(`no ${name} in ${JSON.stringify(answer.body)}`);
  return value;
}

const logIn = (credentials: Record<string, string> = ADA) =>
  send('POST', '/token', { body: credentials });
const tokenOf = async (credentials: Record<string, string> = ADA) =>
  field(await logIn(credentials), 'token');
const mfaTokenOf = async (credentials = ADA) => field(await logIn(credentials), 'mfa_token');

function claimsOf(token: string): Record<string, unknown> {
  const bytes = decodeBase64Url(token.split('.')[1] ?? '');
  if (bytes === null) throw new Error(`not a JWT: ${token}`);
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

// 10 s into a 30-second step.
const START = Date.UTC(2030, 0, 1, 0, 0, 10);
const advance = (ms: number) => {
  vi.setSystemTime(Date.now() + ms);
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
});

afterEach(() => {
  vi.useRealTimers();
});

/** Two-step verification on for ada: her secret and recovery codes; the clock one step on. */
async function turnOn(token: string) {
  const secret = field(await send('POST', '/2fa/setup', { token }), 'secret');
  const enabled = await send('POST', '/2fa/enable', {
    token,
    body: { code: await totpCode(secret) },
  });
  expect(enabled.status).toBe(200);
  // The enabling code's step is used up: the next code comes from the next step.
  advance(30_000);
  return { secret, recoveryCodes: (enabled.body as { recovery_codes: string[] }).recovery_codes };
}

const secondStep = (body: unknown) => send('POST', '/token/2fa', { body });

describe('GET /2fa', () => {
  it('says whether two-step verification is on and how many recovery codes are left', async () => {
    const token = await tokenOf();
    expect(await send('GET', '/2fa', { token })).toMatchObject({
      status: 200,
      body: { enabled: false, recovery_codes_left: 0 },
    });
    const { recoveryCodes } = await turnOn(token);
    expect((await send('GET', '/2fa', { token })).body).toEqual({
      enabled: true,
      recovery_codes_left: 10,
    });
    await secondStep({ mfa_token: await mfaTokenOf(), recovery_code: recoveryCodes[0] });
    expect((await send('GET', '/2fa', { token })).body).toEqual({
      enabled: true,
      recovery_codes_left: 9,
    });
  });

  it('is a jwt_required route: without a token, flask-jwt-extended’s 401', async () => {
    expect(await send('GET', '/2fa')).toMatchObject({
      status: 401,
      body: { msg: 'Missing Authorization Header' },
    });
  });
});

describe('POST /2fa/setup', () => {
  it('hands out a pending secret and the otpauth URI pyotp would write for it', async () => {
    const answer = await send('POST', '/2fa/setup', { token: await tokenOf() });
    const secret = field(answer, 'secret');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(answer).toEqual({
      status: 200,
      allow: null,
      body: {
        otpauth_uri: `otpauth://totp/Gatehouse:ada?secret=${secret}&issuer=Gatehouse`,
        secret,
      },
    });
  });

  it('names the account by the build’s login field', async () => {
    configureAppEnv({ loginIdentifier: 'email' });
    const token = await tokenOf({ email: 'ada@example.com', password: ADA.password });
    const answer = await send('POST', '/2fa/setup', { token });
    expect(field(answer, 'otpauth_uri')).toMatch(
      /^otpauth:\/\/totp\/Gatehouse:ada%40example\.com\?/,
    );
  });

  it('replaces an earlier pending secret: only the latest one turns it on', async () => {
    const token = await tokenOf();
    const first = field(await send('POST', '/2fa/setup', { token }), 'secret');
    const second = field(await send('POST', '/2fa/setup', { token }), 'secret');
    expect(second).not.toBe(first);

    expect(
      await send('POST', '/2fa/enable', { token, body: { code: await totpCode(first) } }),
    ).toMatchObject({ status: 400, body: { msg: 'Invalid code' } });
    expect(
      await send('POST', '/2fa/enable', { token, body: { code: await totpCode(second) } }),
    ).toMatchObject({ status: 200 });
  });

  it('is 409 while two-step verification is on', async () => {
    const token = await tokenOf();
    await turnOn(token);
    expect(await send('POST', '/2fa/setup', { token })).toMatchObject({
      status: 409,
      body: { msg: 'Two-step verification is already on' },
    });
  });
});

describe('POST /2fa/enable', () => {
  it('turns it on: ten recovery codes, xxxxx-xxxxx', async () => {
    const token = await tokenOf();
    const { recoveryCodes } = await turnOn(token);
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  });

  it.each([
    ['no body', undefined, 'The request body must be a JSON object'],
    ['no code', {}, 'code must be a non-empty string'],
    ['an empty code', { code: '' }, 'code must be a non-empty string'],
    ['a number', { code: 123456 }, 'code must be a non-empty string'],
  ])('%s: 400', async (_, body, msg) => {
    const token = await tokenOf();
    await send('POST', '/2fa/setup', { token });
    expect(await send('POST', '/2fa/enable', { token, body })).toMatchObject({
      status: 400,
      body: { msg },
    });
  });

  it('without a setup first: 400', async () => {
    expect(
      await send('POST', '/2fa/enable', { token: await tokenOf(), body: { code: '123456' } }),
    ).toMatchObject({ status: 400, body: { msg: 'Set up two-step verification first' } });
  });

  it('a wrong code: 400, and it stays off', async () => {
    const token = await tokenOf();
    const secret = field(await send('POST', '/2fa/setup', { token }), 'secret');
    const wrong = (Number(await totpCode(secret)) + 1) % 1_000_000;
    expect(
      await send('POST', '/2fa/enable', {
        token,
        body: { code: String(wrong).padStart(6, '0') },
      }),
    ).toMatchObject({ status: 400, body: { msg: 'Invalid code' } });
    expect((await send('GET', '/2fa', { token })).body).toMatchObject({ enabled: false });
  });

  it('once on: 409; and the enabling code does not log in', async () => {
    const token = await tokenOf();
    const secret = field(await send('POST', '/2fa/setup', { token }), 'secret');
    const code = await totpCode(secret);
    await send('POST', '/2fa/enable', { token, body: { code } });

    expect(await send('POST', '/2fa/enable', { token, body: { code } })).toMatchObject({
      status: 409,
      body: { msg: 'Two-step verification is already on' },
    });
    expect(await secondStep({ mfa_token: await mfaTokenOf(), code })).toMatchObject({
      status: 401,
      body: { msg: 'Invalid code' },
    });
  });
});

describe('POST /2fa/disable', () => {
  it('with the password: off, the secret and the recovery codes gone; the login is one step', async () => {
    const token = await tokenOf();
    const { recoveryCodes } = await turnOn(token);
    const mfaToken = await mfaTokenOf();

    expect(
      await send('POST', '/2fa/disable', { token, body: { password: ADA.password } }),
    ).toMatchObject({ status: 200, body: { msg: 'Two-step verification is off' } });

    expect((await send('GET', '/2fa', { token })).body).toEqual({
      enabled: false,
      recovery_codes_left: 0,
    });
    expect((await logIn()).body).toHaveProperty('token');
    // A second step begun before cannot finish.
    expect(
      await secondStep({ mfa_token: mfaToken, recovery_code: recoveryCodes[0] }),
    ).toMatchObject({ status: 401, body: { msg: 'Invalid code' } });
  });

  it('answers the same when it was off', async () => {
    expect(
      await send('POST', '/2fa/disable', {
        token: await tokenOf(),
        body: { password: ADA.password },
      }),
    ).toMatchObject({ status: 200, body: { msg: 'Two-step verification is off' } });
  });

  it.each([
    [{ password: 'wrong' }, 'Current password is incorrect'],
    [{}, 'password must be a non-empty string'],
  ])('%j: 400, and it stays on', async (body, msg) => {
    const token = await tokenOf();
    await turnOn(token);
    expect(await send('POST', '/2fa/disable', { token, body })).toMatchObject({
      status: 400,
      body: { msg },
    });
    expect((await send('GET', '/2fa', { token })).body).toMatchObject({ enabled: true });
  });
});

describe('POST /token with two-step verification on', () => {
  it('answers mfa_required and an mfa_token, no session', async () => {
    await turnOn(await tokenOf());
    const answer = await logIn();
    expect(answer).toEqual({
      status: 200,
      allow: null,
      body: {
        mfa_required: true,
        mfa_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/) as string,
      },
    });
    const mfaToken = field(answer, 'mfa_token');
    const now = Math.floor(Date.now() / 1000);
    expect(claimsOf(mfaToken)).toEqual({
      sub: '2',
      type: 'mfa',
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
      iat: now,
      nbf: now,
      exp: now + 300,
    });
  });

  it('the mfa_token is no access token: the blocklist refuses it', async () => {
    await turnOn(await tokenOf());
    expect(await send('GET', '/protected', { token: await mfaTokenOf() })).toMatchObject({
      status: 401,
      body: { msg: 'Token has been revoked' },
    });
  });

  it('a wrong password is the same 401 as ever', async () => {
    await turnOn(await tokenOf());
    expect(await logIn({ ...ADA, password: 'nope' })).toMatchObject({
      status: 401,
      body: { msg: 'Bad username or password' },
    });
  });
});

describe('POST /token/2fa', () => {
  let secret = '';
  let recoveryCodes: string[] = [];

  beforeEach(async () => {
    ({ secret, recoveryCodes } = await turnOn(await tokenOf()));
  });

  it('with the app’s code: the login’s answer, whose token opens /protected', async () => {
    const answer = await secondStep({
      mfa_token: await mfaTokenOf(),
      code: await totpCode(secret),
    });
    expect(answer).toEqual({
      status: 200,
      allow: null,
      body: { token: expect.any(String) as string, user_id: 2 },
    });
    expect(await send('GET', '/protected', { token: field(answer, 'token') })).toMatchObject({
      status: 200,
      body: { id: 2, username: 'ada' },
    });
  });

  it('with refresh tokens on, answers a refresh_token too', async () => {
    configureMockApi({ issueRefreshTokens: true });
    const answer = await secondStep({
      mfa_token: await mfaTokenOf(),
      code: await totpCode(secret),
    });
    expect(Object.keys(answer.body as object)).toEqual(['refresh_token', 'token', 'user_id']);
  });

  it('takes the code of the step before (a slow clock), with its spaces', async () => {
    // One step further on, so that the step before is not the enabling code's, used already.
    advance(30_000);
    const code = await totpCode(secret, Date.now() - 30_000);
    expect(
      await secondStep({
        mfa_token: await mfaTokenOf(),
        code: ` ${code.slice(0, 3)} ${code.slice(3)} `,
      }),
    ).toMatchObject({ status: 200 });
  });

  it('takes each code once, and no older one after it', async () => {
    const code = await totpCode(secret);
    expect(await secondStep({ mfa_token: await mfaTokenOf(), code })).toMatchObject({
      status: 200,
    });
    expect(await secondStep({ mfa_token: await mfaTokenOf(), code })).toMatchObject({
      status: 401,
      body: { msg: 'Invalid code' },
    });
    advance(30_000);
    expect(
      await secondStep({ mfa_token: await mfaTokenOf(), code: await totpCode(secret) }),
    ).toMatchObject({ status: 200 });
  });

  it('takes a recovery code once, whatever its case and spacing', async () => {
    const [code = ''] = recoveryCodes;
    const typed = ` ${code.toUpperCase().replace('-', ' ')} `;
    expect(await secondStep({ mfa_token: await mfaTokenOf(), recovery_code: typed })).toMatchObject(
      { status: 200, body: { user_id: 2 } },
    );
    expect(await secondStep({ mfa_token: await mfaTokenOf(), recovery_code: code })).toMatchObject({
      status: 401,
      body: { msg: 'Invalid code' },
    });
  });

  it('checks the code when both are sent', async () => {
    expect(
      await secondStep({
        mfa_token: await mfaTokenOf(),
        code: '000000',
        recovery_code: recoveryCodes[0],
      }),
    ).toMatchObject({ status: 401, body: { msg: 'Invalid code' } });
  });

  it('an mfa_token logs in once: the next use is 401 "Token has been revoked"', async () => {
    const mfaToken = await mfaTokenOf();
    await secondStep({ mfa_token: mfaToken, code: await totpCode(secret) });
    expect(await secondStep({ mfa_token: mfaToken, recovery_code: recoveryCodes[0] })).toEqual({
      status: 401,
      allow: null,
      body: { msg: 'Token has been revoked' },
    });
  });

  it('five wrong codes, then 429 for the sixth attempt even with the right code', async () => {
    const mfaToken = await mfaTokenOf();
    for (const wrong of ['000000', '111111', 'abcdef', '12345', 'nope-nope']) {
      expect(
        await secondStep({
          mfa_token: mfaToken,
          ...(wrong.includes('-') ? { recovery_code: wrong } : { code: wrong }),
        }),
      ).toMatchObject({ status: 401, body: { msg: 'Invalid code' } });
    }
    expect(await secondStep({ mfa_token: mfaToken, code: await totpCode(secret) })).toEqual({
      status: 429,
      allow: null,
      body: { msg: 'Too many wrong codes. Log in again.' },
    });
    // A new login is a new count.
    expect(
      await secondStep({ mfa_token: await mfaTokenOf(), code: await totpCode(secret) }),
    ).toMatchObject({ status: 200 });
  });

  it('an mfa_token lives 5 minutes: then 401 "Token has expired"', async () => {
    const mfaToken = await mfaTokenOf();
    advance(300_000);
    expect(await secondStep({ mfa_token: mfaToken, code: await totpCode(secret) })).toMatchObject({
      status: 401,
      body: { msg: 'Token has expired' },
    });
  });

  it.each([
    ['not a JWT', () => Promise.resolve('not-a-jwt')],
    ['another key', () => signClaims(mfaClaims(), { alg: 'HS256', typ: 'JWT' }, 'other-secret')],
    ['an access token', () => tokenOf({ username: 'alesanchezr', password: '12341234' })],
    ['another type', () => signClaims({ ...mfaClaims(), type: 'access' })],
    ['a user that does not exist', () => signClaims({ ...mfaClaims(), sub: '999' })],
    ['no exp', () => signClaims({ ...mfaClaims(), exp: undefined })],
  ])('%s: 422 "Invalid verification token"', async (_, mfaToken) => {
    expect(await secondStep({ mfa_token: await mfaToken(), code: '123456' })).toEqual({
      status: 422,
      allow: null,
      body: { msg: 'Invalid verification token' },
    });
  });

  it.each([
    ['no body', undefined, 'The request body must be a JSON object'],
    ['a list', ['x'], 'The request body must be a JSON object'],
    ['no mfa_token', { code: '123456' }, 'mfa_token must be a non-empty string'],
    ['no code', { mfa_token: 'x' }, 'code or recovery_code must be a non-empty string'],
    [
      'empty ones',
      { mfa_token: 'x', code: '', recovery_code: 7 },
      'code or recovery_code must be a non-empty string',
    ],
  ])('%s: 400', async (_, body, msg) => {
    expect(await secondStep(body)).toMatchObject({ status: 400, body: { msg } });
  });

  it('a password change leaves two-step verification on', async () => {
    configureAppEnv({ passwordReset: true });
    const answer = await secondStep({
      mfa_token: await mfaTokenOf(),
      code: await totpCode(secret),
    });
    const changed = await send('POST', '/password', {
      token: field(answer, 'token'),
      body: { current_password: ADA.password, new_password: 'analytical engine' },
    });
    expect((await send('GET', '/2fa', { token: field(changed, 'token') })).body).toEqual({
      enabled: true,
      recovery_codes_left: 10,
    });
  });
});

/** Claims like the mock's own mfa_token for ada, issued now. */
function mfaClaims(): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { sub: '2', type: 'mfa', jti: crypto.randomUUID(), iat: now, nbf: now, exp: now + 300 };
}

it.each([
  ['GET', '/token/2fa', 'OPTIONS, POST'],
  ['DELETE', '/2fa', 'GET, HEAD, OPTIONS'],
  ['GET', '/2fa/setup', 'OPTIONS, POST'],
])('%s %s is Flask’s HTML 405', async (method, path, allow) => {
  const answer = await send(method, path);
  expect(answer).toMatchObject({ status: 405, allow });
  expect(answer.body).toContain('<title>405 Method Not Allowed</title>');
});
