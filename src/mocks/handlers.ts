/**
 * The mock API: the tutorial's POST /token and GET /protected, answering like Flask with
 * flask-jwt-extended. The same handlers serve the browser (setupWorker) and the tests (setupServer).
 */
import { delay, http, HttpResponse } from 'msw';
import { env } from '../config/env';
import { createAccessToken, verifyAccessToken } from './flask-jwt';
import type { MockServerState } from './mock-server-state';

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

/** Flask's own page for an unhandled exception: HTML, not JSON. */
function internalServerError() {
  return new HttpResponse(
    '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>',
    { status: 500, headers: { 'Content-Type': 'text/html; charset=utf-8' } },
  );
}

export function createHandlers(state: MockServerState) {
  const latency = async () => {
    const { latencyMs } = state.readConfig();
    if (latencyMs > 0) await delay(latencyMs);
  };

  return [
    http.post(apiPath('/token'), async ({ request }) => {
      await latency();
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
      const token = await createAccessToken({
        identity: String(user.id),
        lifetimeSeconds: state.readConfig().tokenLifetimeSeconds,
        nowSeconds: nowSeconds(),
      });
      return HttpResponse.json({ token, user_id: user.id });
    }),

    http.get(apiPath('/protected'), async ({ request }) => {
      await latency();
      const verification = await verifyAccessToken(request.headers.get('Authorization'), {
        nowSeconds: nowSeconds(),
        isRevoked: (jti) => typeof jti === 'string' && state.revokedJtis.has(jti),
      });
      if (!verification.ok) {
        return HttpResponse.json({ msg: verification.msg }, { status: verification.status });
      }
      const user = state.users.find((u) => String(u.id) === verification.claims.sub);
      // The tutorial's view dereferences a missing user and Flask answers with its HTML 500.
      if (user === undefined) return internalServerError();
      return HttpResponse.json({ id: user.id, username: user.username });
    }),
  ];
}
