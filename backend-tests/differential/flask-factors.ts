/**
 * The second factors' corpus for flask-jwt-extended.test.ts: two-step verification (the /2fa
 * routes and POST /token/2fa) and passkeys (the /webauthn routes), run in order for the seed user
 * as a person would: set up, turn on, log in with a code and with recovery codes, turn off; then
 * register a passkey, sign in with it, remove it. In header mode or in cookie mode, where the
 * Bearer routes take the access cookie and its csrf value, and a login sets cookies.
 *
 * Each side computes its own TOTP codes from the secret it was given, and its own software
 * authenticator answers its own challenges. What is drawn at random (secrets, recovery codes,
 * challenges, credential ids, timestamps) is compared by its format instead of its value.
 */
import { totpCode, totpStep } from '../../src/backends/flask-jwt-extended/mock/totp';
import { relyingParty } from '../../src/backends/flask-jwt-extended/mock/webauthn/relying-party';
import { decodeBase64Url, encodeBase64Url } from '../../src/emulation/base64url';
import {
  createSoftwareAuthenticator,
  type SoftwareAuthenticator,
} from '../../src/test/software-authenticator';
import { JSON_TYPE, now, signed } from './corpus-helpers';
import type { DifferentialCase, Send } from './describe-differential';
import { parseSetCookie, type Answer, type Exchange } from './exchange';

export type TokenMode = 'headers' | 'cookies';

/** What one side was given along the way, for the cases after. */
export interface FactorTokens {
  /** The access token (header mode) or access cookie (cookie mode) of the login before. */
  access: string;
  /** Its csrf value; empty in header mode. */
  accessCsrf: string;
  /** The secrets /2fa/setup handed out, latest last. */
  secrets: string[];
  /** The step of the last code this side had accepted: each code works once. */
  lastStep: number;
  recoveryCodes: string[];
  /** The mfa_token of each password login, by the name of the case that made it. */
  mfaTokens: Map<string, string>;
  authenticator: SoftwareAuthenticator;
  /** Holds a credential the server never registered. */
  stranger: SoftwareAuthenticator;
  /** Says the user was not verified (no PIN, no fingerprint): a passkey as one factor only. */
  unverified: SoftwareAuthenticator;
  /** The second seed user's session, authenticator and passkey. */
  other: Pick<FactorTokens, 'access' | 'accessCsrf'>;
  othersAuthenticator: SoftwareAuthenticator;
  othersPasskeyId: string;
  creation: PublicKeyCredentialCreationOptionsJSON | null;
  registration: RegistrationResponseJSON | null;
  passkeyId: string;
  loginOptions: PublicKeyCredentialRequestOptionsJSON | null;
  loginState: string;
}

const SEED = { username: 'alesanchezr', password: '12341234' };
const OTHER = { username: 'ada', password: 'lovelace1815' };
const USER_ID = '1';
/** Where the mock's relying party is in Node; the reference backend is configured to match. */
const RP = relyingParty();
const [ORIGIN = ''] = RP.origins;

/** The reference backend's settings that make it the same relying party as the mock. */
export const WEBAUTHN_SETTINGS = { WEBAUTHN_RP_ID: RP.id, WEBAUTHN_ORIGIN: RP.origins.join(',') };

const json = (method: Exchange['method'], path: string, body?: unknown): Exchange => ({
  method,
  path,
  headers: body === undefined ? {} : JSON_TYPE,
  ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
});

/** `exchange` carrying this side's access token: a Bearer header, or the cookie and its csrf. */
function withAccess(mode: TokenMode, own: FactorTokens, exchange: Exchange): Exchange {
  const headers: Record<string, string> =
    mode === 'headers'
      ? { Authorization: `Bearer ${own.access}` }
      : {
          Cookie: `access_token_cookie=${own.access}`,
          ...(exchange.method === 'GET' ? {} : { 'X-CSRF-TOKEN': own.accessCsrf }),
        };
  return { ...exchange, headers: { ...exchange.headers, ...headers } };
}

