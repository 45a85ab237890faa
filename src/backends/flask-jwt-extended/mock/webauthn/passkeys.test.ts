/**
 * Passkeys on the mock, row by row as the reference backend answers them, with a software
 * authenticator in place of the browser's: registration, the list, removal, and the sign-in,
 * which logs in, or asks for the second step when the authenticator did not verify the user.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from '../../../../emulation/base64url';
import { mockServerState } from '../../../../mock-api/node';
import { callMockApi as send, type MockAnswer } from '../../../../test/mock-api-call';
import {
  createSoftwareAuthenticator,
  type SoftwareAuthenticator,
} from '../../../../test/software-authenticator';
import { totpCode } from '../totp';

const ORIGIN = window.location.origin;
const ADA = { username: 'ada', password: 'lovelace1815' };
const ALE = { username: 'alesanchezr', password: '12341234' };

function member(answer: MockAnswer, name: string): unknown {
  const value = (answer.body as Record<string, unknown>)[name];
  if (value === undefined) throw new Error(`no ${name} in ${JSON.stringify(answer.body)}`);
  return value;
}

const field = (answer: MockAnswer, name: string) => String(member(answer, name));

const tokenOf = async (credentials = ADA) =>
  field(await send('POST', '/token', { body: credentials }), 'token');

const registerBegin = async (token: string) =>
  member(
    await send('POST', '/webauthn/register/begin', { token }),
    'publicKey',
  ) as PublicKeyCredentialCreationOptionsJSON;

const registerComplete = (
  token: string,
  credential: unknown,
  fields: Record<string, unknown> = { name: 'My laptop' },
) => send('POST', '/webauthn/register/complete', { token, body: { credential, ...fields } });

/** A passkey registered for the user of `token` on `authenticator`: the API's id for it. */
async function registerOn(authenticator: SoftwareAuthenticator, token: string, name = 'Laptop') {
  const credential = await authenticator.register(await registerBegin(token), ORIGIN);
  const answer = await registerComplete(token, credential, { name });
  expect(answer.status).toBe(201);
  return field(answer, 'id');
}

async function loginBegin() {
  const answer = await send('POST', '/webauthn/login/begin');
  return {
    publicKey: member(answer, 'publicKey') as PublicKeyCredentialRequestOptionsJSON,
    state: field(answer, 'state'),
  };
}

const loginComplete = (state: unknown, credential: unknown) =>
  send('POST', '/webauthn/login/complete', { body: { state, credential } });

/** A whole passkey sign-in with `authenticator`. */
async function signIn(authenticator: SoftwareAuthenticator) {
  const { publicKey, state } = await loginBegin();
  return loginComplete(state, await authenticator.authenticate(publicKey, ORIGIN));
}

