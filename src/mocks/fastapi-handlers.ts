/**
 * The mock API in FastAPI's dialect: its "OAuth2 with Password, Bearer with JWT tokens" tutorial,
 * as examples/fastapi-api serves it on FastAPI 0.92 (pydantic 1), which backend-tests/differential
 * checks request by request. The login is a form whose field is `username` (the person's username
 * or email, as the build's VITE_LOGIN_IDENTIFIER says); every refused token gets the same 401.
 */
import { http, HttpResponse } from 'msw';
import { env } from '../config/env';
import { apiPath } from './api-path';
import { MOCK_JWT_SECRET, signClaims } from './flask-jwt';
import type { MockServerState } from './mock-server-state';
import { tokenId } from './mock-server-state';
import { decodePyJwt } from './pyjwt';
import { simulateNetwork } from './simulated-network';

const nowSeconds = () => Math.floor(Date.now() / 1000);

const detail = (status: number, text: string, headers: Record<string, string> = {}) =>
  HttpResponse.json({ detail: text }, { status, headers });
const BEARER_CHALLENGE = { 'WWW-Authenticate': 'Bearer' };

/** pydantic 1's "field required", one per missing form field. */
const missing = (field: string) => ({
  loc: ['body', field],
  msg: 'field required',
  type: 'value_error.missing',
});

/** Starlette reads a form body only; any other body is an empty form. */
async function readForm(request: Request): Promise<Map<string, string>> {
  const type = request.headers.get('Content-Type') ?? '';
  const form = new Map<string, string>();
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(type)) return form;
  for (const [name, value] of await request.formData()) {
    // FastAPI 0.92 counts an empty form value as absent.
    if (typeof value === 'string' && value !== '' && !form.has(name)) form.set(name, value);
  }
  return form;
}

/** OAuth2PasswordRequestForm: grant_type (optional, must match "password"), username, password. */
function validationErrors(form: Map<string, string>) {
  const errors: object[] = [];
  const grantType = form.get('grant_type');
  if (grantType !== undefined && !grantType.startsWith('password')) {
    errors.push({
      loc: ['body', 'grant_type'],
      msg: 'string does not match regex "password"',
      type: 'value_error.str.regex',
      ctx: { pattern: 'password' },
    });
  }
  if (!form.has('username')) errors.push(missing('username'));
  if (!form.has('password')) errors.push(missing('password'));
  return errors;
}

/** FastAPI's 405 for a method a route does not take. */
const otherMethods = (path: string, allowed: string) =>
  http.all(apiPath(path), ({ request }) =>
    request.method === allowed || (allowed === 'GET' && request.method === 'HEAD')
      ? undefined
      : detail(405, 'Method Not Allowed', { Allow: allowed }),
  );

export function fastapiHandlers(state: MockServerState) {
  const loginName = (user: { username: string | null; email: string | null }) =>
    user[env.loginIdentifier];

  return [
    http.post(apiPath('/token'), async ({ request }) => {
      const injected = await simulateNetwork(state);
      if (injected !== null) return injected;
      const form = await readForm(request);
      const errors = validationErrors(form);
      if (errors.length > 0) return HttpResponse.json({ detail: errors }, { status: 422 });
      const user = state.users.find(
        (candidate) =>
          loginName(candidate) === form.get('username') &&
          candidate.password === form.get('password'),
      );
      if (user === undefined) {
        return detail(401, 'Incorrect username or password', BEARER_CHALLENGE);
      }
      const lifetime = state.config.read().tokenLifetimeSeconds;
      const token = await signClaims({ sub: loginName(user), exp: nowSeconds() + lifetime });
      return HttpResponse.json({ access_token: token, token_type: 'bearer' });
    }),

    http.get(apiPath('/users/me/'), async ({ request }) => {
      const injected = await simulateNetwork(state);
      if (injected !== null) return injected;
      // OAuth2PasswordBearer: the scheme before the first space, in any case; the rest is the token.
      const authorization = request.headers.get('Authorization') ?? '';
      const space = authorization.indexOf(' ');
      const scheme = space === -1 ? authorization : authorization.slice(0, space);
      if (authorization === '' || scheme.toLowerCase() !== 'bearer') {
        return detail(401, 'Not authenticated', BEARER_CHALLENGE);
      }
      const token = space === -1 ? '' : authorization.slice(space + 1);
      const claims = await decodePyJwt(token, {
        secret: MOCK_JWT_SECRET,
        nowSeconds: nowSeconds(),
      });
      const id = tokenId(token);
      const user =
        claims === null ||
        typeof claims.sub !== 'string' ||
        (id !== null && state.expiredJtis.has(id))
          ? undefined
          : state.users.find((candidate) => loginName(candidate) === claims.sub);
      if (user === undefined)
        return detail(401, 'Could not validate credentials', BEARER_CHALLENGE);
      if (user.disabled) return detail(400, 'Inactive user');
      return HttpResponse.json({
        username: loginName(user),
        email: user.email,
        full_name: user.fullName,
        disabled: user.disabled,
      });
    }),

    otherMethods('/token', 'POST'),
    otherMethods('/users/me/', 'GET'),
  ];
}
