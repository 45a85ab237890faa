/**
 * The mock API against the real thing: every request below goes to the MSW handlers and to the
 * reference Flask + flask-jwt-extended backend (examples/flask-api), and the two answers must
 * agree on the status, the `msg`, and the anatomy of every token (its header, its claim names).
 * Both sign with the same secret, so a token crafted here means the same to both.
 *
 * The corpus covers every unmarked row of docs/api/flask-jwt-extended.md, the contract this file
 * proves: the login and its 400 cases, every Authorization header and token row of
 * GET /protected, the refresh route, and the course project's sign-up and logout (with its
 * blocklist), in four configurations: the tutorial's backend (username, no refresh tokens, no
 * sign-up), then with refresh tokens, then with sign-up, and the course project's (email as the
 * identifier). With the reference backend (not examples/course-project, which has none), the
 * account routes too: their 400s, the limit on reset requests, a password change and
 * log-out-everywhere and the tokens they revoke. Left out of those: a reset request for a known
 * account (the link is random and goes by e-mail). Last, cookie mode (TOKEN_LOCATION=cookies), where
 * the cookies each answer sets are compared too: the reference backend's with refresh tokens, and
 * examples/course-project's (email, /api, no refresh tokens), password change included. And the
 * second factors (flask-factors.ts): two-step verification and passkeys, in both modes.
 */
import { encodeBase64UrlJson } from '../../src/emulation/base64url';
import type { LoginIdentifier } from '../../src/backends/vocabulary';
import {
  authorized,
  JSON_TYPE,
  NOT_A_SIGNATURE,
  now,
  segment,
  signed,
  signedWithAnotherKey,
  unsignedToken,
} from './corpus-helpers';
import { startCourseProject } from '../reference-backends';
import { factorCases, logInForFactors, WEBAUTHN_SETTINGS, type TokenMode } from './flask-factors';
import { describeDifferential, type DifferentialCase } from './describe-differential';
import { parseSetCookie, type Exchange } from './exchange';

interface Tokens {
  access: string;
  refresh: string | null;
  /** From a second login, for the logout cases, which revoke them. */
  spareAccess: string;
  spareRefresh: string | null;
  /** The access token a password change answered. */
  changed: string;
}

function claims(overrides: Record<string, unknown> = {}, without: string[] = []) {
  const base: Record<string, unknown> = {
    fresh: false,
    iat: now(),
    jti: crypto.randomUUID(),
    type: 'access',
    sub: '1',
    nbf: now(),
    csrf: crypto.randomUUID(),
    exp: now() + 900,
    ...overrides,
  };
  for (const name of without) Reflect.deleteProperty(base, name);
  return base;
}