/** The side's access token and its csrf value from a login's answer. */
function accessOf(mode: TokenMode, answer: Answer): Pick<FactorTokens, 'access' | 'accessCsrf'> {
  if (mode === 'headers') {
    return { access: (answer.body as { token: string }).token, accessCsrf: '' };
  }
  const cookies = new Map(answer.setCookies.map(parseSetCookie).map((c) => [c.name, c.value]));
  return {
    access: cookies.get('access_token_cookie') ?? '',
    accessCsrf: cookies.get('csrf_access_token') ?? '',
  };
}

/** Logs the seed user in, and readies this side's authenticators. */
export async function logInForFactors(mode: TokenMode, send: Send): Promise<FactorTokens> {
  const answer = await send(json('POST', '/token', SEED));
  const othersAnswer = await send(json('POST', '/token', OTHER));
  const stranger = createSoftwareAuthenticator();
  // A credential of this RP that no server ever saw.
  await stranger.register(
    {
      rp: { id: RP.id, name: RP.name },
      user: { id: encodeBase64Url(new TextEncoder().encode(USER_ID)), name: 'x', displayName: 'x' },
      challenge: encodeBase64Url(new Uint8Array(32)),
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
    },
    ORIGIN,
  );
  return {
    ...accessOf(mode, answer),
    secrets: [],
    lastStep: -1,
    recoveryCodes: [],
    mfaTokens: new Map(),
    authenticator: createSoftwareAuthenticator(),
    stranger,
    unverified: createSoftwareAuthenticator({ userVerified: false }),
    other: accessOf(mode, othersAnswer),
    othersAuthenticator: createSoftwareAuthenticator(),
    othersPasskeyId: '',
    creation: null,
    registration: null,
    passkeyId: '',
    loginOptions: null,
    loginState: '',
  };
}

const latest = <T>(values: readonly T[]): T => {
  const value = values.at(-1);
  if (value === undefined) throw new Error('Nothing was kept for this case');
  return value;
};

/**
 * A code of `secret` the server takes now: of the earliest step it accepts (one either way of
 * the current one) after the last code accepted. Noted as used.
 */
async function nextCode(own: FactorTokens): Promise<string> {
  const current = totpStep(Date.now());
  const step = [current - 1, current, current + 1].find((candidate) => candidate > own.lastStep);
  if (step === undefined) throw new Error('Every step the server accepts now was used already');
  own.lastStep = step;
  return totpCode(latest(own.secrets), step * 30_000);
}

/** The code of the last step accepted: a code used already. */
const usedCode = (own: FactorTokens) => totpCode(latest(own.secrets), own.lastStep * 30_000);

/** A code of no step near now: each digit of the current code moved along until none matches. */
async function wrongCode(own: FactorTokens): Promise<string> {
  const current = totpStep(Date.now());
  const near = await Promise.all(
    [current - 1, current, current + 1, current + 2].map((step) =>
      totpCode(latest(own.secrets), step * 30_000),
    ),
  );
  const digits = Array.from((near[1] ?? '').matchAll(/\d/g), ([digit]) => Number(digit));
  for (let shift = 1; ; shift += 1) {
    const candidate = digits.map((digit) => String((digit + shift) % 10)).join('');
    if (!near.includes(candidate)) return candidate;
  }
}

// The formats that stand for random values.
const BASE32_SECRET = /^[A-Z2-7]{32}$/;
const RECOVERY_CODE = /^[abcdefghjkmnpqrstuvwxyz23456789]{5}-[abcdefghjkmnpqrstuvwxyz23456789]{5}$/;
const BYTES_32 = /^[\w-]{43}$/;
const UTC_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

const asRecord = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

/** `value`, or what it stands for when it has the format; a value of another format stays. */
const formatted = (value: unknown, format: RegExp, name: string) =>
  typeof value === 'string' && format.test(value) ? `<${name}>` : value;

/** /2fa/setup's answer: the secret, and the URI that carries it. */
function setupShape(body: unknown): unknown {
  const fields = asRecord(body);
  if (fields === null || typeof fields.secret !== 'string') return body;
  const { secret, otpauth_uri: uri } = fields;
  return {
    ...fields,
    secret: formatted(secret, BASE32_SECRET, 'secret'),
    otpauth_uri: typeof uri === 'string' ? uri.replace(secret, '<secret>') : uri,
  };
}

