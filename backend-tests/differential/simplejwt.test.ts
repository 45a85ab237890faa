/**
 * The mock API against the real thing, SimpleJWT's dialect: every request below goes to the MSW
 * handlers (profile `simplejwt`) and to the reference backend, Django REST framework with
 * SimpleJWT (examples/django-api: Django 3.2, DRF 3.14, SimpleJWT 5.2.2), and the two answers must
 * agree on the status, the body, and the anatomy of every token (its header, its claim names).
 * Django signs with its SECRET_KEY, set to the mock's secret, so a token crafted here means the
 * same to both.
 *
 * The corpus covers every unmarked row of docs/api/simplejwt.md, the contract this file proves:
 * POST /api/token/ (credentials, the serializer's field errors, bodies of every kind),
 * GET /api/me/ (the Authorization header, forged, expired and odd tokens, the user behind them),
 * POST /api/token/refresh/ and POST /api/token/blacklist/ (logout), in two
 * configurations: the default, and ROTATE_REFRESH_TOKENS=true (which blacklists after rotation),
 * where a refresh also returns a new refresh token and the one used is refused from then on.
 * Then the reference backend's account routes: POST /api/password-reset/ (with DRF's throttle),
 * /api/password-reset/confirm/ (with tokens no server issued: a real link reaches its owner by
 * e-mail only), /api/password/ (Django's password validators, every message of theirs) and
 * /api/logout-everywhere/, and the tokens a change and a log-out-everywhere revoke, dated by their
 * `iat_ns`.
 * The cases run in order: the refresh, blacklist and account ones build on the answers before them.
 *
 * Left out, with the reason:
 * - JSON the decoder refuses, beyond a body that is not JSON at all: DRF answers
 *   "JSON parse error - <Python's json message>", whose wording and position (line, column,
 *   char) come from Python's decoder; the mock answers the first-character one only. A UTF-8
 *   BOM before the JSON likewise (Python's decoder refuses it, JSON.parse never sees it).
 * - Floats in fields (`"password": 12341234.0`): DRF's CharField takes str() of Python's float
 *   ("12341234.0"), while JSON.parse has already made it 12341234; numbers beyond 2^53 likewise.
 *   NaN and Infinity, which Python's decoder reads and JSON.parse refuses, likewise.
 * - Paths without their trailing slash: Django answers a 301 to the slashed path, which fetch
 *   follows as a GET (a 405); the mock has no such route, and the app never asks it.
 * - HEAD, PUT and preflight OPTIONS: the exchange sends GET and POST only.
 * - Accept: text/html (406): the app always asks for JSON.
 * - A body with no Content-Type at all: fetch labels every string body text/plain.
 * - Users deactivated after login: the reference backend has no route that does it.
 * - Timing and the access token's `iat` after a refresh (it keeps the login's): the anatomy
 *   compares claim names, not values.
 */
import { encodeBase64UrlJson } from '../../src/emulation/base64url';
import {
  authorized,
  FORM_TYPE,
  JSON_TYPE,
  multipart,
  MULTIPART_TYPE,
  NOT_A_SIGNATURE,
  now,
  signed,
  signedWithAnotherKey,
  unsignedToken,
  withoutClaims,
} from './corpus-helpers';
import { describeDifferential, type DifferentialCase } from './describe-differential';

/** The tokens each side issued: each side checks its own. */
interface Tokens {
  access: string;
  refresh: string;
  /** From a second login, which the logout cases blacklist. */
  spareAccess: string;
  spareRefresh: string;
  /** What the first refresh answered (with rotation, a new refresh token too). */
  renewedAccess: string;
  renewedRefresh: string;
  /** johndoe's pair, which the password change revokes, and the pair the change answered. */
  johnAccess: string;
  johnRefresh: string;
  changedAccess: string;
  changedRefresh: string;
}

const post = (path: string, body: unknown, headers: Record<string, string> = JSON_TYPE) => ({
  method: 'POST' as const,
  path,
  headers,
  ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
});
/** POST /api/token/ with `body` as JSON, or as written when it is a string. */
const login = (body?: unknown, headers?: Record<string, string>) =>
  post('/api/token/', body, headers);
const refreshWith = (body?: unknown, headers?: Record<string, string>) =>
  post('/api/token/refresh/', body, headers);
const blacklistWith = (body?: unknown, headers?: Record<string, string>) =>
  post('/api/token/blacklist/', body, headers);

