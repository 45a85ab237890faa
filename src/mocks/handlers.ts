/**
 * The mock API: the tutorial's POST /token and GET /protected, answering like Flask with
 * flask-jwt-extended, and POST /refresh when refresh tokens are on. The same handlers serve the
 * browser (setupWorker) and the tests (setupServer).
 */
import { http, HttpResponse } from 'msw';
import { env } from '../config/env';
import { internalServerError, notFound } from './flask-error-pages';
import { createAccessToken, createRefreshToken, verifyJwt } from './flask-jwt';
import type { MockServerState } from './mock-server-state';
import { simulateNetwork } from './simulated-network';

const nowSeconds = () => Math.floor(Date.now() / 1000);

export const apiPath = (path: string) => `${env.apiUrl}${path}`;

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

  return [
    http.post(apiPath('/token'), async ({ request }) => {
      const injected = await simulateNetwork(state);
      if (injected !== null) return injected;
      const body = await readJsonObject(request);
      if (body === null) {
        return HttpResponse.json(
          { msg: 'The request body must be a JSON object' },
          { status: 400 },
        );
      }
      const { username, password } = body;
      if (typeof username !== 'string' || typeof password !== 'string') {
        return HttpResponse.json(
          { msg: 'Both username and password are required, as strings' },
          { status: 400 },
        );
      }
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
      const user = state.users.find((u) => String(u.id) === verification.claims.sub);
      // The tutorial's view dereferences a missing user and Flask answers with its HTML 500.
      if (user === undefined) return internalServerError();
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
      const { sub } = verification.claims;
      if (typeof sub !== 'string') return internalServerError();
      const accessToken = await createAccessToken({
        identity: sub,
        lifetimeSeconds: config.tokenLifetimeSeconds,
        nowSeconds: nowSeconds(),
      });
      return HttpResponse.json({ access_token: accessToken });
    }),
  ];
}
