/**
 * The mock API against the real thing, FastAPI's dialect: every request below goes to the MSW
 * handlers (profile `fastapi`) and to the reference backend, FastAPI's "OAuth2 with Password,
 * Bearer with JWT tokens" tutorial (examples/fastapi-api, FastAPI 0.92 on pydantic 1), and the
 * two answers must agree on the status, the body, and the anatomy of every token (its header, its
 * claim names). Both sign with the same secret, so a token crafted here means the same to both.
 *
 * The corpus covers every unmarked row of docs/api/fastapi.md, the contract this file proves:
 * the form login (every seed user, wrong and unknown credentials, case, spaces, missing and empty
 * fields, bodies that are not a form, grant_type), and GET /users/me/ (the Authorization header,
 * forged, expired and odd tokens, the disabled user), and the reference backend's account routes
 * (POST /password-reset, /password-reset/confirm, /password and /logout-everywhere: their bodies,
 * the policy's refusals, the limit on reset requests, a change and a log-out-everywhere, and the
 * tokens they revoke). A reset link's own token is random and reaches its owner by e-mail only, so
 * the corpus confirms with tokens no server issued.
 * One configuration, the tutorial's: its lifetime only moves `exp`, which the anatomy leaves out,
 * and a crafted token expires without waiting for it.
 *
 * Left out, with the reason:
 * - Paths without their trailing slash (`/token/`, `/users/me`): FastAPI answers a 307 to the
 *   other spelling, which fetch follows; the mock has no such route, and the app never asks it.
 * - HEAD, PUT and preflight OPTIONS: the exchange sends GET and POST only (and the CORS headers,
 *   which these comparisons do not look at, come from the middleware, not from the routes).
 * - A multipart body cut short (no closing boundary): python-multipart reads the fields it got,
 *   the browser's FormData parser refuses the whole body; the app sends urlencoded forms only.
 * - Tokens whose `iat`, `nbf` or `exp` is a JSON list, null, or (for `iat`) a numeric string:
 *   PyJWT 2.6 raises a TypeError and the real server answers 500. The mock does the same, but
 *   only the key holder can mint such tokens, so the corpus keeps just one of them.
 * - Timing (a wrong password and an unknown user both cost one PBKDF2 hash on the real server).
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
import type { Exchange } from './exchange';

/** The tokens each side issued at login: each side checks its own. */
interface Tokens {
  ada: string;
  alice: string;
  /** johndoe's, whose password the corpus changes, which revokes it. */
  john: string;
  /** What the password change answered. */
  johnAfterChange: string;
}

/** POST /token with a body sent as written (a form unless the headers say otherwise). */
const login = (body: string | null, headers: Record<string, string> = FORM_TYPE): Exchange => ({
  method: 'POST',
  path: '/token',
  headers,
  ...(body === null ? {} : { body }),
});

/** POST /token with the fields urlencoded as a browser's URLSearchParams does it. */
const loginForm = (fields: Record<string, string>) => login(new URLSearchParams(fields).toString());

const me = (authorization: string | null) => authorized('GET', '/users/me/', authorization);
const bearer = (token: string) => me(`Bearer ${token}`);

/** POST `path` with a JSON body (or one as written, when a string), and a Bearer token or none. */
const postJson = (
  path: string,
  body: unknown,
  token: string | null = null,
  headers: Record<string, string> = JSON_TYPE,
): Exchange => ({
  method: 'POST',
  path,
  headers: token === null ? headers : { ...headers, Authorization: `Bearer ${token}` },
  ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
});
const resetRequest = (body: unknown, headers?: Record<string, string>) =>
  postJson('/password-reset', body, null, headers);
const resetConfirm = (body: unknown) => postJson('/password-reset/confirm', body);
const changePassword = (token: string | null, body: unknown) => postJson('/password', body, token);
const logoutEverywhere = (token: string | null) =>
  postJson('/logout-everywhere', undefined, token, {});

const NEW_PASSWORD = 'correct horse battery';