const withBearer = (exchange: ReturnType<typeof post>, token: string | null) =>
  token === null
    ? exchange
    : { ...exchange, headers: { ...exchange.headers, Authorization: `Bearer ${token}` } };
const resetRequest = (body?: unknown, headers?: Record<string, string>) =>
  post('/api/password-reset/', body, headers);
const resetConfirm = (body?: unknown) => post('/api/password-reset/confirm/', body);
const changePassword = (token: string | null, body?: unknown) =>
  withBearer(post('/api/password/', body), token);
const logoutEverywhere = (token: string | null) =>
  withBearer(post('/api/logout-everywhere/', undefined, {}), token);

const NEW_PASSWORD = 'correct horse battery';
const ADA = { current_password: 'lovelace1815' };

const me = (authorization: string | null) => authorized('GET', '/api/me/', authorization);
const bearer = (token: string) => me(`Bearer ${token}`);

const GOOD = { username: 'alesanchezr', password: '12341234' };

/** SimpleJWT's claims, in its order: a fresh jti for every token. */
const claims = (overrides: Record<string, unknown> = {}) => ({
  token_type: 'access',
  exp: now() + 300,
  iat: now(),
  jti: crypto.randomUUID().replace(/-/g, ''),
  user_id: 1,
  ...overrides,
});
const refreshClaims = (overrides: Record<string, unknown> = {}) =>
  claims({ token_type: 'refresh', exp: now() + 86_400, ...overrides });

