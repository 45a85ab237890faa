/**
 * The mock API: the tutorial's POST /token and GET /protected, answering like Flask with
 * flask-jwt-extended, and POST /refresh when refresh tokens are on. The same handlers serve the
 * browser (setupWorker) and the tests (setupServer).
 */
import { http, HttpResponse } from 'msw';
import { env } from '../config/env';
import { methodNotAllowed, notFound } from './flask-error-pages';
import { createAccessToken, createRefreshToken, verifyJwt } from './flask-jwt';
import type { MockServerState } from './mock-server-state';
import { simulateNetwork } from './simulated-network';

const nowSeconds = () => Math.floor(Date.now() / 1000);

export const apiPath = (path: string) => `${env.apiUrl}${path}`;

/** The login body's two fields, or the reference backend's 400 message for a body it cannot use. */
async function readCredentials(
  request: Request,
): Promise<{ username: string; password: string } | { problem: string }> {
  const body = await readJsonObject(request);
  if (body === null) return { problem: 'The request body must be a JSON object' };
  const { username, password } = body;
  if (typeof username !== 'string' || username === '') {
    return { problem: 'username must be a non-empty string' };
  }
  if (typeof password !== 'string' || password === '') {
    return { problem: 'password must be a non-empty string' };
  }
  return { username, password };
}

/**
 * Werkzeug's 405 for any other method on a route (HEAD comes with GET, OPTIONS with every route,
 * and Flask answers those itself).
 */
function otherMethods(path: string, methods: readonly string[], exists = () => true) {
  const allowed = [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].sort();
  return http.all(apiPath(path), ({ request }) => {
    if (!exists()) return notFound();
    return allowed.includes(request.method) ? undefined : methodNotAllowed(allowed);
  });
}

async function readJsonObject(request: Request): Promise<Record<string, unknown> | null> {
  if (!(request.headers.get('Content-Type') ?? '').includes('application/json')) return null;
  try {
    const body: unknown = JSON.parse(await request.text());
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function createHandlers(state: MockServerState) {
  const verify = (request: Request, refresh: boolean) =>
    verifyJwt(request.headers.get('Authorization'), {
      nowSeconds: nowSeconds(),
      refresh,
      isRevoked: (jti) => typeof jti === 'string' && state.revokedJtis.has(jti),
      isExpiredEarly: (jti) => typeof jti === 'string' && state.expiredJtis.has(jti),
    });

  // The reference backend's @jwt.user_lookup_loader: a token whose user is gone gets
  // flask-jwt-extended's 401 instead of reaching the view.
  const userOf = (claims: Record<string, unknown>) =>
    state.users.find((user) => String(user.id) === claims.sub);
  const userLookupError = (claims: Record<string, unknown>) =>
    HttpResponse.json({ msg: `Error loading the user ${String(claims.sub)}` }, { status: 401 });

  return [
    http.post(apiPath('/token'), async ({ request }) => {
      const injected = await simulateNetwork(state);
      if (injected !== null) return injected;
      const credentials = await readCredentials(request);
      if ('problem' in credentials) {
        return HttpResponse.json({ msg: credentials.problem }, { status: 400 });
      }
      const { username, password } = credentials;
      const user = state.users.find((u) => u.username === username && u.password === password);
      if (user === undefined) {
        return HttpResponse.json({ msg: 'Bad username or password' }, { status: 401 });
      }
      const config = state.config.read();
      const issued = { identity: String(user.id), nowSeconds: nowSeconds() };
      const token = await createAccessToken({
        ...issued,
        lifetimeSeconds: config.tokenLifetimeSeconds,
      });
      if (!config.issueRefreshTokens) return HttpResponse.json({ token, user_id: user.id });
      const refreshToken = await createRefreshToken({
        ...issued,
        lifetimeSeconds: config.refreshTokenLifetimeSeconds,
      });
      // Flask's jsonify sorts the keys.
      return HttpResponse.json({ refresh_token: refreshToken, token, user_id: user.id });
    }),

    http.get(apiPath('/protected'), async ({ request }) => {
      const injected = await simulateNetwork(state);
      if (injected !== null) return injected;
      const verification = await verify(request, false);
      if (!verification.ok) {
        return HttpResponse.json({ msg: verification.msg }, { status: verification.status });
      }
      const user = userOf(verification.claims);
      if (user === undefined) return userLookupError(verification.claims);
      return HttpResponse.json({ id: user.id, username: user.username });
    }),

    // @jwt_required(refresh=True): a new access token for the refresh token's identity.
    http.post(apiPath('/refresh'), async ({ request }) => {
      const injected = await simulateNetwork(state);
      if (injected !== null) return injected;
      const config = state.config.read();
      // The tutorial's backend has no such route.
      if (!config.issueRefreshTokens) return notFound();
      const verification = await verify(request, true);
      if (!verification.ok) {
        return HttpResponse.json({ msg: verification.msg }, { status: verification.status });
      }
      const user = userOf(verification.claims);
      if (user === undefined) return userLookupError(verification.claims);
      const accessToken = await createAccessToken({
        identity: String(user.id),
        lifetimeSeconds: config.tokenLifetimeSeconds,
        nowSeconds: nowSeconds(),
      });
      return HttpResponse.json({ access_token: accessToken });
    }),

    otherMethods('/token', ['POST']),
    otherMethods('/protected', ['GET']),
    otherMethods('/refresh', ['POST'], () => state.config.read().issueRefreshTokens),
  ];
}