/** /2fa/enable's answer: ten distinct recovery codes. */
function recoveryCodesShape(body: unknown): unknown {
  const fields = asRecord(body);
  const codes = fields?.recovery_codes;
  if (fields === null || !Array.isArray(codes)) return body;
  return {
    ...fields,
    recovery_codes: codes.map((code) => formatted(code, RECOVERY_CODE, 'recovery code')),
    distinct: new Set(codes).size,
  };
}

/** A passkey's summary: its id (the credential this side registered), and when. */
function passkeyShape(value: unknown, own: FactorTokens): unknown {
  const fields = asRecord(value);
  if (fields === null) return value;
  const time = (name: string) =>
    name in fields ? { [name]: formatted(fields[name], UTC_SECONDS, 'UTC seconds') } : {};
  return {
    ...fields,
    ...(own.passkeyId !== '' && fields.id === own.passkeyId ? { id: '<the passkey>' } : {}),
    ...time('created_at'),
    ...time('last_used_at'),
  };
}

/** register/begin's options: a new challenge; the user's passkeys excluded. */
function creationShape(body: unknown, own: FactorTokens): unknown {
  const publicKey = asRecord(asRecord(body)?.publicKey);
  if (publicKey === null) return body;
  const excluded = publicKey.excludeCredentials;
  return {
    publicKey: {
      ...publicKey,
      challenge: formatted(publicKey.challenge, BYTES_32, '32 random bytes'),
      ...(Array.isArray(excluded)
        ? { excludeCredentials: excluded.map((entry) => passkeyShape(entry, own)) }
        : {}),
    },
  };
}

/** login/begin's options and state (a JWT, compared by its anatomy). */
function requestShape(body: unknown): unknown {
  const fields = asRecord(body);
  const publicKey = asRecord(fields?.publicKey);
  if (fields === null || publicKey === null) return body;
  return {
    ...fields,
    publicKey: {
      ...publicKey,
      challenge: formatted(publicKey.challenge, BYTES_32, '32 random bytes'),
    },
  };
}

/** The base64url JSON of client data, `challenge` replaced: attestation none signs none of it. */
function withChallenge(clientDataJSON: string, challenge: string): string {
  const data = JSON.parse(
    new TextDecoder().decode(decodeBase64Url(clientDataJSON) ?? new Uint8Array()),
  ) as Record<string, unknown>;
  return encodeBase64Url(new TextEncoder().encode(JSON.stringify({ ...data, challenge })));
}

const need = <T>(value: T | null, what: string): T => {
  if (value === null) throw new Error(`No ${what} was kept for this case`);
  return value;
};