async function buildCorpus(): Promise<DifferentialCase<Tokens>[]> {
  const access = (overrides?: Record<string, unknown>) => signed(claims(overrides));
  const refresh = (overrides?: Record<string, unknown>) => signed(refreshClaims(overrides));
  const crafted = {
    good: await access(),
    hs512: await signed(claims(), { alg: 'HS512', typ: 'JWT' }),
    otherKey: await signedWithAnotherKey(claims()),
    algNone: unsignedToken(claims()),
    expired: await access({ iat: now() - 400, exp: now() - 10 }),
    iatInFuture: await access({ iat: now() + 3600 }),
    nbfInFuture: await access({ nbf: now() + 3600 }),
    noUserId: await signed(withoutClaims(claims(), ['user_id'])),
    unknownUser: await access({ user_id: 999 }),
    inactiveUser: await access({ user_id: 4 }),
    secondUser: await access({ user_id: 2 }),
    noJti: await signed(withoutClaims(claims(), ['jti'])),
    noType: await signed(withoutClaims(claims(), ['token_type'])),
    noExp: await signed(withoutClaims(claims(), ['exp'])),
    expNumericString: await access({ exp: String(now() + 300) }),
    userIdString: await access({ user_id: '1' }),
    userIdNull: await access({ user_id: null }),
    userIdFloat: await access({ user_id: 1.5 }),
    userIdTrue: await access({ user_id: true }),
    userIdNotANumber: await access({ user_id: 'abc' }),
    userIdList: await access({ user_id: [1] }),
    typeList: await access({ token_type: ['access'] }),
    audience: await access({ aud: 'gatehouse' }),
    kidNotAString: await signed(claims(), { alg: 'HS256', typ: 'JWT', kid: 7 }),
    payloadNotObject: `${encodeBase64UrlJson({ alg: 'HS256', typ: 'JWT' })}.${encodeBase64UrlJson([1])}.${NOT_A_SIGNATURE}`,
    refreshForForm: await refresh(),
    refreshForMultipart: await refresh(),
    refreshUnknownUser: await refresh({ user_id: 999 }),
    refreshInactiveUser: await refresh({ user_id: 4 }),
    refreshExpired: await refresh({ iat: now() - 90_000, exp: now() - 10 }),
    refreshNoJti: await signed(withoutClaims(refreshClaims(), ['jti'])),
    refreshNoExp: await signed(withoutClaims(refreshClaims(), ['exp'])),
    refreshNoType: await signed(withoutClaims(refreshClaims(), ['token_type'])),
    refreshNumericJti: await refresh({ jti: 5 }),
    refreshNullJti: await refresh({ jti: null }),
    refreshOtherKey: await signedWithAnotherKey(refreshClaims()),
    blacklistExpired: await refresh({ exp: now() - 10 }),
    // johndoe's, made before the corpus revokes his tokens, dated by iat_ns, iat or neither.
    johnIssuedBefore: await access({ user_id: 3, iat_ns: (now() - 10) * 1e9 }),
    johnIssuedLater: await access({ user_id: 3, iat_ns: (now() + 3600) * 1e9 }),
    johnIatOnly: await access({ user_id: 3, iat: now() - 10 }),
    johnIatNsNotANumber: await access({ user_id: 3, iat_ns: 'abc' }),
  };

  return [
    // POST /api/token/: credentials
    { name: 'login: alesanchezr', exchange: () => login(GOOD) },
    { name: 'login: ada', exchange: () => login({ username: 'ada', password: 'lovelace1815' }) },
    { name: 'login: johndoe', exchange: () => login({ username: 'johndoe', password: 'secret' }) },
    {
      name: 'login: alice, inactive, right password',
      exchange: () => login({ username: 'alice', password: 'secret2' }),
    },
    { name: 'login: a wrong password', exchange: () => login({ ...GOOD, password: 'wrong' }) },
    { name: 'login: an unknown user', exchange: () => login({ ...GOOD, username: 'nobody' }) },
    {
      name: 'login: the username in another case',
      exchange: () => login({ ...GOOD, username: 'Alesanchezr' }),
    },
    {
      name: 'login: the username with spaces around (trimmed)',
      exchange: () => login({ ...GOOD, username: ' alesanchezr ' }),
    },
    {
      name: 'login: the password with spaces around (trimmed)',
      exchange: () => login({ ...GOOD, password: ' 12341234 ' }),
    },
    {
      name: 'login: the email instead of the username',
      exchange: () => login({ ...GOOD, username: 'alesanchezr@example.com' }),
    },

    // POST /api/token/: the serializer's fields
    { name: 'login: no username', exchange: () => login({ password: '12341234' }) },
    { name: 'login: no password', exchange: () => login({ username: 'alesanchezr' }) },
    { name: 'login: an empty object', exchange: () => login({}) },
    { name: 'login: an empty username', exchange: () => login({ ...GOOD, username: '' }) },
    { name: 'login: an empty password', exchange: () => login({ ...GOOD, password: '' }) },
    { name: 'login: both empty', exchange: () => login({ username: '', password: '' }) },
    { name: 'login: a whitespace password', exchange: () => login({ ...GOOD, password: '   ' }) },
    { name: 'login: null as username', exchange: () => login({ ...GOOD, username: null }) },
    { name: 'login: null as password', exchange: () => login({ ...GOOD, password: null }) },
    { name: 'login: a number as username', exchange: () => login({ ...GOOD, username: 123 }) },
    {
      name: 'login: the password as a number',
      exchange: () => login({ ...GOOD, password: 12341234 }),
    },
    {
      name: 'login: a list as username',
      exchange: () => login({ ...GOOD, username: ['alesanchezr'] }),
    },
    { name: 'login: an object as username', exchange: () => login({ ...GOOD, username: {} }) },
    { name: 'login: a boolean as password', exchange: () => login({ ...GOOD, password: true }) },
    {
      name: 'login: null and an empty string',
      exchange: () => login({ username: null, password: '' }),
    },
    {
      name: 'login: a NUL and a lone surrogate',
      exchange: () => login('{"username": "a\\u0000b\\ud800", "password": "\\udfff"}'),
    },
    {
      name: 'login: an emoji in the password (a pair, not a lone surrogate)',
      exchange: () => login({ ...GOOD, password: '12341234 😀' }),
    },
    {
      name: 'login: the username twice, the last one wrong',
      exchange: () => login('{"username": "alesanchezr", "password": "12341234", "username": "x"}'),
    },

    // POST /api/token/: bodies
    { name: 'login: a JSON array', exchange: () => login(['alesanchezr', '12341234']) },
    { name: 'login: JSON null', exchange: () => login('null') },
    { name: 'login: a JSON string', exchange: () => login('"alesanchezr"') },
    { name: 'login: a JSON integer', exchange: () => login('5') },
    { name: 'login: a JSON float', exchange: () => login('1.5') },
    { name: 'login: a JSON float written 1.0', exchange: () => login('1.0') },
    { name: 'login: JSON true', exchange: () => login('true') },
    { name: 'login: not JSON at all', exchange: () => login('x') },
    { name: 'login: no body', exchange: () => login() },
    { name: 'login: no body and no Content-Type', exchange: () => login(undefined, {}) },
    {
      name: 'login: a form body',
      exchange: () => login(new URLSearchParams(GOOD).toString(), FORM_TYPE),
    },
    {
      name: 'login: a form body with an empty password',
      exchange: () => login('username=alesanchezr&password=', FORM_TYPE),
    },
    {
      name: 'login: a form body, semicolons between the fields',
      exchange: () => login('username=alesanchezr;password=12341234', FORM_TYPE),
    },
    { name: 'login: a multipart body', exchange: () => login(multipart(GOOD), MULTIPART_TYPE) },
    {
      name: 'login: a multipart type with no boundary',
      exchange: () => login('x', { 'Content-Type': 'multipart/form-data' }),
    },
    {
      name: 'login: a multipart body that is not multipart',
      exchange: () => login('garbage', MULTIPART_TYPE),
    },
    {
      name: 'login: JSON sent as text/plain',
      exchange: () => login(GOOD, { 'Content-Type': 'text/plain' }),
    },
    {
      name: 'login: JSON with the type in capitals',
      exchange: () => login(GOOD, { 'Content-Type': 'Application/JSON; charset=utf-8' }),
    },
    {
      name: 'login: a JSON-like type that is not JSON',
      exchange: () => login(GOOD, { 'Content-Type': 'application/json-patch+json' }),
    },
    {
      name: 'login: a wildcard type',
      exchange: () => login(GOOD, { 'Content-Type': 'application/*' }),
    },
    {
      name: 'login: with a forged Bearer token (the view authenticates nobody)',
      exchange: () => login(GOOD, { ...JSON_TYPE, Authorization: `Bearer ${crafted.otherKey}` }),
    },
    {
      name: 'login: GET instead of POST',
      exchange: () => ({ method: 'GET', path: '/api/token/' }),
    },

    // GET /api/me/: the Authorization header
    { name: 'me: the access token from login', exchange: (own) => bearer(own.access) },
    { name: 'me: no Authorization header', exchange: () => me(null) },
    { name: 'me: an empty Authorization header', exchange: () => me('') },
    { name: 'me: Basic credentials', exchange: () => me('Basic YWxlc2FuY2hlenI6MTIzNDEyMzQ=') },
    { name: 'me: bearer in lower case', exchange: (own) => me(`bearer ${own.access}`) },
    { name: 'me: JWT as the type', exchange: (own) => me(`JWT ${own.access}`) },
    { name: 'me: the bare token', exchange: (own) => me(own.access) },
    { name: 'me: Bearer alone', exchange: () => me('Bearer') },
    { name: 'me: Bearer and a space', exchange: () => me('Bearer ') },
    { name: 'me: Bearer with two values', exchange: (own) => me(`Bearer ${own.access} extra`) },
    {
      name: 'me: two Bearer values, comma-separated',
      exchange: (own) => me(`Bearer ${own.access}, Bearer ${own.access}`),
    },
    { name: 'me: two spaces after Bearer', exchange: (own) => me(`Bearer  ${own.access}`) },
    { name: 'me: a tab after Bearer', exchange: (own) => me(`Bearer\t${own.access}`) },

    // GET /api/me/: the token
    { name: 'me: a crafted access token', exchange: () => bearer(crafted.good) },
    { name: 'me: a crafted token for ada', exchange: () => bearer(crafted.secondUser) },
    { name: 'me: not-a-jwt', exchange: () => bearer('not-a-jwt') },
    { name: 'me: a.b.c', exchange: () => bearer('a.b.c') },
    { name: 'me: alg none', exchange: () => bearer(crafted.algNone) },
    { name: 'me: alg HS512 with the right key', exchange: () => bearer(crafted.hs512) },
    { name: 'me: signed with another key', exchange: () => bearer(crafted.otherKey) },
    {
      name: 'me: the login’s token with characters base64 skips',
      exchange: (own) => bearer(`${own.access}!!!!`),
    },
    {
      name: 'me: a payload that is not an object',
      exchange: () => bearer(crafted.payloadNotObject),
    },
    { name: 'me: a kid that is not a string', exchange: () => bearer(crafted.kidNotAString) },
    { name: 'me: an expired token', exchange: () => bearer(crafted.expired) },
    {
      name: 'me: exp half a second past this second (int(exp) is now: expired)',
      exchange: async () => bearer(await access({ exp: now() + 0.5 })),
    },
    { name: 'me: iat in the future', exchange: () => bearer(crafted.iatInFuture) },
    { name: 'me: nbf in the future', exchange: () => bearer(crafted.nbfInFuture) },
    { name: 'me: the refresh token', exchange: (own) => bearer(own.refresh) },
    { name: 'me: no user_id', exchange: () => bearer(crafted.noUserId) },
    { name: 'me: a user that does not exist', exchange: () => bearer(crafted.unknownUser) },
    { name: 'me: the inactive user', exchange: () => bearer(crafted.inactiveUser) },
    { name: 'me: no jti', exchange: () => bearer(crafted.noJti) },
    { name: 'me: no token_type', exchange: () => bearer(crafted.noType) },
    { name: 'me: a token_type that is a list', exchange: () => bearer(crafted.typeList) },
    { name: 'me: no exp', exchange: () => bearer(crafted.noExp) },
    {
      name: 'me: exp as a numeric string (a TypeError: 500)',
      exchange: () => bearer(crafted.expNumericString),
    },
    { name: 'me: user_id as a string', exchange: () => bearer(crafted.userIdString) },
    { name: 'me: user_id null', exchange: () => bearer(crafted.userIdNull) },
    { name: 'me: user_id 1.5 (int() makes it 1)', exchange: () => bearer(crafted.userIdFloat) },
    { name: 'me: user_id true', exchange: () => bearer(crafted.userIdTrue) },
    {
      name: 'me: user_id that is not a number (a ValueError: 500)',
      exchange: () => bearer(crafted.userIdNotANumber),
    },
    { name: 'me: user_id a list (a TypeError: 500)', exchange: () => bearer(crafted.userIdList) },
    {
      name: 'me: an aud claim (SimpleJWT sets no audience)',
      exchange: () => bearer(crafted.audience),
    },
    {
      name: 'me: POST with a token',
      exchange: (own) => ({ ...bearer(own.access), method: 'POST' }),
    },
    { name: 'me: POST without a token', exchange: () => ({ ...me(null), method: 'POST' }) },
    {
      name: 'me: POST with a forged token',
      exchange: () => ({ ...bearer(crafted.otherKey), method: 'POST' }),
    },

    // POST /api/token/refresh/
    {
      name: 'refresh: the refresh token from login',
      exchange: (own) => refreshWith({ refresh: own.refresh }),
      keep: ({ body }, own) => {
        const { access: renewed, refresh: rotated } = body as { access: string; refresh?: string };
        own.renewedAccess = renewed;
        own.renewedRefresh = rotated ?? own.refresh;
      },
    },
    {
      name: 'refresh: the same refresh token again',
      exchange: (own) => refreshWith({ refresh: own.refresh }),
    },
    { name: 'me: the renewed access token', exchange: (own) => bearer(own.renewedAccess) },
    {
      name: 'me: the access token from login, after the refresh',
      exchange: (own) => bearer(own.access),
    },
    {
      name: 'refresh: the refresh token the refresh answered',
      exchange: (own) => refreshWith({ refresh: own.renewedRefresh }),
    },
    {
      name: 'refresh: that one again',
      exchange: (own) => refreshWith({ refresh: own.renewedRefresh }),
    },
    {
      name: 'refresh: an access token',
      exchange: (own) => refreshWith({ refresh: own.access }),
    },
    {
      name: 'refresh: an expired refresh token',
      exchange: () => refreshWith({ refresh: crafted.refreshExpired }),
    },
    {
      name: 'refresh: signed with another key',
      exchange: () => refreshWith({ refresh: crafted.refreshOtherKey }),
    },
    { name: 'refresh: garbage', exchange: () => refreshWith({ refresh: 'garbage' }) },
    { name: 'refresh: no field', exchange: () => refreshWith({}) },
    { name: 'refresh: an empty string', exchange: () => refreshWith({ refresh: '' }) },
    { name: 'refresh: null', exchange: () => refreshWith({ refresh: null }) },
    { name: 'refresh: a number', exchange: () => refreshWith({ refresh: 5 }) },
    {
      name: 'refresh: a crafted refresh token, as a form',
      exchange: () =>
        refreshWith(new URLSearchParams({ refresh: crafted.refreshForForm }).toString(), FORM_TYPE),
    },
    {
      name: 'refresh: a crafted refresh token, as multipart',
      exchange: () =>
        refreshWith(multipart({ refresh: crafted.refreshForMultipart }), MULTIPART_TYPE),
    },
    {
      name: 'refresh: a user that does not exist (refresh never looks)',
      exchange: () => refreshWith({ refresh: crafted.refreshUnknownUser }),
    },
    {
      name: 'refresh: the inactive user',
      exchange: () => refreshWith({ refresh: crafted.refreshInactiveUser }),
    },
    {
      name: 'refresh: no jti (a KeyError: 500)',
      exchange: () => refreshWith({ refresh: crafted.refreshNoJti }),
    },
    { name: 'refresh: no exp', exchange: () => refreshWith({ refresh: crafted.refreshNoExp }) },
    {
      name: 'refresh: no token_type',
      exchange: () => refreshWith({ refresh: crafted.refreshNoType }),
    },
    {
      name: 'refresh: a numeric jti',
      exchange: () => refreshWith({ refresh: crafted.refreshNumericJti }),
    },
    {
      name: 'refresh: the numeric jti again',
      exchange: () => refreshWith({ refresh: crafted.refreshNumericJti }),
    },
    {
      name: 'refresh: only an Authorization header',
      exchange: (own) => refreshWith(undefined, { Authorization: `Bearer ${own.spareRefresh}` }),
    },
    {
      name: 'refresh: text/plain',
      exchange: (own) =>
        refreshWith({ refresh: own.spareRefresh }, { 'Content-Type': 'text/plain' }),
    },
    {
      name: 'refresh: GET instead of POST',
      exchange: () => ({ method: 'GET', path: '/api/token/refresh/' }),
    },

    // POST /api/token/blacklist/: logging out
    {
      name: 'blacklist: the second login’s refresh token',
      exchange: (own) => blacklistWith({ refresh: own.spareRefresh }),
    },
    {
      name: 'refresh: the blacklisted refresh token',
      exchange: (own) => refreshWith({ refresh: own.spareRefresh }),
    },
    {
      name: 'blacklist: the same refresh token again',
      exchange: (own) => blacklistWith({ refresh: own.spareRefresh }),
    },
    {
      name: 'me: the second login’s access token, still valid',
      exchange: (own) => bearer(own.spareAccess),
    },
    {
      name: 'blacklist: an access token',
      exchange: (own) => blacklistWith({ refresh: own.spareAccess }),
    },
    {
      name: 'blacklist: an expired refresh token',
      exchange: () => blacklistWith({ refresh: crafted.blacklistExpired }),
    },
    {
      name: 'blacklist: a null jti (an IntegrityError: 500)',
      exchange: () => blacklistWith({ refresh: crafted.refreshNullJti }),
    },
    { name: 'blacklist: garbage', exchange: () => blacklistWith({ refresh: 'garbage' }) },
    { name: 'blacklist: no field', exchange: () => blacklistWith({}) },
    { name: 'blacklist: an empty string', exchange: () => blacklistWith({ refresh: '' }) },
    { name: 'blacklist: null', exchange: () => blacklistWith({ refresh: null }) },
    {
      name: 'blacklist: only an Authorization header',
      exchange: (own) => blacklistWith(undefined, { Authorization: `Bearer ${own.access}` }),
    },
    {
      name: 'blacklist: GET instead of POST',
      exchange: () => ({ method: 'GET', path: '/api/token/blacklist/' }),
    },
    {
      name: 'blacklist: the login’s refresh token, which the first refresh used',
      exchange: (own) => blacklistWith({ refresh: own.refresh }),
    },
    {
      name: 'refresh: the login’s refresh token, blacklisted',
      exchange: (own) => refreshWith({ refresh: own.refresh }),
    },

    // POST /api/password-reset/: the same 202 whoever is named
    { name: 'reset request: a known account', exchange: () => resetRequest({ username: 'ada' }) },
    { name: 'reset request: nobody', exchange: () => resetRequest({ username: 'nobody' }) },
    { name: 'reset request: alice, inactive', exchange: () => resetRequest({ username: 'alice' }) },
    { name: 'reset request: no username', exchange: () => resetRequest({}) },
    { name: 'reset request: an empty username', exchange: () => resetRequest({ username: '' }) },
    { name: 'reset request: null', exchange: () => resetRequest({ username: null }) },
    { name: 'reset request: a JSON array', exchange: () => resetRequest(['ada']) },
    { name: 'reset request: not JSON at all', exchange: () => resetRequest('x') },
    {
      name: 'reset request: with a forged Bearer token (the view authenticates nobody)',
      exchange: () =>
        resetRequest({ username: 'ada' }, { ...JSON_TYPE, Authorization: 'Bearer forged' }),
    },
    {
      name: 'reset request: GET instead of POST',
      exchange: () => ({ method: 'GET', path: '/api/password-reset/' }),
    },
    // Five an hour for one account, as the serializer reads it (trimmed).
    ...[' someone-else ', 'someone-else', 'someone-else', 'someone-else', 'someone-else'].map(
      (username, index) => ({
        name: `reset request: number ${index + 1} within the hour for one account`,
        exchange: () => resetRequest({ username }),
      }),
    ),
    {
      name: 'reset request: the sixth (throttled)',
      exchange: () => resetRequest({ username: 'someone-else' }),
    },
    {
      name: 'reset request: a refused body is not throttled',
      exchange: () => resetRequest({ username: '' }),
    },
    {
      name: 'reset request: another account, in another case, is not limited',
      exchange: () => resetRequest({ username: 'Someone-else' }),
    },

    // POST /api/password-reset/confirm/
    {
      name: 'reset confirm: a token no server issued',
      exchange: () => resetConfirm({ token: 'garbage', password: NEW_PASSWORD }),
    },
    {
      name: 'reset confirm: a bad token and a weak password (only the token’s error)',
      exchange: () => resetConfirm({ token: 'garbage', password: '1234567' }),
    },
    {
      name: 'reset confirm: ada’s id and a token Django did not make',
      exchange: () =>
        resetConfirm({
          token: 'Mg:dj4d1a-6bfd6a6623f4135c0448078caf9fbdfa',
          password: NEW_PASSWORD,
        }),
    },
    {
      name: 'reset confirm: an id that is not a number',
      exchange: () => resetConfirm({ token: 'YWJj:dj4d1a-6bfd6a', password: NEW_PASSWORD }),
    },
    { name: 'reset confirm: no fields', exchange: () => resetConfirm({}) },
    {
      name: 'reset confirm: blank fields',
      exchange: () => resetConfirm({ token: ' ', password: '' }),
    },
    {
      name: 'reset confirm: GET instead of POST',
      exchange: () => ({ method: 'GET', path: '/api/password-reset/confirm/' }),
    },

    // POST /api/password/: authentication first, then the serializer
    {
      name: 'change: no Authorization header',
      exchange: () => changePassword(null, { ...ADA, new_password: NEW_PASSWORD }),
    },
    {
      name: 'change: a forged token and no fields',
      exchange: () => changePassword(crafted.otherKey, {}),
    },
    {
      name: 'change: a refresh token as the Bearer',
      exchange: (own) => changePassword(own.spareRefresh, { ...ADA, new_password: NEW_PASSWORD }),
    },
    {
      name: 'change: the inactive user',
      exchange: () =>
        changePassword(crafted.inactiveUser, {
          current_password: 'secret2',
          new_password: NEW_PASSWORD,
        }),
    },
    { name: 'change: no fields', exchange: () => changePassword(crafted.secondUser, {}) },
    {
      name: 'change: not JSON at all',
      exchange: () => changePassword(crafted.secondUser, 'x'),
    },
    {
      name: 'change: a wrong current password',
      exchange: () =>
        changePassword(crafted.secondUser, {
          current_password: 'wrong',
          new_password: NEW_PASSWORD,
        }),
    },
    {
      name: 'change: both wrong',
      exchange: () =>
        changePassword(crafted.secondUser, { current_password: 'wrong', new_password: '123' }),
    },
    ...[
      'short',
      '1234567',
      'password',
      '12345678',
      '83920174652',
      'ada@example',
      'ADA-example.com',
    ].map((weak) => ({
      name: `change: the validators refuse ${JSON.stringify(weak)}`,
      exchange: () => changePassword(crafted.secondUser, { ...ADA, new_password: weak }),
    })),
    {
      name: 'change: GET with no token (authentication before the method)',
      exchange: () => ({ ...changePassword(null), method: 'GET' as const }),
    },
    {
      name: 'change: GET with a token',
      exchange: () => ({ ...changePassword(crafted.secondUser), method: 'GET' as const }),
    },
    {
      name: 'change: johndoe’s password, the current one with spaces around (trimmed)',
      exchange: (own) =>
        changePassword(own.johnAccess, {
          current_password: ' secret ',
          new_password: NEW_PASSWORD,
        }),
      keep: ({ body }, own) => {
        const { access: changedAccess, refresh: changedRefresh } = body as Record<string, string>;
        own.changedAccess = changedAccess ?? '';
        own.changedRefresh = changedRefresh ?? '';
      },
    },
    { name: 'me: johndoe’s access token from before', exchange: (own) => bearer(own.johnAccess) },
    {
      name: 'refresh: johndoe’s refresh token from before',
      exchange: (own) => refreshWith({ refresh: own.johnRefresh }),
    },
    {
      name: 'blacklist: johndoe’s refresh token from before',
      exchange: (own) => blacklistWith({ refresh: own.johnRefresh }),
    },
    {
      name: 'me: the access token the change answered',
      exchange: (own) => bearer(own.changedAccess),
    },
    {
      name: 'me: a crafted token for johndoe, iat_ns before the change',
      exchange: () => bearer(crafted.johnIssuedBefore),
    },
    {
      name: 'me: a crafted token for johndoe, iat_ns an hour ahead',
      exchange: () => bearer(crafted.johnIssuedLater),
    },
    {
      name: 'me: a crafted token for johndoe, no iat_ns (its iat counts)',
      exchange: () => bearer(crafted.johnIatOnly),
    },
    {
      name: 'me: a crafted token for johndoe, iat_ns not a number (compared with nothing)',
      exchange: () => bearer(crafted.johnIatNsNotANumber),
    },
    {
      name: 'login: johndoe’s old password',
      exchange: () => login({ username: 'johndoe', password: 'secret' }),
    },
    {
      name: 'login: johndoe’s new password',
      exchange: () => login({ username: 'johndoe', password: NEW_PASSWORD }),
    },
    {
      name: 'refresh: the refresh token the change answered',
      exchange: (own) => refreshWith({ refresh: own.changedRefresh }),
    },
    { name: 'me: ada’s crafted token, untouched', exchange: () => bearer(crafted.secondUser) },

    // POST /api/logout-everywhere/
    { name: 'logout everywhere: no token', exchange: () => logoutEverywhere(null) },
    {
      name: 'logout everywhere: a refresh token as the Bearer',
      exchange: (own) => logoutEverywhere(own.changedRefresh),
    },
    {
      name: 'logout everywhere: GET with a token',
      exchange: (own) => ({ ...logoutEverywhere(own.changedAccess), method: 'GET' as const }),
    },
    {
      name: 'logout everywhere: the access token the change answered',
      exchange: (own) => logoutEverywhere(own.changedAccess),
    },
    {
      name: 'logout everywhere: the same token again',
      exchange: (own) => logoutEverywhere(own.changedAccess),
    },
    {
      name: 'refresh: the change’s refresh token, after it',
      exchange: (own) => refreshWith({ refresh: own.changedRefresh }),
    },
    {
      name: 'me: the crafted token an hour ahead, still valid',
      exchange: () => bearer(crafted.johnIssuedLater),
    },
  ];
}