function claimsOf(token: string): Record<string, unknown> {
  const bytes = decodeBase64Url(token.split('.')[1] ?? '');
  if (bytes === null) throw new Error(`not a JWT: ${token}`);
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/** The base64url JSON field re-encoded after `change`. */
function editJson(encoded: string, change: (value: Record<string, unknown>) => void): string {
  const value = JSON.parse(
    new TextDecoder().decode(decodeBase64Url(encoded) ?? new Uint8Array()),
  ) as Record<string, unknown>;
  change(value);
  return encodeBase64Url(new TextEncoder().encode(JSON.stringify(value)));
}

function flipLastByte(encoded: string): string {
  const bytes = Uint8Array.from(decodeBase64Url(encoded) ?? []);
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
  return encodeBase64Url(bytes);
}

const UTC_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const B64URL_32_BYTES = /^[\w-]{43}$/;

describe('POST /webauthn/register/begin', () => {
  it('answers the creation options: RP, user handle, ES256 then RS256, a discoverable key', async () => {
    const publicKey = await registerBegin(await tokenOf());
    expect(publicKey).toEqual({
      attestation: 'none',
      authenticatorSelection: {
        requireResidentKey: true,
        residentKey: 'required',
        userVerification: 'preferred',
      },
      challenge: expect.stringMatching(B64URL_32_BYTES) as string,
      excludeCredentials: [],
      pubKeyCredParams: [
        { alg: -7, type: 'public-key' },
        { alg: -257, type: 'public-key' },
      ],
      rp: { id: 'localhost', name: 'Gatehouse' },
      timeout: 120000,
      // ada is user 2: her handle is the UTF-8 of "2".
      user: { displayName: 'ada', id: encodeBase64Url(new TextEncoder().encode('2')), name: 'ada' },
    });
  });

  it('lists the user’s passkeys in excludeCredentials, and only theirs', async () => {
    const token = await tokenOf();
    const id = await registerOn(createSoftwareAuthenticator(), token);
    await registerOn(createSoftwareAuthenticator(), await tokenOf(ALE));
    expect((await registerBegin(token)).excludeCredentials).toEqual([{ id, type: 'public-key' }]);
  });

  it('is a jwt_required route', async () => {
    expect(await send('POST', '/webauthn/register/begin')).toMatchObject({
      status: 401,
      body: { msg: 'Missing Authorization Header' },
    });
  });
});

describe('POST /webauthn/register/complete', () => {
  it('registers the passkey: 201 with its id, the name trimmed, and when', async () => {
    const token = await tokenOf();
    const credential = await createSoftwareAuthenticator().register(
      await registerBegin(token),
      ORIGIN,
    );
    expect(await registerComplete(token, credential, { name: '  Work laptop \n' })).toEqual({
      status: 201,
      allow: null,
      body: {
        created_at: expect.stringMatching(UTC_SECONDS) as string,
        id: credential.id,
        name: 'Work laptop',
      },
    });
  });

  it('takes an RS256 key as well', async () => {
    const token = await tokenOf();
    const authenticator = createSoftwareAuthenticator({ algorithm: -257 });
    await registerOn(authenticator, token);
    expect(await signIn(authenticator)).toMatchObject({ status: 200, body: { user_id: 2 } });
  });

  it.each([
    ['missing', {}, 'name must be a non-empty string'],
    ['blank', { name: ' \t' }, 'name must be a non-empty string'],
    ['not a string', { name: 7 }, 'name must be a non-empty string'],
    ['65 characters long', { name: 'x'.repeat(65) }, 'name must be at most 64 characters'],
  ])('a name %s: 400, and the registration is still there', async (_, fields, msg) => {
    const token = await tokenOf();
    const credential = await createSoftwareAuthenticator().register(
      await registerBegin(token),
      ORIGIN,
    );
    expect(await registerComplete(token, credential, fields)).toMatchObject({
      status: 400,
      body: { msg },
    });
    expect(await registerComplete(token, credential)).toMatchObject({ status: 201 });
  });

  it('counts a name’s characters as Python does: 64 emoji are fine', async () => {
    const token = await tokenOf();
    const credential = await createSoftwareAuthenticator().register(
      await registerBegin(token),
      ORIGIN,
    );
    expect(await registerComplete(token, credential, { name: '🔑'.repeat(64) })).toMatchObject({
      status: 201,
    });
  });

  it('the body must be a JSON object', async () => {
    expect(
      await send('POST', '/webauthn/register/complete', { token: await tokenOf(), body: [] }),
    ).toMatchObject({ status: 400, body: { msg: 'The request body must be a JSON object' } });
  });

  describe('no registration in progress: 400', () => {
    const NONE = { status: 400, body: { msg: 'No passkey registration in progress' } };

    it('without a begin', async () => {
      expect(await registerComplete(await tokenOf(), {})).toMatchObject(NONE);
    });

    it('two minutes after the begin', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const token = await tokenOf();
      const credential = await createSoftwareAuthenticator().register(
        await registerBegin(token),
        ORIGIN,
      );
      vi.setSystemTime(Date.now() + 120_001);
      expect(await registerComplete(token, credential)).toMatchObject(NONE);
      vi.useRealTimers();
    });

    it('after any attempt: a failed one uses the registration up', async () => {
      const token = await tokenOf();
      const credential = await createSoftwareAuthenticator().register(
        await registerBegin(token),
        ORIGIN,
      );
      expect(await registerComplete(token, 'not a credential')).toMatchObject({ status: 400 });
      expect(await registerComplete(token, credential)).toMatchObject(NONE);
    });
  });

  describe('a credential that does not pass: 400 "Passkey could not be verified"', () => {
    const NOT_VERIFIED = { status: 400, body: { msg: 'Passkey could not be verified' } };
    const authenticator = createSoftwareAuthenticator();

    it.each<[string, (options: PublicKeyCredentialCreationOptionsJSON) => Promise<unknown>]>([
      ['not an object', () => Promise.resolve('credential')],
      ['without a response', () => Promise.resolve({ id: 'x', type: 'public-key' })],
      ['from another origin', (options) => authenticator.register(options, 'https://evil.example')],
      [
        'for another RP ID',
        (options) =>
          authenticator.register({ ...options, rp: { ...options.rp, id: 'evil.example' } }, ORIGIN),
      ],
      [
        'over another challenge',
        (options) =>
          authenticator.register(
            { ...options, challenge: encodeBase64Url(new Uint8Array(32)) },
            ORIGIN,
          ),
      ],
      [
        'of an assertion’s type',
        async (options) => {
          const credential = await authenticator.register(options, ORIGIN);
          const clientDataJSON = editJson(credential.response.clientDataJSON, (data) => {
            data.type = 'webauthn.get';
          });
          return { ...credential, response: { ...credential.response, clientDataJSON } };
        },
      ],
      [
        'with an attestation object cut short',
        async (options) => {
          const credential = await authenticator.register(options, ORIGIN);
          const attestationObject = credential.response.attestationObject.slice(0, -8);
          return { ...credential, response: { ...credential.response, attestationObject } };
        },
      ],
    ])('%s', async (_, credential) => {
      const token = await tokenOf();
      expect(
        await registerComplete(token, await credential(await registerBegin(token))),
      ).toMatchObject(NOT_VERIFIED);
    });

    it('from an earlier begin: the latest one wins', async () => {
      const token = await tokenOf();
      const earlier = await authenticator.register(await registerBegin(token), ORIGIN);
      await registerBegin(token);
      expect(await registerComplete(token, earlier)).toMatchObject(NOT_VERIFIED);
    });
  });

  it('a passkey registered already, to this user or another: 400', async () => {
    const token = await tokenOf();
    const first = await createSoftwareAuthenticator().register(await registerBegin(token), ORIGIN);
    await registerComplete(token, first);
    // With attestation "none" nothing but the client data ties the answer to its challenge.
    for (const owner of [token, await tokenOf(ALE)]) {
      const { challenge } = await registerBegin(owner);
      const clientDataJSON = editJson(first.response.clientDataJSON, (data) => {
        data.challenge = challenge;
      });
      expect(
        await registerComplete(owner, {
          ...first,
          response: { ...first.response, clientDataJSON },
        }),
      ).toMatchObject({ status: 400, body: { msg: 'This passkey is already registered' } });
    }
  });
});