/** The corpus, in the order it must run. */
export async function factorCases(mode: TokenMode): Promise<DifferentialCase<FactorTokens>[]> {
  const bearer =
    (method: Exchange['method'], path: string, body?: unknown) => (own: FactorTokens) =>
      withAccess(mode, own, json(method, path, body));
  const status = bearer('GET', '/2fa');
  const enable = (code: (own: FactorTokens) => unknown) => async (own: FactorTokens) =>
    withAccess(mode, own, json('POST', '/2fa/enable', { code: await code(own) }));
  const secondStep =
    (token: string | ((own: FactorTokens) => string), fields: (own: FactorTokens) => unknown) =>
    async (own: FactorTokens) =>
      json('POST', '/token/2fa', {
        mfa_token: typeof token === 'string' ? own.mfaTokens.get(token) : token(own),
        ...(asRecord(await fields(own)) ?? {}),
      });
  /** Keeps the mfa_token an answer carries under the name of the case. */
  const keepMfaToken =
    (name: string) =>
    ({ body }: Answer, own: FactorTokens) => {
      const token = asRecord(body)?.mfa_token;
      if (typeof token === 'string') own.mfaTokens.set(name, token);
    };
  /** A password login that answers an mfa_token. */
  const passwordLogin = (name: string): DifferentialCase<FactorTokens> => ({
    name,
    exchange: () => json('POST', '/token', SEED),
    keep: keepMfaToken(name),
  });
  const keepSecret = ({ body }: Answer, own: FactorTokens) => {
    const secret = asRecord(body)?.secret;
    if (typeof secret === 'string') own.secrets.push(secret);
  };
  const keepRecoveryCodes = ({ body }: Answer, own: FactorTokens) => {
    const codes = asRecord(body)?.recovery_codes;
    if (Array.isArray(codes)) own.recoveryCodes = codes.map(String);
  };
  const keepPasskeyId = ({ body }: Answer, own: FactorTokens) => {
    const id = asRecord(body)?.id;
    if (typeof id === 'string') own.passkeyId = id;
  };
  /** In cookie mode, a Bearer route's request without its X-CSRF-TOKEN, or with another. */
  const csrfCases = (
    name: string,
    method: Exchange['method'],
    path: (own: FactorTokens) => string,
  ): DifferentialCase<FactorTokens>[] =>
    mode === 'headers'
      ? []
      : [
          {
            name: `${name} without X-CSRF-TOKEN`,
            exchange: (own) => {
              const exchange = withAccess(mode, own, json(method, path(own)));
              return {
                ...exchange,
                headers: Object.fromEntries(
                  Object.entries(exchange.headers ?? {}).filter(
                    ([name]) => name !== 'X-CSRF-TOKEN',
                  ),
                ),
              };
            },
          },
          {
            name: `${name} with another X-CSRF-TOKEN`,
            exchange: (own) =>
              withAccess(
                mode,
                { ...own, accessCsrf: crypto.randomUUID() },
                json(method, path(own)),
              ),
          },
        ];
  const mfaClaims = (overrides: Record<string, unknown>) => ({
    sub: USER_ID,
    type: 'mfa',
    jti: crypto.randomUUID(),
    iat: now(),
    nbf: now(),
    exp: now() + 300,
    ...overrides,
  });
  const expiredMfaToken = await signed(
    mfaClaims({ iat: now() - 400, nbf: now() - 400, exp: now() - 100 }),
  );
  const strangersMfaToken = await signed(mfaClaims({ sub: '999' }));
  const expiredLoginState = await signed({
    type: 'webauthn-login',
    challenge: encodeBase64Url(new Uint8Array(32)),
    jti: crypto.randomUUID(),
    iat: now() - 200,
    exp: now() - 80,
  });
  /** The access token where the mfa_token goes: header or cookie, as the mode carries it. */
  const withMfaToken = (name: string) => (own: FactorTokens) => {
    const token = own.mfaTokens.get(name) ?? '';
    return withAccess(mode, { ...own, access: token, accessCsrf: '' }, json('GET', '/protected'));
  };

  const registerBegin: DifferentialCase<FactorTokens> = {
    name: 'register begin: the creation options',
    exchange: bearer('POST', '/webauthn/register/begin'),
    keep: ({ body }, own) => {
      own.creation = asRecord(body)?.publicKey as PublicKeyCredentialCreationOptionsJSON;
    },
    normalise: creationShape,
  };
  const registerComplete = (
    name: string,
    fields: (own: FactorTokens) => unknown,
  ): DifferentialCase<FactorTokens> => ({
    name,
    exchange: async (own) =>
      withAccess(mode, own, json('POST', '/webauthn/register/complete', await fields(own))),
    normalise: passkeyShape,
  });
  const registered = async (own: FactorTokens, authenticator = own.authenticator) => {
    own.registration = await authenticator.register(need(own.creation, 'creation'), ORIGIN);
    return own.registration;
  };
  const loginBegin = (name: string): DifferentialCase<FactorTokens> => ({
    name,
    exchange: () => json('POST', '/webauthn/login/begin'),
    keep: ({ body }, own) => {
      const fields = asRecord(body);
      own.loginOptions = fields?.publicKey as PublicKeyCredentialRequestOptionsJSON;
      own.loginState = String(fields?.state);
    },
    normalise: requestShape,
  });
  const loginComplete = (
    name: string,
    fields: (own: FactorTokens) => unknown,
  ): DifferentialCase<FactorTokens> => ({
    name,
    exchange: async (own) => json('POST', '/webauthn/login/complete', await fields(own)),
  });
  const signedBy =
    (authenticator: (own: FactorTokens) => SoftwareAuthenticator) => async (own: FactorTokens) => ({
      state: own.loginState,
      credential: await authenticator(own).authenticate(need(own.loginOptions, 'options'), ORIGIN),
    });
  const credentials = bearer('GET', '/webauthn/credentials');
  const listShape = (body: unknown, own: FactorTokens) =>
    Array.isArray(body) ? body.map((entry) => passkeyShape(entry, own)) : body;

  return [
    // Two-step verification: set up, turn on
    { name: '2fa: status, off', exchange: status },
    { name: '2fa: status without a token', exchange: () => json('GET', '/2fa') },
    ...csrfCases('2fa: setup', 'POST', () => '/2fa/setup'),
    { name: '2fa: enable before any setup', exchange: enable(() => '123456') },
    {
      name: '2fa: setup',
      exchange: bearer('POST', '/2fa/setup'),
      keep: keepSecret,
      normalise: setupShape,
    },
    {
      name: '2fa: setup again, a new pending secret',
      exchange: bearer('POST', '/2fa/setup'),
      keep: keepSecret,
      normalise: (body, own) => ({
        answer: setupShape(body),
        new: new Set(own.secrets).size === own.secrets.length,
      }),
    },
    {
      name: '2fa: enable with the replaced secret’s code',
      exchange: enable((own) => totpCode(own.secrets[0] ?? '')),
    },
    { name: '2fa: enable with a wrong code', exchange: enable(wrongCode) },
    { name: '2fa: enable with 5 digits', exchange: enable(() => '12345') },
    { name: '2fa: enable with letters', exchange: enable(() => 'abcdef') },
    { name: '2fa: enable with no code', exchange: bearer('POST', '/2fa/enable', {}) },
    { name: '2fa: enable with an empty code', exchange: enable(() => '') },
    { name: '2fa: enable with a number as code', exchange: enable(() => 123456) },
    { name: '2fa: enable with a JSON array', exchange: bearer('POST', '/2fa/enable', '["1"]') },
    { name: '2fa: enable with no body', exchange: bearer('POST', '/2fa/enable') },
    { name: '2fa: status, still off', exchange: status },
    {
      name: '2fa: enable with the right code, spaced',
      exchange: enable(async (own) => {
        const code = await nextCode(own);
        return `${code.slice(0, 3)} ${code.slice(3)}`;
      }),
      keep: keepRecoveryCodes,
      normalise: recoveryCodesShape,
    },
    { name: '2fa: status, on with 10 recovery codes', exchange: status },
    { name: '2fa: enable again', exchange: enable(usedCode) },
    { name: '2fa: setup when on', exchange: bearer('POST', '/2fa/setup') },
    { name: '2fa: the session from before stays', exchange: bearer('GET', '/protected') },

    // The login's second step
    passwordLogin('login: the password, two-step verification on'),
    {
      name: 'second step: the mfa_token on a protected route',
      exchange: withMfaToken('login: the password, two-step verification on'),
    },
    {
      name: 'second step: the mfa_token on POST /refresh',
      exchange: (own): Exchange => {
        const token = own.mfaTokens.get('login: the password, two-step verification on') ?? '';
        return mode === 'headers'
          ? { ...json('POST', '/refresh'), headers: { Authorization: `Bearer ${token}` } }
          : {
              ...json('POST', '/refresh'),
              // A csrf value, to reach the token's checks: the mfa_token has no csrf claim.
              headers: { Cookie: `refresh_token_cookie=${token}`, 'X-CSRF-TOKEN': own.accessCsrf },
            };
      },
    },
    {
      name: 'second step: no mfa_token',
      exchange: async (own) => json('POST', '/token/2fa', { code: await usedCode(own) }),
    },
    {
      name: 'second step: an empty mfa_token',
      exchange: secondStep(
        () => '',
        () => ({ code: '123456' }),
      ),
    },
    {
      name: 'second step: no code',
      exchange: secondStep('login: the password, two-step verification on', () => ({})),
    },
    {
      name: 'second step: an empty code and recovery code',
      exchange: secondStep('login: the password, two-step verification on', () => ({
        code: '',
        recovery_code: '',
      })),
    },
    {
      name: 'second step: a number as code',
      exchange: secondStep('login: the password, two-step verification on', () => ({
        code: 123456,
      })),
    },
    { name: 'second step: a JSON array', exchange: () => json('POST', '/token/2fa', '[]') },
    {
      name: 'second step: a garbage mfa_token',
      exchange: secondStep(
        () => 'garbage',
        () => ({ code: '123456' }),
      ),
    },
    {
      name: 'second step: the access token as mfa_token',
      exchange: secondStep(
        (own) => own.access,
        () => ({ code: '123456' }),
      ),
    },
    {
      name: 'second step: an expired mfa_token',
      exchange: secondStep(
        () => expiredMfaToken,
        () => ({ code: '123456' }),
      ),
    },
    {
      name: 'second step: an mfa_token for a user who does not exist',
      exchange: secondStep(
        () => strangersMfaToken,
        () => ({ code: '123456' }),
      ),
    },
    {
      name: 'second step: the code enable used',
      exchange: secondStep('login: the password, two-step verification on', async (own) => ({
        code: await usedCode(own),
      })),
    },
    {
      name: 'second step: the right code',
      exchange: secondStep('login: the password, two-step verification on', async (own) => ({
        code: await nextCode(own),
      })),
    },
    {
      name: 'second step: the mfa_token again, after its login',
      exchange: secondStep('login: the password, two-step verification on', async (own) => ({
        code: await usedCode(own),
      })),
    },

    passwordLogin('login: for wrong codes'),
    ...[1, 2, 3, 4, 5].map((count) => ({
      name: `second step: wrong code number ${count}`,
      exchange: secondStep('login: for wrong codes', async (own) => ({
        code: await wrongCode(own),
      })),
    })),
    {
      name: 'second step: a right recovery code after 5 wrong codes',
      exchange: secondStep('login: for wrong codes', (own) => ({
        recovery_code: own.recoveryCodes[0],
      })),
    },

    passwordLogin('login: for recovery codes'),
    {
      name: 'second step: a recovery code',
      exchange: secondStep('login: for recovery codes', (own) => ({
        recovery_code: own.recoveryCodes[0],
      })),
    },
    { name: '2fa: status, 9 recovery codes left', exchange: status },
    passwordLogin('login: for a used recovery code'),
    {
      name: 'second step: the same recovery code again',
      exchange: secondStep('login: for a used recovery code', (own) => ({
        recovery_code: own.recoveryCodes[0],
      })),
    },
    {
      name: 'second step: a wrong code beside a right recovery code (the code is checked)',
      exchange: secondStep('login: for a used recovery code', async (own) => ({
        code: await wrongCode(own),
        recovery_code: own.recoveryCodes[1],
      })),
    },
    {
      name: 'second step: a recovery code in capitals, without its hyphen',
      exchange: secondStep('login: for a used recovery code', (own) => ({
        recovery_code: (own.recoveryCodes[1] ?? '').replace('-', '').toUpperCase(),
      })),
    },
    { name: '2fa: status, 8 recovery codes left', exchange: status },

    // Turning it off
    passwordLogin('login: before turning it off'),
    { name: '2fa: disable with no password', exchange: bearer('POST', '/2fa/disable', {}) },
    {
      name: '2fa: disable with a wrong password',
      exchange: bearer('POST', '/2fa/disable', { password: 'wrong' }),
    },
    {
      name: '2fa: disable with the right password',
      exchange: bearer('POST', '/2fa/disable', { password: SEED.password }),
    },
    { name: '2fa: status, off again', exchange: status },
    { name: 'login: the password alone again', exchange: () => json('POST', '/token', SEED) },
    {
      name: 'second step: an mfa_token from before, once it is off',
      exchange: secondStep('login: before turning it off', (own) => ({
        recovery_code: own.recoveryCodes[2],
      })),
    },
    {
      name: '2fa: disable when off',
      exchange: bearer('POST', '/2fa/disable', { password: SEED.password }),
    },

    // Passkeys: registration
    { name: 'passkeys: the list, empty', exchange: credentials, normalise: listShape },
    {
      name: 'passkeys: register begin without a token',
      exchange: () => json('POST', '/webauthn/register/begin'),
    },
    registerComplete('register complete: before any begin', () => ({
      name: 'Laptop',
      credential: {},
    })),
    registerBegin,
    registerComplete('register complete: no name', async (own) => ({
      credential: await registered(own),
    })),
    registerComplete('register complete: a blank name', (own) => ({
      name: ' \t ',
      credential: own.registration,
    })),
    registerComplete('register complete: a number as name', (own) => ({
      name: 7,
      credential: own.registration,
    })),
    registerComplete('register complete: a name of 65 characters', (own) => ({
      name: 'x'.repeat(65),
      credential: own.registration,
    })),
    registerComplete('register complete: a JSON array', () => ['Laptop']),
    registerComplete('register complete: no credential', () => ({ name: 'Laptop' })),
    registerComplete('register complete: the registration, used up by the try before', (own) => ({
      name: 'Laptop',
      credential: own.registration,
    })),
    { ...registerBegin, name: 'register begin: again' },
    registerComplete('register complete: a garbage credential', () => ({
      name: 'Laptop',
      credential: { id: 'x', response: { clientDataJSON: '!!', attestationObject: 'AAAA' } },
    })),
    { ...registerBegin, name: 'register begin: once more' },
    registerComplete('register complete: an answer to an earlier challenge', (own) => ({
      name: 'Laptop',
      credential: own.registration,
    })),
    { ...registerBegin, name: 'register begin: for the passkey' },
    {
      ...registerComplete('register complete: verified, the name trimmed', async (own) => ({
        name: '  My laptop \n',
        credential: await registered(own),
      })),
      keep: keepPasskeyId,
    },
    { ...registerBegin, name: 'register begin: the passkey excluded' },
    registerComplete('register complete: the same credential again', (own) => {
      const registration = need(own.registration, 'registration');
      const challenge = need(own.creation, 'creation').challenge;
      return {
        name: 'Again',
        credential: {
          ...registration,
          response: {
            ...registration.response,
            clientDataJSON: withChallenge(registration.response.clientDataJSON, challenge),
          },
        },
      };
    }),
    { name: 'passkeys: the list, one passkey', exchange: credentials, normalise: listShape },
    {
      ...registerBegin,
      name: 'register begin: the other user’s',
      exchange: (own) =>
        withAccess(mode, { ...own, ...own.other }, json('POST', '/webauthn/register/begin')),
    },
    {
      name: 'register complete: the other user’s passkey',
      exchange: async (own) =>
        withAccess(
          mode,
          { ...own, ...own.other },
          json('POST', '/webauthn/register/complete', {
            name: 'Phone',
            credential: await own.othersAuthenticator.register(
              need(own.creation, 'creation'),
              ORIGIN,
            ),
          }),
        ),
      keep: ({ body }, own) => {
        const id = asRecord(body)?.id;
        if (typeof id === 'string') own.othersPasskeyId = id;
      },
      normalise: (body) => {
        const fields = asRecord(body);
        return fields === null
          ? body
          : {
              ...fields,
              id: formatted(fields.id, BYTES_32, 'a credential id'),
              created_at: formatted(fields.created_at, UTC_SECONDS, 'UTC seconds'),
            };
      },
    },
    {
      name: 'passkeys: remove the other user’s',
      exchange: (own) =>
        withAccess(mode, own, json('DELETE', `/webauthn/credentials/${own.othersPasskeyId}`)),
    },
    { name: 'passkeys: the list, still one passkey', exchange: credentials, normalise: listShape },

    // Passkeys: signing in
    loginBegin('login begin: the request options and state'),
    loginComplete('login complete: no state', () => ({ credential: {} })),
    loginComplete('login complete: a number as state', () => ({ state: 1 })),
    loginComplete('login complete: a JSON array', () => []),
    loginComplete('login complete: a garbage state', () => ({ state: 'garbage', credential: {} })),
    loginComplete('login complete: an expired state', () => ({
      state: expiredLoginState,
      credential: {},
    })),
    loginComplete('login complete: the access token as state', (own) => ({
      state: own.access,
      credential: {},
    })),
    loginComplete(
      'login complete: verified',
      signedBy((own) => own.authenticator),
    ),
    loginComplete(
      'login complete: the same state again',
      signedBy((own) => own.authenticator),
    ),
    { name: 'passkeys: the list, used once', exchange: credentials, normalise: listShape },
    loginBegin('login begin: for an unknown credential'),
    loginComplete(
      'login complete: a credential the server does not know',
      signedBy((own) => own.stranger),
    ),
    loginComplete(
      'login complete: the state that try used',
      signedBy((own) => own.authenticator),
    ),
    loginBegin('login begin: for another user’s handle'),
    loginComplete('login complete: the other user’s passkey, this user’s handle', async (own) => {
      const answer = await signedBy((found) => found.othersAuthenticator)(own);
      const { credential } = answer;
      const handle = encodeBase64Url(new TextEncoder().encode(USER_ID));
      return {
        ...answer,
        credential: { ...credential, response: { ...credential.response, userHandle: handle } },
      };
    }),
    loginBegin('login begin: for no credential'),
    loginComplete('login complete: no credential', (own) => ({ state: own.loginState })),
    loginBegin('login begin: for a bad signature'),
    loginComplete('login complete: a signature over other data', async (own) => {
      const signedAnswer = await signedBy((found) => found.authenticator)(own);
      const { response } = signedAnswer.credential;
      return {
        ...signedAnswer,
        credential: {
          ...signedAnswer.credential,
          response: { ...response, clientDataJSON: withChallenge(response.clientDataJSON, 'x') },
        },
      };
    }),

    // Passkeys: removal
    {
      name: 'passkeys: remove one that does not exist',
      exchange: bearer('DELETE', `/webauthn/credentials/${encodeBase64Url(new Uint8Array(32))}`),
    },
    {
      name: 'passkeys: remove one whose id is not base64url',
      exchange: bearer('DELETE', '/webauthn/credentials/n0t*base64'),
    },
    {
      name: 'passkeys: remove without a token',
      exchange: (own) => json('DELETE', `/webauthn/credentials/${own.passkeyId}`),
    },
    ...csrfCases('passkeys: remove', 'DELETE', (own) => `/webauthn/credentials/${own.passkeyId}`),
    {
      name: 'passkeys: remove the passkey',
      exchange: (own) =>
        withAccess(mode, own, json('DELETE', `/webauthn/credentials/${own.passkeyId}`)),
    },
    {
      name: 'passkeys: remove it again',
      exchange: (own) =>
        withAccess(mode, own, json('DELETE', `/webauthn/credentials/${own.passkeyId}`)),
    },
    { name: 'passkeys: the list, empty again', exchange: credentials, normalise: listShape },
    loginBegin('login begin: after the removal'),
    loginComplete(
      'login complete: the removed passkey',
      signedBy((own) => own.authenticator),
    ),

    // Methods the routes do not take: Werkzeug's 405 page
    { name: 'methods: GET /token/2fa', exchange: () => json('GET', '/token/2fa') },
    { name: 'methods: GET /2fa/setup', exchange: bearer('GET', '/2fa/setup') },
    {
      name: 'methods: POST /webauthn/credentials',
      exchange: bearer('POST', '/webauthn/credentials'),
    },
    {
      name: 'methods: GET /webauthn/login/begin',
      exchange: () => json('GET', '/webauthn/login/begin'),
    },
    {
      name: 'methods: DELETE /webauthn/credentials',
      exchange: bearer('DELETE', '/webauthn/credentials'),
    },

    // A passkey without user verification is one factor: with two-step verification on, a code
    // follows, as after a password.
    {
      name: '2fa: setup, to turn it on again',
      exchange: bearer('POST', '/2fa/setup'),
      keep: keepSecret,
      normalise: setupShape,
    },
    {
      name: '2fa: enable with the new secret’s code',
      exchange: enable(nextCode),
      keep: keepRecoveryCodes,
      normalise: recoveryCodesShape,
    },
    { ...registerBegin, name: 'register begin: for a passkey without user verification' },
    {
      ...registerComplete(
        'register complete: a passkey without user verification',
        async (own) => ({
          name: 'Security key',
          credential: await registered(own, own.unverified),
        }),
      ),
      keep: keepPasskeyId,
    },
    loginBegin('login begin: with the passkey without user verification'),
    {
      ...loginComplete(
        'login complete: no user verification, two-step verification on',
        signedBy((own) => own.unverified),
      ),
      keep: keepMfaToken('login complete: no user verification, two-step verification on'),
    },
    {
      name: 'second step: after the passkey, a recovery code',
      exchange: secondStep(
        'login complete: no user verification, two-step verification on',
        (own) => ({ recovery_code: own.recoveryCodes[0] }),
      ),
    },
  ];
}
