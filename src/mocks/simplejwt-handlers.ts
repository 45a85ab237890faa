/**
 * The mock API in SimpleJWT's dialect: Django REST framework with djangorestframework-simplejwt
 * 5.2, as examples/django-api serves it (TokenObtainPairView, TokenRefreshView,
 * TokenBlacklistView and an /api/me/ view), which backend-tests/differential checks request by
 * request. Errors are DRF's: `{"detail"}`, plus `code` (and `messages`) for refused tokens.
 */
import { http, HttpResponse } from 'msw';
import { env } from '../config/env';
import { apiPath } from './api-path';
import { MOCK_JWT_SECRET, signClaims } from './flask-jwt';
import { tokenId, type MockServerState } from './mock-server-state';
import { decodePyJwt } from './pyjwt';
import { simulateNetwork } from './simulated-network';
import type { MockUser } from './users';

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Every 401 of DRF's JWTAuthentication carries its challenge. */
const unauthorized = (body: object) =>
  HttpResponse.json(body, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });
const tokenNotValid = (text: string) => unauthorized({ detail: text, code: 'token_not_valid' });

type Body = { ok: true; data: Record<string, unknown> } | { ok: false; response: Response };

/** DRF's parsers (JSON, form, multipart) and the serializer's "expected a dictionary". */
async function readBody(request: Request): Promise<Body> {
  const type = request.headers.get('Content-Type') ?? '';
  const fail = (status: number, body: object): Body => ({
    ok: false,
    response: HttpResponse.json(body, { status }),
  });
  if (/^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(type)) {
    return { ok: true, data: Object.fromEntries(await request.formData()) };
  }
  const text = await request.text();
  if (text === '') return { ok: true, data: {} };
  if (!type.startsWith('application/json')) {
    return fail(415, { detail: `Unsupported media type "${type}" in request.` });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail(400, { detail: 'JSON parse error - Expecting value: line 1 column 1 (char 0)' });
  }
  if (value === null) return fail(400, { non_field_errors: ['No data provided'] });
  if (typeof value !== 'object' || Array.isArray(value)) {
    const pythonType = Array.isArray(value)
      ? 'list'
      : typeof value === 'string'
        ? 'str'
        : typeof value === 'boolean'
          ? 'bool'
          : Number.isInteger(value)
            ? 'int'
            : 'float';
    return fail(400, {
      non_field_errors: [`Invalid data. Expected a dictionary, but got ${pythonType}.`],
    });
  }
  return { ok: true, data: value as Record<string, unknown> };
}

/** DRF's CharField: a string or a number, whitespace trimmed, not blank. */
function charField(data: Record<string, unknown>, name: string): string | { error: string } {
  if (!(name in data)) return { error: 'This field is required.' };
  const value = data[name];
  if (value === null) return { error: 'This field may not be null.' };
  if (typeof value !== 'string' && typeof value !== 'number') {
    return { error: 'Not a valid string.' };
  }
  const text = String(value).trim();
  return text === '' ? { error: 'This field may not be blank.' } : text;
}

/** The serializer's fields, or its 400 listing every field's problem. */
function readFields(data: Record<string, unknown>, names: readonly string[]) {
  const values: Record<string, string> = {};
  const errors: Record<string, string[]> = {};
  for (const name of names) {
    const value = charField(data, name);
    if (typeof value === 'string') values[name] = value;
    else errors[name] = [value.error];
  }
  return Object.keys(errors).length > 0
    ? { ok: false as const, response: HttpResponse.json(errors, { status: 400 }) }
    : { ok: true as const, values };
}

const without = (claims: Record<string, unknown>, names: readonly string[]) =>
  Object.fromEntries(Object.entries(claims).filter(([name]) => !names.includes(name)));

const hex32 = () => crypto.randomUUID().replace(/-/g, '');

/** DRF's 405 for a method a view does not take. */
const otherMethods = (
  path: string,
  allow: string,
  first?: (request: Request) => Promise<Response | null>,
) =>
  http.all(apiPath(path), async ({ request }) => {
    if (allow.split(', ').includes(request.method)) return undefined;
    const earlier = first === undefined ? null : await first(request);
    return (
      earlier ??
      HttpResponse.json(
        { detail: `Method "${request.method}" not allowed.` },
        { status: 405, headers: { Allow: allow } },
      )
    );
  });