describe('GET /webauthn/credentials and DELETE /webauthn/credentials/<id>', () => {
  it('lists the user’s passkeys oldest first, with their last use', async () => {
    const token = await tokenOf();
    const laptop = createSoftwareAuthenticator();
    const laptopId = await registerOn(laptop, token, 'Laptop');
    const phoneId = await registerOn(createSoftwareAuthenticator(), token, 'Phone');
    await registerOn(createSoftwareAuthenticator(), await tokenOf(ALE), 'Not ada’s');
    await signIn(laptop);

    expect(await send('GET', '/webauthn/credentials', { token })).toEqual({
      status: 200,
      allow: null,
      body: [
        {
          created_at: expect.stringMatching(UTC_SECONDS) as string,
          id: laptopId,
          last_used_at: expect.stringMatching(UTC_SECONDS) as string,
          name: 'Laptop',
        },
        {
          created_at: expect.stringMatching(UTC_SECONDS) as string,
          id: phoneId,
          last_used_at: null,
          name: 'Phone',
        },
      ],
    });
  });

  it('removes one: 204 and no body; then, or for another user’s, 404', async () => {
    const token = await tokenOf();
    const authenticator = createSoftwareAuthenticator();
    const id = await registerOn(authenticator, token);
    const alesId = await registerOn(createSoftwareAuthenticator(), await tokenOf(ALE));
    const NOT_FOUND = { status: 404, body: { msg: 'Passkey not found' } };

    expect(await send('DELETE', `/webauthn/credentials/${alesId}`, { token })).toMatchObject(
      NOT_FOUND,
    );
    expect(await send('DELETE', `/webauthn/credentials/${id}`, { token })).toEqual({
      status: 204,
      allow: null,
      body: '',
    });
    expect(await send('DELETE', `/webauthn/credentials/${id}`, { token })).toMatchObject(NOT_FOUND);
    expect(await send('DELETE', '/webauthn/credentials/not*base64', { token })).toMatchObject(
      NOT_FOUND,
    );
    expect(await send('GET', '/webauthn/credentials', { token })).toMatchObject({ body: [] });
    // A removed passkey signs no one in.
    expect(await signIn(authenticator)).toMatchObject({ status: 401 });
  });

  it.each([
    ['GET', '/webauthn/credentials/abc', 'DELETE, OPTIONS'],
    ['POST', '/webauthn/credentials', 'GET, HEAD, OPTIONS'],
    ['GET', '/webauthn/login/complete', 'OPTIONS, POST'],
  ])('%s %s is Flask’s 405', async (method, path, allow) => {
    expect(await send(method, path)).toMatchObject({ status: 405, allow });
  });
});