/** The claims of the tutorial's token: `sub` and `exp`, nothing else. */
const claims = (overrides: Record<string, unknown> = {}) => ({
  sub: 'ada',
  exp: now() + 900,
  ...overrides,
});

async function buildCorpus(): Promise<DifferentialCase<Tokens>[]> {
  const crafted = {
    good: await signed(claims()),
    hs512: await signed(claims(), { alg: 'HS512', typ: 'JWT' }),
    otherKey: await signedWithAnotherKey(claims()),
    algNone: unsignedToken(claims()),
    expired: await signed(claims({ exp: now() - 10 })),
    iatInFuture: await signed(claims({ iat: now() + 3600 })),
    nbfInFuture: await signed(claims({ nbf: now() + 3600 })),
    iatAndNbfNow: await signed(claims({ iat: now() - 1, nbf: now() - 1 })),
    noSub: await signed(withoutClaims(claims(), ['sub'])),
    unknownSub: await signed(claims({ sub: 'nobody' })),
    numericSub: await signed(claims({ sub: 123 })),
    emailSub: await signed(claims({ sub: 'ada@example.com' })),
    noExp: await signed(withoutClaims(claims(), ['exp'])),
    expNotANumber: await signed(claims({ exp: 'soon' })),
    expNumericString: await signed(claims({ exp: String(now() + 900) })),
    expNull: await signed(claims({ exp: null })),
    audience: await signed(claims({ aud: 'gatehouse' })),
    emptyAudience: await signed(claims({ aud: '' })),
    issuer: await signed(claims({ iss: 'gatehouse' })),
    kidNotAString: await signed(claims(), { alg: 'HS256', typ: 'JWT', kid: 7 }),
    unknownCritical: await signed(claims(), { alg: 'HS256', typ: 'JWT', crit: ['exp'] }),
    aliceCrafted: await signed(claims({ sub: 'alice' })),
    // No jti: the server counts it as issued at the epoch.
    johnCrafted: await signed(claims({ sub: 'johndoe' })),
    payloadNotObject: `${encodeBase64UrlJson({ alg: 'HS256', typ: 'JWT' })}.${encodeBase64UrlJson([1])}.${NOT_A_SIGNATURE}`,
  };

  return [
    // POST /token: credentials
    {
      name: 'login: alesanchezr',
      exchange: () => loginForm({ username: 'alesanchezr', password: '12341234' }),
    },
    {
      name: 'login: ada',
      exchange: () => loginForm({ username: 'ada', password: 'lovelace1815' }),
    },
    {
      name: 'login: johndoe',
      exchange: () => loginForm({ username: 'johndoe', password: 'secret' }),
    },
    {
      name: 'login: alice, disabled, still gets a token',
      exchange: () => loginForm({ username: 'alice', password: 'secret2' }),
    },
    {
      name: 'login: a wrong password',
      exchange: () => loginForm({ username: 'ada', password: 'x' }),
    },
    {
      name: 'login: an unknown user',
      exchange: () => loginForm({ username: 'nobody', password: 'lovelace1815' }),
    },
    {
      name: 'login: the username in another case',
      exchange: () => loginForm({ username: 'Ada', password: 'lovelace1815' }),
    },
    {
      name: 'login: the username with spaces around',
      exchange: () => loginForm({ username: ' ada ', password: 'lovelace1815' }),
    },
    {
      name: 'login: the password with a trailing space',
      exchange: () => loginForm({ username: 'ada', password: 'lovelace1815 ' }),
    },
    {
      name: 'login: the email instead of the username',
      exchange: () => loginForm({ username: 'ada@example.com', password: 'lovelace1815' }),
    },
    {
      name: 'login: a percent-encoded username',
      exchange: () => login('username=ad%61&password=lovelace1815'),
    },
    { name: 'login: a broken percent escape', exchange: () => login('username=ada&password=%ZZ') },
    {
      name: 'login: non-ASCII, percent-encoded',
      exchange: () => loginForm({ username: 'Sánchez', password: '12341234' }),
    },

    // POST /token: missing and empty fields
    { name: 'login: no username', exchange: () => loginForm({ password: 'lovelace1815' }) },
    { name: 'login: no password', exchange: () => loginForm({ username: 'ada' }) },
    {
      name: 'login: an empty username',
      exchange: () => loginForm({ username: '', password: 'lovelace1815' }),
    },
    {
      name: 'login: an empty password',
      exchange: () => loginForm({ username: 'ada', password: '' }),
    },
    { name: 'login: an empty form', exchange: () => login('') },
    { name: 'login: no body at all', exchange: () => login(null, {}) },
    {
      name: 'login: a name with no value',
      exchange: () => login('username&password=lovelace1815'),
    },
    {
      name: 'login: the username twice, the last one empty',
      exchange: () => login('username=ada&password=lovelace1815&username='),
    },
    {
      name: 'login: the username twice, the first one empty',
      exchange: () => login('username=&username=ada&password=lovelace1815'),
    },
    {
      name: 'login: semicolons between the fields',
      exchange: () => login('username=ada;password=lovelace1815'),
    },

    // POST /token: bodies that are not a urlencoded form
    {
      name: 'login: a JSON body',
      exchange: () =>
        login(JSON.stringify({ username: 'ada', password: 'lovelace1815' }), JSON_TYPE),
    },
    {
      name: 'login: a form sent as text/plain',
      exchange: () => login('username=ada&password=lovelace1815', { 'Content-Type': 'text/plain' }),
    },
    {
      name: 'login: the form type in capitals',
      exchange: () =>
        login('username=ada&password=lovelace1815', {
          'Content-Type': 'Application/X-WWW-Form-Urlencoded',
        }),
    },
    {
      name: 'login: the form type in capitals, with a charset',
      exchange: () =>
        login('username=ada&password=lovelace1815', {
          'Content-Type': 'Application/X-WWW-Form-Urlencoded; charset=UTF-8',
        }),
    },
    {
      name: 'login: a multipart form',
      exchange: () =>
        login(multipart({ username: 'ada', password: 'lovelace1815' }), MULTIPART_TYPE),
    },
    {
      name: 'login: a multipart type with no boundary',
      exchange: () =>
        login('username=ada&password=lovelace1815', { 'Content-Type': 'multipart/form-data' }),
    },

    {
      name: 'login: a multipart body that is not multipart',
      exchange: () => login('garbage', MULTIPART_TYPE),
    },
    {
      name: 'login: a file as the username',
      exchange: () =>
        login(
          '--XX\r\nContent-Disposition: form-data; name="username"; filename="ada.txt"\r\n' +
            'Content-Type: text/plain\r\n\r\nada\r\n' +
            multipart({ password: 'lovelace1815' }),
          MULTIPART_TYPE,
        ),
    },

    // POST /token: grant_type and the other OAuth2 fields
    {
      name: 'login: grant_type=password',
      exchange: () =>
        loginForm({ grant_type: 'password', username: 'ada', password: 'lovelace1815' }),
    },
    {
      name: 'login: grant_type=client_credentials',
      exchange: () =>
        loginForm({ grant_type: 'client_credentials', username: 'ada', password: 'lovelace1815' }),
    },
    {
      name: 'login: an empty grant_type',
      exchange: () => loginForm({ grant_type: '', username: 'ada', password: 'lovelace1815' }),
    },
    {
      name: 'login: grant_type=passwordx (the regex is anchored at the start only)',
      exchange: () =>
        loginForm({ grant_type: 'passwordx', username: 'ada', password: 'lovelace1815' }),
    },
    {
      name: 'login: grant_type=Password',
      exchange: () =>
        loginForm({ grant_type: 'Password', username: 'ada', password: 'lovelace1815' }),
    },
    {
      name: 'login: a wrong grant_type and no username',
      exchange: () => loginForm({ grant_type: 'client_credentials', password: 'lovelace1815' }),
    },
    {
      name: 'login: scope, client_id and client_secret',
      exchange: () =>
        loginForm({
          username: 'ada',
          password: 'lovelace1815',
          scope: 'me items',
          client_id: 'gatehouse',
          client_secret: 'x',
        }),
    },
    { name: 'login: GET instead of POST', exchange: () => ({ method: 'GET', path: '/token' }) },

    // GET /users/me/: the Authorization header
    { name: 'me: the token from login', exchange: (own) => bearer(own.ada) },
    { name: 'me: no Authorization header', exchange: () => me(null) },
    { name: 'me: an empty Authorization header', exchange: () => me('') },
    { name: 'me: Basic credentials', exchange: () => me('Basic YWRhOmxvdmVsYWNlMTgxNQ==') },
    { name: 'me: bearer in lower case', exchange: (own) => me(`bearer ${own.ada}`) },
    { name: 'me: BEARER in capitals', exchange: (own) => me(`BEARER ${own.ada}`) },
    { name: 'me: the bare token', exchange: (own) => me(own.ada) },
    { name: 'me: Bearer alone', exchange: () => me('Bearer') },
    { name: 'me: Bearer and a space', exchange: () => me('Bearer ') },
    { name: 'me: Bearer with two words', exchange: (own) => me(`Bearer ${own.ada} extra`) },
    { name: 'me: two spaces after Bearer', exchange: (own) => me(`Bearer  ${own.ada}`) },
    { name: 'me: a tab after Bearer', exchange: (own) => me(`Bearer\t${own.ada}`) },

    // GET /users/me/: the token
    { name: 'me: a crafted token', exchange: () => bearer(crafted.good) },
    { name: 'me: not-a-jwt', exchange: () => bearer('not-a-jwt') },
    { name: 'me: a.b.c', exchange: () => bearer('a.b.c') },
    { name: 'me: alg none', exchange: () => bearer(crafted.algNone) },
    { name: 'me: alg HS512 with the right key', exchange: () => bearer(crafted.hs512) },
    { name: 'me: signed with another key', exchange: () => bearer(crafted.otherKey) },
    {
      name: 'me: the login’s token with its signature cut short',
      exchange: (own) => bearer(own.ada.slice(0, -2)),
    },
    {
      name: 'me: the login’s token with characters base64 skips',
      exchange: (own) => bearer(`${own.ada}!!!!`),
    },
    {
      name: 'me: a payload that is not an object',
      exchange: () => bearer(crafted.payloadNotObject),
    },
    { name: 'me: an expired token', exchange: () => bearer(crafted.expired) },
    // Signed as the request leaves, so that PyJWT's int() of a fractional time claim shows.
    {
      name: 'me: exp half a second past this second (int(exp) is now: expired)',
      exchange: async () => bearer(await signed(claims({ exp: now() + 0.5 }))),
    },
    {
      name: 'me: nbf half a second past this second (int(nbf) is now: valid)',
      exchange: async () => bearer(await signed(claims({ nbf: now() + 0.5 }))),
    },
    { name: 'me: iat in the future', exchange: () => bearer(crafted.iatInFuture) },
    { name: 'me: nbf in the future', exchange: () => bearer(crafted.nbfInFuture) },
    { name: 'me: iat and nbf in the past', exchange: () => bearer(crafted.iatAndNbfNow) },
    { name: 'me: no sub', exchange: () => bearer(crafted.noSub) },
    { name: 'me: a sub nobody has', exchange: () => bearer(crafted.unknownSub) },
    { name: 'me: a numeric sub', exchange: () => bearer(crafted.numericSub) },
    { name: 'me: the email as sub', exchange: () => bearer(crafted.emailSub) },
    { name: 'me: no exp (PyJWT does not require one)', exchange: () => bearer(crafted.noExp) },
    { name: 'me: exp that is not a number', exchange: () => bearer(crafted.expNotANumber) },
    { name: 'me: exp as a numeric string', exchange: () => bearer(crafted.expNumericString) },
    { name: 'me: exp null (PyJWT raises TypeError: 500)', exchange: () => bearer(crafted.expNull) },
    { name: 'me: an aud claim (none expected)', exchange: () => bearer(crafted.audience) },
    { name: 'me: an empty aud claim', exchange: () => bearer(crafted.emptyAudience) },
    { name: 'me: an iss claim', exchange: () => bearer(crafted.issuer) },
    { name: 'me: a kid that is not a string', exchange: () => bearer(crafted.kidNotAString) },
    { name: 'me: an unsupported crit header', exchange: () => bearer(crafted.unknownCritical) },

    // GET /users/me/: the disabled user
    { name: 'me: alice’s token from login', exchange: (own) => bearer(own.alice) },
    { name: 'me: a crafted token for alice', exchange: () => bearer(crafted.aliceCrafted) },

    // Other methods
    {
      name: 'me: POST instead of GET',
      exchange: (own) => ({ ...bearer(own.ada), method: 'POST' }),
    },
    { name: 'me: POST with no token', exchange: () => ({ ...me(null), method: 'POST' }) },

    // POST /password-reset: the same 202 whoever is named
    { name: 'reset request: a known account', exchange: () => resetRequest({ username: 'ada' }) },
    { name: 'reset request: nobody', exchange: () => resetRequest({ username: 'nobody' }) },
    { name: 'reset request: alice, disabled', exchange: () => resetRequest({ username: 'alice' }) },
    { name: 'reset request: no username', exchange: () => resetRequest({}) },
    { name: 'reset request: an empty username', exchange: () => resetRequest({ username: '' }) },
    { name: 'reset request: a number', exchange: () => resetRequest({ username: 1 }) },
    { name: 'reset request: null', exchange: () => resetRequest({ username: null }) },
    { name: 'reset request: no body', exchange: () => resetRequest(undefined) },
    { name: 'reset request: JSON null', exchange: () => resetRequest('null') },
    { name: 'reset request: a JSON array', exchange: () => resetRequest(['ada']) },
    {
      name: 'reset request: a form',
      exchange: () => resetRequest('username=ada', FORM_TYPE),
    },
    {
      name: 'reset request: JSON sent as text/plain',
      exchange: () => resetRequest({ username: 'ada' }, { 'Content-Type': 'text/plain' }),
    },
    { name: 'reset request: invalid JSON, {', exchange: () => resetRequest('{') },
    { name: 'reset request: not JSON at all', exchange: () => resetRequest('x') },
    {
      name: 'reset request: GET instead of POST',
      exchange: () => ({ method: 'GET', path: '/password-reset' }),
    },
    // Five an hour for one account typed, known or not.
    ...[1, 2, 3, 4, 5, 6].map((count) => ({
      name: `reset request: number ${count} within the hour for one account`,
      exchange: () => resetRequest({ username: 'someone-else' }),
    })),
    {
      name: 'reset request: another account is not limited',
      exchange: () => resetRequest({ username: 'someone-new' }),
    },

    // POST /password-reset/confirm
    {
      name: 'reset confirm: a token no server issued',
      exchange: () => resetConfirm({ token: 'not-a-reset-token', password: NEW_PASSWORD }),
    },
    {
      name: 'reset confirm: a bad token and a weak password (the token first)',
      exchange: () => resetConfirm({ token: 'not-a-reset-token', password: 'short' }),
    },
    { name: 'reset confirm: no fields', exchange: () => resetConfirm({}) },
    {
      name: 'reset confirm: an empty token, a number as the password',
      exchange: () => resetConfirm({ token: '', password: 12345678 }),
    },

    // POST /password: the token first, then the body
    {
      name: 'change: no token',
      exchange: () =>
        changePassword(null, { current_password: 'lovelace1815', new_password: NEW_PASSWORD }),
    },
    {
      name: 'change: a forged token and no fields',
      exchange: () => changePassword(crafted.otherKey, {}),
    },
    {
      name: 'change: a forged token and invalid JSON (the body is read first)',
      exchange: () => changePassword(crafted.otherKey, '{'),
    },
    {
      name: 'change: alice’s token',
      exchange: (own) =>
        changePassword(own.alice, { current_password: 'secret2', new_password: NEW_PASSWORD }),
    },
    { name: 'change: no fields', exchange: (own) => changePassword(own.ada, {}) },
    {
      name: 'change: empty and not a string',
      exchange: (own) => changePassword(own.ada, { current_password: '', new_password: 5 }),
    },
    {
      name: 'change: a wrong current password',
      exchange: (own) =>
        changePassword(own.ada, { current_password: 'wrong', new_password: NEW_PASSWORD }),
    },
    {
      name: 'change: a wrong current password and a weak new one (the current first)',
      exchange: (own) =>
        changePassword(own.ada, { current_password: 'wrong', new_password: 'short' }),
    },
    ...['short', 'password', '12345678', '83920174652', ' 1234567 '].map((weak) => ({
      name: `change: the policy refuses ${JSON.stringify(weak)}`,
      exchange: (own: Tokens) =>
        changePassword(own.ada, { current_password: 'lovelace1815', new_password: weak }),
    })),
    {
      name: 'change: GET instead of POST',
      exchange: (own) => ({ ...changePassword(own.ada, undefined), method: 'GET' as const }),
    },
    {
      name: 'change: johndoe’s password, accepted',
      exchange: (own) =>
        changePassword(own.john, { current_password: 'secret', new_password: NEW_PASSWORD }),
      keep: ({ body }, own) => {
        own.johnAfterChange = (body as { access_token: string }).access_token;
      },
    },
    { name: 'me: johndoe’s token from before the change', exchange: (own) => bearer(own.john) },
    {
      name: 'change: again with the token from before the change',
      exchange: (own) =>
        changePassword(own.john, { current_password: NEW_PASSWORD, new_password: 'x'.repeat(9) }),
    },
    {
      name: 'me: the token the change answered',
      exchange: (own) => bearer(own.johnAfterChange),
    },
    {
      name: 'me: a crafted token for johndoe, with no jti (issued at the epoch)',
      exchange: () => bearer(crafted.johnCrafted),
    },
    {
      name: 'login: johndoe’s old password',
      exchange: () => loginForm({ username: 'johndoe', password: 'secret' }),
    },
    {
      name: 'login: johndoe’s new password',
      exchange: () => loginForm({ username: 'johndoe', password: NEW_PASSWORD }),
    },

    // POST /logout-everywhere
    { name: 'logout everywhere: no token', exchange: () => logoutEverywhere(null) },
    {
      name: 'logout everywhere: a forged token',
      exchange: () => logoutEverywhere(crafted.otherKey),
    },
    { name: 'logout everywhere: alice’s token', exchange: (own) => logoutEverywhere(own.alice) },
    {
      name: 'logout everywhere: GET instead of POST',
      exchange: (own) => ({ ...logoutEverywhere(own.ada), method: 'GET' as const }),
    },
    {
      name: 'logout everywhere: johndoe’s token from the change',
      exchange: (own) => logoutEverywhere(own.johnAfterChange),
    },
    {
      name: 'logout everywhere: the same token again',
      exchange: (own) => logoutEverywhere(own.johnAfterChange),
    },
    { name: 'me: that token after it', exchange: (own) => bearer(own.johnAfterChange) },
    { name: 'me: ada’s token, untouched', exchange: (own) => bearer(own.ada) },
  ];
}

describeDifferential({
  name: 'mock and FastAPI agree: the tutorial’s backend',
  profile: 'fastapi',
  build: { loginIdentifier: 'username' },
  corpus: buildCorpus,
  logIn: async (send) => {
    const tokenOf = async (answer: Promise<{ body: unknown }>) =>
      ((await answer).body as { access_token: string }).access_token;
    return {
      ada: await tokenOf(send(loginForm({ username: 'ada', password: 'lovelace1815' }))),
      alice: await tokenOf(send(loginForm({ username: 'alice', password: 'secret2' }))),
      john: await tokenOf(send(loginForm({ username: 'johndoe', password: 'secret' }))),
      johnAfterChange: '',
    };
  },
});