export function simplejwtHandlers(state: MockServerState) {
  const config = () => state.config.read();
  const loginName = (user: MockUser) => user[env.loginIdentifier];

  const issue = (type: 'access' | 'refresh', claims: Record<string, unknown>) => {
    const now = nowSeconds();
    const { tokenLifetimeSeconds, refreshTokenLifetimeSeconds } = config();
    const lifetime = type === 'access' ? tokenLifetimeSeconds : refreshTokenLifetimeSeconds;
    return signClaims({ token_type: type, exp: now + lifetime, iat: now, jti: hex32(), ...claims });
  };

  /** SimpleJWT's Token(token): PyJWT's checks, then its own; the failure's message. */
  async function validate(token: string, type: 'access' | 'refresh') {
    const claims = await decodePyJwt(token, { secret: MOCK_JWT_SECRET, nowSeconds: nowSeconds() });
    const id = tokenId(token);
    if (claims === null || (id !== null && state.expiredJtis.has(id))) {
      return { ok: false as const, message: 'Token is invalid or expired' };
    }
    if (!('exp' in claims)) return { ok: false as const, message: "Token has no 'exp' claim" };
    if (!('jti' in claims)) return { ok: false as const, message: 'Token has no id' };
    if (!('token_type' in claims)) return { ok: false as const, message: 'Token has no type' };
    if (claims.token_type !== type) return { ok: false as const, message: 'Token has wrong type' };
    if (type === 'refresh' && typeof claims.jti === 'string' && state.revokedJtis.has(claims.jti)) {
      return { ok: false as const, message: 'Token is blacklisted' };
    }
    return { ok: true as const, claims };
  }

  /** JWTAuthentication: the user of the request's access token, or DRF's 401. */
  async function authenticate(
    request: Request,
  ): Promise<{ user: MockUser } | { response: Response }> {
    const parts = (request.headers.get('Authorization') ?? '').split(/\s+/).filter(Boolean);
    if (parts[0] !== 'Bearer') {
      return {
        response: unauthorized({ detail: 'Authentication credentials were not provided.' }),
      };
    }
    if (parts.length !== 2) {
      return {
        response: unauthorized({
          detail: 'Authorization header must contain two space-delimited values',
          code: 'bad_authorization_header',
        }),
      };
    }
    const checked = await validate(parts[1] ?? '', 'access');
    if (!checked.ok) {
      return {
        response: unauthorized({
          detail: 'Given token not valid for any token type',
          code: 'token_not_valid',
          messages: [
            { token_class: 'AccessToken', token_type: 'access', message: checked.message },
          ],
        }),
      };
    }
    const { user_id: userId } = checked.claims;
    if (userId === undefined) {
      return { response: tokenNotValid('Token contained no recognizable user identification') };
    }
    // Django's ORM takes the id as a number or as digits in a string.
    const id = typeof userId === 'number' || typeof userId === 'string' ? String(userId) : null;
    const user = state.users.find((candidate) => String(candidate.id) === id);
    if (user === undefined) {
      return { response: unauthorized({ detail: 'User not found', code: 'user_not_found' }) };
    }
    if (user.disabled) {
      return { response: unauthorized({ detail: 'User is inactive', code: 'user_inactive' }) };
    }
    return { user };
  }

  /** The `refresh` field of a body, validated as a refresh token. */
  async function refreshTokenOf(request: Request) {
    const body = await readBody(request);
    if (!body.ok) return body;
    const fields = readFields(body.data, ['refresh']);
    if (!fields.ok) return fields;
    const checked = await validate(fields.values.refresh ?? '', 'refresh');
    if (!checked.ok) return { ok: false as const, response: tokenNotValid(checked.message) };
    return { ok: true as const, claims: checked.claims };
  }

  return [
    http.post(apiPath('/api/token/'), async ({ request }) => {
      const injected = await simulateNetwork(state);
      if (injected !== null) return injected;
      const body = await readBody(request);
      if (!body.ok) return body.response;
      const field = env.loginIdentifier;
      const fields = readFields(body.data, [field, 'password']);
      if (!fields.ok) return fields.response;
      const user = state.users.find(
        (candidate) =>
          loginName(candidate) === fields.values[field] &&
          candidate.password === fields.values.password &&
          !candidate.disabled,
      );
      if (user === undefined) {
        return unauthorized({ detail: 'No active account found with the given credentials' });
      }
      const refresh = await issue('refresh', { user_id: user.id });
      const access = await issue('access', { user_id: user.id });
      return HttpResponse.json({ refresh, access });
    }),

    http.get(apiPath('/api/me/'), async ({ request }) => {
      const injected = await simulateNetwork(state);
      if (injected !== null) return injected;
      const authenticated = await authenticate(request);
      if ('response' in authenticated) return authenticated.response;
      const { user } = authenticated;
      return HttpResponse.json({ id: user.id, [env.loginIdentifier]: loginName(user) });
    }),

    http.post(apiPath('/api/token/refresh/'), async ({ request }) => {
      const injected = await simulateNetwork(state);
      if (injected !== null) return injected;
      const refresh = await refreshTokenOf(request);
      if (!refresh.ok) return refresh.response;
      // RefreshToken.access_token: the refresh token's claims (its iat too), a new exp and jti.
      const { claims } = refresh;
      const access = await issue('access', without(claims, ['token_type', 'exp', 'jti']));
      if (!config().rotateRefreshTokens) return HttpResponse.json({ access });
      // BLACKLIST_AFTER_ROTATION: the refresh token just used renews nothing any more.
      if (typeof claims.jti === 'string') state.revokedJtis.add(claims.jti);
      state.onChange();
      const rotated = await issue('refresh', without(claims, ['token_type', 'exp', 'jti', 'iat']));
      return HttpResponse.json({ access, refresh: rotated });
    }),

    http.post(apiPath('/api/token/blacklist/'), async ({ request }) => {
      const injected = await simulateNetwork(state);
      if (injected !== null) return injected;
      const refresh = await refreshTokenOf(request);
      if (!refresh.ok) return refresh.response;
      const { jti } = refresh.claims;
      if (typeof jti === 'string') state.revokedJtis.add(jti);
      state.onChange();
      return HttpResponse.json({});
    }),

    otherMethods('/api/token/', 'POST, OPTIONS'),
    otherMethods('/api/token/refresh/', 'POST, OPTIONS'),
    otherMethods('/api/token/blacklist/', 'POST, OPTIONS'),
    // Authentication runs before DRF checks the method.
    otherMethods('/api/me/', 'GET, HEAD, OPTIONS', async (request) => {
      const authenticated = await authenticate(request);
      return 'response' in authenticated ? authenticated.response : null;
    }),
  ];
}