describe('POST /webauthn/login/begin', () => {
  it('answers the request options and a signed state of the same challenge, 2 minutes', async () => {
    const { publicKey, state } = await loginBegin();
    expect(publicKey).toEqual({
      allowCredentials: [],
      challenge: expect.stringMatching(B64URL_32_BYTES) as string,
      rpId: 'localhost',
      timeout: 120000,
      userVerification: 'preferred',
    });
    const claims = claimsOf(state);
    expect(claims).toEqual({
      type: 'webauthn-login',
      challenge: publicKey.challenge,
      jti: expect.any(String) as string,
      iat: expect.any(Number) as number,
      exp: (claims.iat as number) + 120,
    });
  });
});

describe('POST /webauthn/login/complete', () => {
  let authenticator: SoftwareAuthenticator;

  beforeEach(async () => {
    authenticator = createSoftwareAuthenticator();
    await registerOn(authenticator, await tokenOf());
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('logs in: the login’s answer, and the sign count and last use recorded', async () => {
    const answer = await signIn(authenticator);
    expect(answer).toEqual({
      status: 200,
      allow: null,
      body: { token: expect.any(String) as string, user_id: 2 },
    });
    expect(await send('GET', '/protected', { token: field(answer, 'token') })).toMatchObject({
      body: { id: 2, username: 'ada' },
    });
    await signIn(authenticator);
    expect(mockServerState.factors.passkeys[0]).toMatchObject({
      signCount: 2,
      lastUsedAt: expect.stringMatching(UTC_SECONDS) as string,
    });
  });

  it('a state is used once, by any attempt: a refused one too', async () => {
    const { publicKey, state } = await loginBegin();
    const assertion = await authenticator.authenticate(publicKey, ORIGIN);
    const forged = {
      ...assertion,
      response: { ...assertion.response, signature: flipLastByte(assertion.response.signature) },
    };
    expect(await loginComplete(state, forged)).toEqual({
      status: 401,
      allow: null,
      body: { msg: 'Passkey not recognised' },
    });
    expect(await loginComplete(state, assertion)).toEqual({
      status: 400,
      allow: null,
      body: { msg: 'Passkey sign-in expired. Try again.' },
    });
  });

  it.each<[string, () => Promise<string>]>([
    ['not a JWT', () => Promise.resolve('not-a-jwt')],
    [
      'expired',
      async () => {
        vi.useFakeTimers({ toFake: ['Date'] });
        const { state } = await loginBegin();
        vi.setSystemTime(Date.now() + 120_000);
        return state;
      },
    ],
  ])('a state %s: 400', async (_, state) => {
    const { publicKey } = await loginBegin();
    const assertion = await authenticator.authenticate(publicKey, ORIGIN);
    expect(await loginComplete(await state(), assertion)).toMatchObject({
      status: 400,
      body: { msg: 'Passkey sign-in expired. Try again.' },
    });
  });

  it.each([
    ['no body', undefined, 'The request body must be a JSON object'],
    ['no state', { credential: {} }, 'state must be a non-empty string'],
    ['an empty state', { state: '' }, 'state must be a non-empty string'],
  ])('%s: 400', async (_, body, msg) => {
    expect(await send('POST', '/webauthn/login/complete', { body })).toMatchObject({
      status: 400,
      body: { msg },
    });
  });

  describe('an assertion that does not pass: 401 "Passkey not recognised"', () => {
    const NOT_RECOGNISED = { status: 401, body: { msg: 'Passkey not recognised' } };

    it.each<[string, (assertion: AuthenticationResponseJSON) => unknown]>([
      ['not an object', () => 'assertion'],
      ['an unknown credential', (assertion) => ({ ...assertion, id: 'AAAA' })],
      [
        'another user’s handle',
        (assertion) => ({
          ...assertion,
          response: { ...assertion.response, userHandle: encodeBase64Url(Uint8Array.of(0x31)) },
        }),
      ],
      [
        'no user handle',
        (assertion) => ({
          ...assertion,
          response: { ...assertion.response, userHandle: undefined },
        }),
      ],
      [
        'a wrong signature',
        (assertion) => ({
          ...assertion,
          response: {
            ...assertion.response,
            signature: flipLastByte(assertion.response.signature),
          },
        }),
      ],
      [
        'signed client data changed afterwards',
        (assertion) => ({
          ...assertion,
          response: {
            ...assertion.response,
            clientDataJSON: editJson(assertion.response.clientDataJSON, (data) => {
              data.extra = 'x';
            }),
          },
        }),
      ],
    ])('%s', async (_, change) => {
      const { publicKey, state } = await loginBegin();
      const assertion = await authenticator.authenticate(publicKey, ORIGIN);
      expect(await loginComplete(state, change(assertion))).toMatchObject(NOT_RECOGNISED);
    });

    it.each<[string, (options: PublicKeyCredentialRequestOptionsJSON) => Promise<unknown>]>([
      [
        'from another origin',
        (options) => authenticator.authenticate(options, 'http://evil.example'),
      ],
      [
        'over another challenge',
        (options) =>
          authenticator.authenticate(
            { ...options, challenge: encodeBase64Url(new Uint8Array(32)) },
            ORIGIN,
          ),
      ],
    ])('%s', async (_, assertion) => {
      const { publicKey, state } = await loginBegin();
      expect(await loginComplete(state, await assertion(publicKey))).toMatchObject(NOT_RECOGNISED);
    });
  });

  describe('with two-step verification on', () => {
    let secret = '';
    let token = '';

    beforeEach(async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.UTC(2030, 0, 1, 0, 0, 10));
      token = await tokenOf();
      secret = field(await send('POST', '/2fa/setup', { token }), 'secret');
      await send('POST', '/2fa/enable', { token, body: { code: await totpCode(secret) } });
      vi.setSystemTime(Date.now() + 30_000);
    });

    it('a verified user (UV) needs no code: a passkey is two factors', async () => {
      expect(await signIn(authenticator)).toMatchObject({ status: 200, body: { user_id: 2 } });
    });

    it('without user verification: mfa_required, and the code finishes the login', async () => {
      const presenceOnly = createSoftwareAuthenticator({ userVerified: false });
      await registerOn(presenceOnly, token);

      const answer = await signIn(presenceOnly);
      expect(answer).toEqual({
        status: 200,
        allow: null,
        body: { mfa_required: true, mfa_token: expect.any(String) as string },
      });
      expect(
        await send('POST', '/token/2fa', {
          body: { mfa_token: field(answer, 'mfa_token'), code: await totpCode(secret) },
        }),
      ).toMatchObject({ status: 200, body: { user_id: 2 } });
    });
  });

  it('without user verification and two-step verification off: the login', async () => {
    const presenceOnly = createSoftwareAuthenticator({ userVerified: false });
    await registerOn(presenceOnly, await tokenOf(ALE));
    expect(await signIn(presenceOnly)).toMatchObject({ status: 200, body: { user_id: 1 } });
  });
});