interface Configuration {
  name: string;
  rotate: boolean;
}

const CONFIGURATIONS: Configuration[] = [
  { name: 'the default settings', rotate: false },
  { name: 'ROTATE_REFRESH_TOKENS=true', rotate: true },
];

for (const { name, rotate } of CONFIGURATIONS) {
  describeDifferential({
    name: `mock and SimpleJWT agree: ${name}`,
    profile: 'simplejwt',
    build: { loginIdentifier: 'username' },
    backendSettings: { ROTATE_REFRESH_TOKENS: String(rotate) },
    mockConfig: { rotateRefreshTokens: rotate },
    corpus: buildCorpus,
    logIn: async (send): Promise<Tokens> => {
      const pair = async () => (await send(login(GOOD))).body as Record<string, string>;
      const first = await pair();
      const spare = await pair();
      const john = (await send(login({ username: 'johndoe', password: 'secret' }))).body as Record<
        string,
        string
      >;
      return {
        johnAccess: john.access ?? '',
        johnRefresh: john.refresh ?? '',
        changedAccess: '',
        changedRefresh: '',
        access: first.access ?? '',
        refresh: first.refresh ?? '',
        spareAccess: spare.access ?? '',
        spareRefresh: spare.refresh ?? '',
        renewedAccess: '',
        renewedRefresh: '',
      };
    },
  });
}