const login = (body: unknown, headers: Record<string, string> = JSON_TYPE): Exchange => ({
  method: 'POST',
  path: '/token',
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

const protectedWith = (authorization: string | null) =>
  authorized('GET', '/protected', authorization);

const withBearer = (path: string, token: string | null) =>
  authorized('POST', path, token === null ? null : `Bearer ${token}`);
const refreshWith = (authorization: string | null) => authorized('POST', '/refresh', authorization);

/** The seed user and a new account, as each identifier spells them. */
const NAMES = {
  username: { seed: 'alesanchezr', other: 'ada', fresh: 'grace', misshapen: 'grace hopper' },
  email: {
    seed: 'alesanchezr@example.com',
    other: 'ada@example.com',
    fresh: 'grace@example.com',
    misshapen: 'grace.example.com',
  },
} satisfies Record<LoginIdentifier, Record<string, string>>;

/** The account routes' cases, for the seed user (`names.seed`, password 12341234). */
function accountCases(field: LoginIdentifier): DifferentialCase<Tokens>[] {
  const post = (path: string, body: unknown, token: string | null = null): Exchange => ({
    ...withBearer(path, token),
    headers: {
      ...JSON_TYPE,
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  });
  const NEW_PASSWORD = 'correct horse battery';
  const change = (token: string | null, current: unknown, next: unknown) =>
    post('/password', { current_password: current, new_password: next }, token);
  const unknown = NAMES[field].fresh.replace('grace', 'nobody');
  return [
    {
      name: 'reset request: an unknown account',
      exchange: () => post('/password-reset', { [field]: unknown }),
    },
    { name: 'reset request: no field', exchange: () => post('/password-reset', {}) },
    { name: 'reset request: a JSON array', exchange: () => post('/password-reset', [unknown]) },
    {
      name: 'reset request: GET instead of POST',
      exchange: () => ({ method: 'GET', path: '/password-reset' }),
    },
    ...[1, 2, 3, 4, 5, 6].map((count) => ({
      name: `reset request: number ${count} within the hour for one account`,
      exchange: () => post('/password-reset', { [field]: `limited-${unknown}` }),
    })),
    {
      name: 'reset confirm: a token no server issued',
      exchange: () => post('/password-reset/confirm', { token: 'garbage', password: NEW_PASSWORD }),
    },
    {
      name: 'reset confirm: a bad token and a weak password (the token first)',
      exchange: () => post('/password-reset/confirm', { token: 'garbage', password: 'short' }),
    },
    { name: 'reset confirm: no fields', exchange: () => post('/password-reset/confirm', {}) },
    {
      name: 'change: no token',
      exchange: () => change(null, '12341234', NEW_PASSWORD),
    },
    { name: 'change: no fields', exchange: (own) => post('/password', {}, own.access) },
    {
      name: 'change: a wrong current password',
      exchange: (own) => change(own.access, 'wrong', NEW_PASSWORD),
    },
    ...['short', 'password', '83920174652'].map((weak) => ({
      name: `change: the policy refuses ${JSON.stringify(weak)}`,
      exchange: (own: Tokens) => change(own.access, '12341234', weak),
    })),
    {
      name: 'change: the seed user’s password, accepted',
      exchange: (own) => change(own.access, '12341234', NEW_PASSWORD),
      keep: ({ body }, own) => {
        own.changed = (body as { token: string }).token;
      },
    },
    {
      name: 'protected: the token from before the change',
      exchange: (own) => protectedWith(`Bearer ${own.access}`),
    },
    {
      name: 'protected: the token the change answered',
      exchange: (own) => protectedWith(`Bearer ${own.changed}`),
    },
    {
      name: 'protected: a token crafted with the key, issued before the change',
      exchange: async () =>
        protectedWith(`Bearer ${await signed(claims({ iat: now() - 60, nbf: now() - 60 }))}`),
    },
    {
      name: 'protected: a token crafted with the key, without iat',
      exchange: async () => protectedWith(`Bearer ${await signed(claims({}, ['iat']))}`),
    },
    {
      name: 'login: the old password after the change',
      exchange: () => login({ [field]: NAMES[field].seed, password: '12341234' }),
    },
    {
      name: 'logout everywhere: no token',
      exchange: () => withBearer('/logout-everywhere', null),
    },
    {
      name: 'logout everywhere: the token the change answered',
      exchange: (own) => withBearer('/logout-everywhere', own.changed),
    },
    {
      name: 'logout everywhere: the same token again',
      exchange: (own) => withBearer('/logout-everywhere', own.changed),
    },
  ];
}

async function buildCorpus(field: LoginIdentifier): Promise<DifferentialCase<Tokens>[]> {
  const names = NAMES[field];
  const as = (identifier: unknown, password: unknown) => ({ [field]: identifier, password });
  const signup = (body: unknown): Exchange => ({ ...login(body), path: '/signup' });
  const crafted = {
    expired: await signed(claims({ iat: now() - 1000, nbf: now() - 1000, exp: now() - 10 })),
    iatInFuture: await signed(claims({ iat: now() + 3600 })),
    nbfInFuture: await signed(claims({ nbf: now() + 3600 })),
    expNotANumber: await signed(claims({ exp: 'soon' })),
    noSub: await signed(claims({}, ['sub'])),
    noType: await signed(claims({}, ['type'])),
    unknownUser: await signed(claims({ sub: '999' })),
    subNotAnId: await signed(claims({ sub: 'alesanchezr' })),
    refreshAsAccess: await signed(claims({ type: 'refresh' })),
    expiredRefresh: await signed(claims({ type: 'refresh', exp: now() - 10 })),
    unknownUserRefresh: await signed(claims({ type: 'refresh', sub: '999' })),
    algNone: unsignedToken(claims()),
    algHs512: await signed(claims(), { alg: 'HS512', typ: 'JWT' }),
    wrongSecret: await signedWithAnotherKey(claims()),
    headerNotObject: `${segment('[1]')}.${encodeBase64UrlJson(claims())}.${NOT_A_SIGNATURE}`,
    headerNotJson: `${segment('not json')}.${encodeBase64UrlJson(claims())}.${NOT_A_SIGNATURE}`,
    payloadNotObject: `${encodeBase64UrlJson({ alg: 'HS256', typ: 'JWT' })}.${segment('[1]')}.${NOT_A_SIGNATURE}`,
    payloadNotJson: `${encodeBase64UrlJson({ alg: 'HS256', typ: 'JWT' })}.${segment('not json')}.${NOT_A_SIGNATURE}`,
    payloadBadBase64: `${encodeBase64UrlJson({ alg: 'HS256', typ: 'JWT' })}.a.${NOT_A_SIGNATURE}`,
    signatureBadBase64: `${encodeBase64UrlJson({ alg: 'HS256', typ: 'JWT' })}.${encodeBase64UrlJson(claims())}.a`,
  };
  const bearer = (token: string) => protectedWith(`Bearer ${token}`);

  return [
    // POST /token
    {
      name: 'login: the right password',
      exchange: () => login({ username: 'alesanchezr', password: '12341234' }),
    },
    {
      name: 'login: the second seed user',
      exchange: () => login({ username: 'ada', password: 'lovelace1815' }),
    },
    {
      name: 'login: a wrong password',
      exchange: () => login({ username: 'alesanchezr', password: 'nope' }),
    },
    {
      name: 'login: an unknown user',
      exchange: () => login({ username: 'nobody', password: '12341234' }),
    },
    {
      name: 'login: the username in another case',
      exchange: () => login({ username: 'Alesanchezr', password: '12341234' }),
    },
    {
      name: 'login: the username with a trailing space',
      exchange: () => login({ username: 'alesanchezr ', password: '12341234' }),
    },
    {
      name: 'login: the password with a leading space',
      exchange: () => login({ username: 'alesanchezr', password: ' 12341234' }),
    },
    { name: 'login: no username', exchange: () => login({ password: '12341234' }) },
    { name: 'login: no password', exchange: () => login({ username: 'alesanchezr' }) },
    {
      name: 'login: an empty username',
      exchange: () => login({ username: '', password: '12341234' }),
    },
    {
      name: 'login: an empty password',
      exchange: () => login({ username: 'alesanchezr', password: '' }),
    },
    {
      name: 'login: a number as username',
      exchange: () => login({ username: 1, password: '12341234' }),
    },
    {
      name: 'login: null as password',
      exchange: () => login({ username: 'alesanchezr', password: null }),
    },
    { name: 'login: an array body', exchange: () => login([names.seed, '12341234']) },
    { name: 'login: a JSON null body', exchange: () => login('null') },
    { name: 'login: invalid JSON', exchange: () => login('{"username": ') },
    {
      name: 'login: a form body',
      exchange: () =>
        login('username=alesanchezr&password=12341234', {
          'Content-Type': 'application/x-www-form-urlencoded',
        }),
    },
    {
      name: 'login: JSON sent as text/plain',
      exchange: () =>
        login({ username: 'alesanchezr', password: '12341234' }, { 'Content-Type': 'text/plain' }),
    },
    { name: 'login: no body', exchange: () => ({ method: 'POST', path: '/token' }) },
    { name: 'login: GET instead of POST', exchange: () => ({ method: 'GET', path: '/token' }) },

    // GET /protected: the Authorization header
    { name: 'protected: the token from login', exchange: (own) => bearer(own.access) },
    { name: 'protected: no Authorization header', exchange: () => protectedWith(null) },
    { name: 'protected: an empty Authorization header', exchange: () => protectedWith('') },
    { name: 'protected: Basic credentials', exchange: () => protectedWith('Basic abc') },
    {
      name: 'protected: bearer in lower case',
      exchange: (own) => protectedWith(`bearer ${own.access}`),
    },
    { name: 'protected: the bare token', exchange: (own) => protectedWith(own.access) },
    { name: 'protected: Bearer with no token', exchange: () => protectedWith('Bearer') },
    {
      name: 'protected: Bearer with two words',
      exchange: (own) => protectedWith(`Bearer ${own.access} extra`),
    },
    {
      name: 'protected: two Bearer values',
      exchange: (own) => protectedWith(`Bearer ${own.access}, Bearer ${own.access}`),
    },
    {
      name: 'protected: Basic, then Bearer',
      exchange: (own) => protectedWith(`Basic abc, Bearer ${own.access}`),
    },
    {
      name: 'protected: Bearerx as the type',
      exchange: (own) => protectedWith(`Bearerx ${own.access}`),
    },
    {
      name: 'protected: commas and spaces around',
      exchange: (own) => protectedWith(` ,Bearer ${own.access}, `),
    },

    // GET /protected: the token
    { name: 'protected: not-a-jwt', exchange: () => bearer('not-a-jwt') },
    { name: 'protected: two segments', exchange: () => bearer('a.b') },
    { name: 'protected: a.b.c', exchange: () => bearer('a.b.c') },
    { name: 'protected: alg none', exchange: () => bearer(crafted.algNone) },
    { name: 'protected: alg HS512', exchange: () => bearer(crafted.algHs512) },
    {
      name: 'protected: a signature that does not match',
      exchange: () => bearer(crafted.wrongSecret),
    },
    {
      name: 'protected: a header that is not a JSON object',
      exchange: () => bearer(crafted.headerNotObject),
    },
    { name: 'protected: a header that is not JSON', exchange: () => bearer(crafted.headerNotJson) },
    {
      name: 'protected: a payload that is not a JSON object',
      exchange: () => bearer(crafted.payloadNotObject),
    },
    {
      name: 'protected: a payload that is not JSON',
      exchange: () => bearer(crafted.payloadNotJson),
    },
    {
      name: 'protected: a payload that is not base64',
      exchange: () => bearer(crafted.payloadBadBase64),
    },
    {
      name: 'protected: a signature that is not base64',
      exchange: () => bearer(crafted.signatureBadBase64),
    },
    { name: 'protected: iat in the future', exchange: () => bearer(crafted.iatInFuture) },
    { name: 'protected: nbf in the future', exchange: () => bearer(crafted.nbfInFuture) },
    { name: 'protected: an expired token', exchange: () => bearer(crafted.expired) },
    { name: 'protected: exp that is not a number', exchange: () => bearer(crafted.expNotANumber) },
    { name: 'protected: no sub', exchange: () => bearer(crafted.noSub) },
    { name: 'protected: no type claim', exchange: () => bearer(crafted.noType) },
    { name: 'protected: a user that does not exist', exchange: () => bearer(crafted.unknownUser) },
    {
      name: 'protected: a subject that is not a user id',
      exchange: () => bearer(crafted.subNotAnId),
    },
    { name: 'protected: a refresh token', exchange: () => bearer(crafted.refreshAsAccess) },
    {
      name: 'protected: POST instead of GET',
      exchange: (own) => ({ ...bearer(own.access), method: 'POST' }),
    },

    // POST /refresh
    {
      name: 'refresh: the refresh token from login',
      exchange: (own) => refreshWith(own.refresh === null ? null : `Bearer ${own.refresh}`),
    },
    { name: 'refresh: an access token', exchange: (own) => refreshWith(`Bearer ${own.access}`) },
    {
      name: 'refresh: an expired refresh token',
      exchange: () => refreshWith(`Bearer ${crafted.expiredRefresh}`),
    },
    { name: 'refresh: no Authorization header', exchange: () => refreshWith(null) },
    {
      name: 'refresh: a user that does not exist',
      exchange: () => refreshWith(`Bearer ${crafted.unknownUserRefresh}`),
    },
    { name: 'refresh: GET instead of POST', exchange: () => ({ method: 'GET', path: '/refresh' }) },

    // POST /signup, then a login with the new account
    { name: 'signup: a new account', exchange: () => signup(as(names.fresh, 'hopper1906')) },
    {
      name: 'signup: the same account again',
      exchange: () => signup(as(names.fresh, 'another passphrase')),
    },
    {
      name: 'signup: a seed user’s identifier',
      exchange: () => signup(as(names.seed, 'another passphrase')),
    },
    {
      name: 'signup: the identifier in another case',
      exchange: () => signup(as(names.fresh.toUpperCase(), 'another passphrase')),
    },
    {
      name: 'signup: an identifier that is not an email',
      exchange: () => signup(as(names.misshapen, 'x')),
    },
    { name: 'signup: an empty identifier', exchange: () => signup(as('', 'hopper1906')) },
    { name: 'signup: no password', exchange: () => signup({ [field]: 'someone@example.com' }) },
    { name: 'signup: an empty password', exchange: () => signup(as('someone@example.com', '')) },
    { name: 'signup: a number as password', exchange: () => signup(as('someone@example.com', 7)) },
    { name: 'signup: an array body', exchange: () => signup([names.fresh]) },
    { name: 'signup: GET instead of POST', exchange: () => ({ method: 'GET', path: '/signup' }) },
    { name: 'login: the new account', exchange: () => login(as(names.fresh, 'hopper1906')) },

    // POST /logout and the blocklist
    { name: 'logout: no Authorization header', exchange: () => withBearer('/logout', null) },
    { name: 'logout: a forged token', exchange: () => withBearer('/logout', crafted.wrongSecret) },
    { name: 'logout: the access token', exchange: (own) => withBearer('/logout', own.spareAccess) },
    { name: 'protected: a logged-out token', exchange: (own) => bearer(own.spareAccess) },
    {
      name: 'logout: a logged-out token',
      exchange: (own) => withBearer('/logout', own.spareAccess),
    },
    {
      name: 'logout: the refresh token',
      exchange: (own) => withBearer('/logout', own.spareRefresh),
    },
    {
      name: 'refresh: a logged-out refresh token',
      exchange: (own) =>
        refreshWith(own.spareRefresh === null ? null : `Bearer ${own.spareRefresh}`),
    },
    {
      name: 'protected: the first login’s token, still valid',
      exchange: (own) => bearer(own.access),
    },
    { name: 'logout: GET instead of POST', exchange: () => ({ method: 'GET', path: '/logout' }) },
  ];
}

interface Configuration {
  name: string;
  identifier: LoginIdentifier;
  refreshTokens: boolean;
  signup: boolean;
  /** Not the reference backend: examples/course-project, its API under /api. */
  courseProject?: boolean;
}

const CONFIGURATIONS: Configuration[] = [
  { name: 'the tutorial’s backend', identifier: 'username', refreshTokens: false, signup: false },
  { name: 'with refresh tokens', identifier: 'username', refreshTokens: true, signup: false },
  { name: 'with sign-up', identifier: 'username', refreshTokens: false, signup: true },
  { name: 'the course project (email)', identifier: 'email', refreshTokens: true, signup: true },
  // The same API on the react-flask-hello boilerplate's backend, as docs/backends/course-project.md
  // has a student write it: a database, no refresh tokens.
  {
    name: 'examples/course-project',
    identifier: 'email',
    refreshTokens: false,
    signup: true,
    courseProject: true,
  },
];

for (const { name, identifier, refreshTokens, signup, courseProject } of CONFIGURATIONS) {
  describeDifferential({
    name: `mock and flask-jwt-extended agree: ${name}`,
    profile: 'flask-jwt-extended',
    ...(courseProject ? { startOther: startCourseProject, prefix: '/api' } : {}),
    build: { loginIdentifier: identifier, signup },
    backendSettings: {
      REFRESH_TOKENS: String(refreshTokens),
      SIGNUP: String(signup),
      IDENTIFIER: identifier,
    },
    mockConfig: { issueRefreshTokens: refreshTokens },
    corpus: async () => [
      ...(await buildCorpus(identifier)),
      ...(courseProject ? [] : accountCases(identifier)),
    ],
    logIn: async (send): Promise<Tokens> => {
      const credentials = login({ [identifier]: NAMES[identifier].seed, password: '12341234' });
      const tokens = async () => {
        const body = (await send(credentials)).body as { token: string; refresh_token?: string };
        return { access: body.token, refresh: body.refresh_token ?? null };
      };
      const first = await tokens();
      const spare = await tokens();
      return { ...first, spareAccess: spare.access, spareRefresh: spare.refresh, changed: '' };
    },
  });
}

/**
 * Cookie mode (TOKEN_LOCATION=cookies on the backend, VITE_TOKEN_STORAGE=cookie for the mock):
 * the cookies each answer sets (names, httpOnly or not, Path, SameSite; the anatomy of their
 * values), the token cookies read back, the CSRF double submit on every POST, and the logout that
 * clears the cookies even for a token it can no longer use.
 */
interface Session {
  access: string;
  accessCsrf: string;
  refresh: string;
  refreshCsrf: string;
}

interface CookieTokens {
  first: Session;
  /** From a second login, for the logout cases, which revoke it. */
  spare: Session;
  /** What the password change set. */
  changed: Session;
}

function sessionOf(setCookies: string[], previous?: Session): Session {
  const values = new Map(setCookies.map(parseSetCookie).map(({ name, value }) => [name, value]));
  const read = (name: string, kept: string | undefined) => values.get(name) ?? kept ?? '';
  return {
    access: read('access_token_cookie', previous?.access),
    accessCsrf: read('csrf_access_token', previous?.accessCsrf),
    refresh: read('refresh_token_cookie', previous?.refresh),
    refreshCsrf: read('csrf_refresh_token', previous?.refreshCsrf),
  };
}

/** A request carrying these cookies and, when given, this X-CSRF-TOKEN. */
function withCookies(
  method: Exchange['method'],
  path: string,
  cookies: Record<string, string>,
  { csrf, body }: { csrf?: string; body?: unknown } = {},
): Exchange {
  const cookie = Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  return {
    method,
    path,
    headers: {
      ...(cookie === '' ? {} : { Cookie: cookie }),
      ...(csrf === undefined ? {} : { 'X-CSRF-TOKEN': csrf }),
      ...(body === undefined ? {} : JSON_TYPE),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}

const accessCookie = (token: string) => ({ access_token_cookie: token });
const bothCookies = (session: Session) => ({
  access_token_cookie: session.access,
  refresh_token_cookie: session.refresh,
});

const CRAFTED_CSRF = 'a-csrf-value-both-sides-know';

/** The cookie cases for a backend that logs in with `identifier`, with or without refresh tokens. */
async function cookieCorpus(
  identifier: LoginIdentifier,
  refreshTokens: boolean,
): Promise<DifferentialCase<CookieTokens>[]> {
  const cases = await cookieCases(identifier);
  // Without refresh tokens there is no refresh cookie to send, nor a /refresh to send it to.
  return refreshTokens ? cases : cases.filter(({ name }) => !/refresh/.test(name));
}

async function cookieCases(identifier: LoginIdentifier): Promise<DifferentialCase<CookieTokens>[]> {
  const expired = () => signed(claims({ exp: now() - 60, iat: now() - 120, csrf: CRAFTED_CSRF }));
  const forged = await signedWithAnotherKey(claims({ csrf: CRAFTED_CSRF }));
  const NEW_PASSWORD = 'correct horse battery';
  const seed = { [identifier]: NAMES[identifier].seed, password: '12341234' };
  return [
    { name: 'cookies: login sets the token and csrf cookies', exchange: () => login(seed) },
    {
      name: 'cookies: a wrong password sets none',
      exchange: () => login({ ...seed, password: 'wrong' }),
    },

    // GET /protected: no CSRF value on a GET
    {
      name: 'cookies: protected with the access cookie',
      exchange: (own) => withCookies('GET', '/protected', accessCookie(own.first.access)),
    },
    {
      name: 'cookies: protected without it',
      exchange: () => withCookies('GET', '/protected', {}),
    },
    {
      name: 'cookies: protected with a Bearer header instead',
      exchange: (own) => protectedWith(`Bearer ${own.first.access}`),
    },
    {
      name: 'cookies: protected with an expired access cookie',
      exchange: async () => withCookies('GET', '/protected', accessCookie(await expired())),
    },
    {
      name: 'cookies: protected with the refresh token in the access cookie',
      exchange: (own) => withCookies('GET', '/protected', accessCookie(own.first.refresh)),
    },
    {
      name: 'cookies: protected with a forged access cookie',
      exchange: () => withCookies('GET', '/protected', accessCookie(forged)),
    },

    // A POST needs the access token's csrf value
    {
      name: 'cookies: a POST without X-CSRF-TOKEN',
      exchange: (own) =>
        withCookies('POST', '/password', accessCookie(own.first.access), { body: {} }),
    },
    {
      name: 'cookies: a POST with a wrong X-CSRF-TOKEN',
      exchange: (own) =>
        withCookies('POST', '/password', accessCookie(own.first.access), {
          csrf: 'not-the-value',
          body: {},
        }),
    },
    {
      name: 'cookies: a POST with the refresh token’s csrf value',
      exchange: (own) =>
        withCookies('POST', '/password', accessCookie(own.first.access), {
          csrf: own.first.refreshCsrf,
          body: {},
        }),
    },
    {
      name: 'cookies: a POST with the right X-CSRF-TOKEN',
      exchange: (own) =>
        withCookies('POST', '/password', accessCookie(own.first.access), {
          csrf: own.first.accessCsrf,
          body: {},
        }),
    },
    {
      name: 'cookies: a POST with an expired cookie and a wrong csrf value (expiry first)',
      exchange: async () =>
        withCookies('POST', '/password', accessCookie(await expired()), {
          csrf: 'not-the-value',
          body: {},
        }),
    },

    // POST /refresh: the refresh cookie and csrf_refresh_token's value
    {
      name: 'cookies: refresh without X-CSRF-TOKEN',
      exchange: (own) => withCookies('POST', '/refresh', bothCookies(own.first)),
    },
    {
      name: 'cookies: refresh with the access token’s csrf value',
      exchange: (own) =>
        withCookies('POST', '/refresh', bothCookies(own.first), { csrf: own.first.accessCsrf }),
    },
    {
      name: 'cookies: refresh with csrf_refresh_token’s value',
      exchange: (own) =>
        withCookies('POST', '/refresh', bothCookies(own.first), { csrf: own.first.refreshCsrf }),
    },
    {
      name: 'cookies: refresh without the refresh cookie',
      exchange: (own) =>
        withCookies('POST', '/refresh', accessCookie(own.first.access), {
          csrf: own.first.refreshCsrf,
        }),
    },

    // POST /logout
    {
      name: 'cookies: logout with the access cookie and no X-CSRF-TOKEN',
      exchange: (own) => withCookies('POST', '/logout', bothCookies(own.spare)),
    },
    {
      name: 'cookies: logout with a wrong X-CSRF-TOKEN',
      exchange: (own) =>
        withCookies('POST', '/logout', bothCookies(own.spare), { csrf: 'not-the-value' }),
    },
    {
      name: 'cookies: logout with an expired access cookie and its csrf value',
      exchange: async () =>
        withCookies('POST', '/logout', accessCookie(await expired()), { csrf: CRAFTED_CSRF }),
    },
    {
      name: 'cookies: logout with an expired access cookie and a wrong csrf value',
      exchange: async () =>
        withCookies('POST', '/logout', accessCookie(await expired()), { csrf: 'not-the-value' }),
    },
    { name: 'cookies: logout without cookies', exchange: () => withCookies('POST', '/logout', {}) },
    {
      name: 'cookies: logout with a forged access cookie',
      exchange: () => withCookies('POST', '/logout', accessCookie(forged), { csrf: 'anything' }),
    },
    {
      name: 'cookies: logout with both cookies and the right X-CSRF-TOKEN',
      exchange: (own) =>
        withCookies('POST', '/logout', bothCookies(own.spare), { csrf: own.spare.accessCsrf }),
    },
    {
      name: 'cookies: protected with the logged-out access cookie',
      exchange: (own) => withCookies('GET', '/protected', accessCookie(own.spare.access)),
    },
    {
      name: 'cookies: refresh with the logged-out refresh cookie',
      exchange: (own) =>
        withCookies('POST', '/refresh', bothCookies(own.spare), { csrf: own.spare.refreshCsrf }),
    },
    {
      name: 'cookies: logout again with the logged-out cookie',
      exchange: (own) =>
        withCookies('POST', '/logout', bothCookies(own.spare), { csrf: own.spare.accessCsrf }),
    },

    // The password change answers like a login; log-out-everywhere clears the cookies
    {
      name: 'cookies: password change',
      exchange: (own) =>
        withCookies('POST', '/password', accessCookie(own.first.access), {
          csrf: own.first.accessCsrf,
          body: { current_password: '12341234', new_password: NEW_PASSWORD },
        }),
      keep: ({ setCookies }, own) => {
        own.changed = sessionOf(setCookies);
      },
    },
    {
      name: 'cookies: protected with the cookie from before the change',
      exchange: (own) => withCookies('GET', '/protected', accessCookie(own.first.access)),
    },
    {
      name: 'cookies: protected with the cookie the change set',
      exchange: (own) => withCookies('GET', '/protected', accessCookie(own.changed.access)),
    },
    {
      name: 'cookies: logout-everywhere without X-CSRF-TOKEN',
      exchange: (own) => withCookies('POST', '/logout-everywhere', bothCookies(own.changed)),
    },
    {
      name: 'cookies: logout-everywhere',
      exchange: (own) =>
        withCookies('POST', '/logout-everywhere', bothCookies(own.changed), {
          csrf: own.changed.accessCsrf,
        }),
    },
    {
      name: 'cookies: protected after logout-everywhere',
      exchange: (own) => withCookies('GET', '/protected', accessCookie(own.changed.access)),
    },
  ];
}

const COOKIE_CONFIGURATIONS: Configuration[] = [
  {
    name: 'cookie mode, with refresh tokens',
    identifier: 'username',
    refreshTokens: true,
    signup: true,
  },
  // The course project's cookie mode, as docs/backends/course-project.md has a student turn it on.
  {
    name: 'examples/course-project in cookie mode',
    identifier: 'email',
    refreshTokens: false,
    signup: true,
    courseProject: true,
  },
];

for (const { name, identifier, refreshTokens, signup, courseProject } of COOKIE_CONFIGURATIONS) {
  describeDifferential({
    name: `mock and flask-jwt-extended agree: ${name}`,
    profile: 'flask-jwt-extended',
    ...(courseProject ? { startOther: startCourseProject, prefix: '/api' } : {}),
    build: { loginIdentifier: identifier, signup, tokenStorage: 'cookie' },
    backendSettings: {
      TOKEN_LOCATION: 'cookies',
      REFRESH_TOKENS: String(refreshTokens),
      SIGNUP: String(signup),
      IDENTIFIER: identifier,
    },
    mockConfig: { issueRefreshTokens: refreshTokens },
    corpus: () => cookieCorpus(identifier, refreshTokens),
    logIn: async (send): Promise<CookieTokens> => {
      const credentials = login({ [identifier]: NAMES[identifier].seed, password: '12341234' });
      const first = sessionOf((await send(credentials)).setCookies);
      const spare = sessionOf((await send(credentials)).setCookies);
      return { first, spare, changed: first };
    },
  });
}

/**
 * The second factors (flask-factors.ts): two-step verification and passkeys on the reference
 * backend, made the same relying party as the mock, in header mode and in cookie mode.
 */
for (const mode of ['headers', 'cookies'] satisfies TokenMode[]) {
  const inCookies = mode === 'cookies';
  describeDifferential({
    name: `mock and flask-jwt-extended agree: two-step verification and passkeys (${mode})`,
    profile: 'flask-jwt-extended',
    build: {
      loginIdentifier: 'username',
      signup: true,
      ...(inCookies ? { tokenStorage: 'cookie' as const } : {}),
    },
    backendSettings: {
      REFRESH_TOKENS: 'true',
      SIGNUP: 'true',
      IDENTIFIER: 'username',
      ...WEBAUTHN_SETTINGS,
      ...(inCookies ? { TOKEN_LOCATION: 'cookies' } : {}),
    },
    mockConfig: { issueRefreshTokens: true },
    corpus: () => factorCases(mode),
    logIn: (send) => logInForFactors(mode, send),
  });
}
