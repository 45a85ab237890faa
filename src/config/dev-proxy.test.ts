// @vitest-environment node
/**
 * VITE_API_PROXY end to end: Vite's dev server and `vite preview`, started from the repository's
 * vite.config.ts, forward the API paths to a small HTTP server that stands in for the tutorial's
 * Flask backend, and leave every other path to Vite.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBuildManifest, MANIFEST_FILE } from '../../vite-plugins/build-manifest';
import { originOf, repoViteConfig, withEnv, type ViteVariables } from '../test/vite-in-process';
import { dialectPaths } from '../backends/api-dialect';
import { fastapi } from '../backends/fastapi/dialect';
import { flaskJwtExtended } from '../backends/flask-jwt-extended/dialect';
import { simplejwt } from '../backends/simplejwt/dialect';
import { apiProxyRules } from './api-proxy';

const API_PATHS = dialectPaths(flaskJwtExtended);
const TOKEN = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.c3RhbmQtaW4';

// --- The stand-in backend: the tutorial's /token and /protected, on 127.0.0.1 and a free port ---

interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let backend: Server;
let backendOrigin: string;
let seen: SeenRequest[] = [];

function startBackend(): Promise<void> {
  backend = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: SeenRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(request);
      const [status, body] = answer(request);
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  return new Promise((resolve) => {
    backend.listen(0, '127.0.0.1', () => {
      backendOrigin = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
      resolve();
    });
  });
}

function answer({ method, url, headers, body }: SeenRequest): [number, unknown] {
  if (method === 'POST' && url === '/token') {
    let credentials: unknown;
    try {
      credentials = JSON.parse(body);
    } catch {
      return [400, { msg: 'The request body is not JSON' }];
    }
    const { username, password } = (credentials ?? {}) as Record<string, unknown>;
    return username === 'alesanchezr' && password === '12341234'
      ? [200, { token: TOKEN, user_id: 1 }]
      : [401, { msg: 'Bad username or password' }];
  }
  if (method === 'GET' && url === '/protected') {
    if (headers.authorization === undefined) return [401, { msg: 'Missing Authorization Header' }];
    return headers.authorization === `Bearer ${TOKEN}`
      ? [200, { id: 1, username: 'alesanchezr' }]
      : [422, { msg: 'Signature verification failed' }];
  }
  return [404, { msg: `The stand-in backend has no ${method} ${url}` }];
}

// --- Vite, from the repository's config, with the API variables set for the time it reads them ---

async function startDevServer(values: ViteVariables): Promise<ViteDevServer> {
  const server = await withEnv(values, () =>
    createServer({
      ...repoViteConfig(),
      server: { host: '127.0.0.1', port: 0, watch: null, hmr: false },
    }),
  );
  await server.listen();
  return server;
}

function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

beforeAll(startBackend);
beforeEach(() => {
  seen = [];
});
afterAll(async () => {
  backend.closeAllConnections();
  await new Promise((resolve) => backend.close(resolve));
});

describe('apiProxyRules', () => {
  it('matches the API paths, with a query or below them, and nothing else', () => {
    const patterns = Object.keys(apiProxyRules('http://127.0.0.1:5000', flaskJwtExtended)).map(
      (key) => new RegExp(key),
    );
    const matched = (url: string) => patterns.some((pattern) => pattern.test(url));
    for (const path of API_PATHS) {
      expect(matched(path)).toBe(true);
      expect(matched(`${path}?next=1`)).toBe(true);
      expect(matched(`${path}/x`)).toBe(true);
      // `/password-reset/confirms` is still below `/password-reset`, which the backend answers.
      const belowAnother = API_PATHS.some((other) => path.startsWith(`${other}/`));
      if (!belowAnother) expect(matched(`${path}s`)).toBe(false);
      expect(matched(`${path}.js`)).toBe(belowAnother);
      expect(matched(`/src${path}`)).toBe(false);
    }
    expect(matched('/login')).toBe(false);
    expect(matched('/')).toBe(false);
  });

  it.each([
    ['fastapi', fastapi, ['/token', '/users/me/'], ['/protected', '/users/me']],
    [
      'simplejwt',
      simplejwt,
      ['/api/token/', '/api/token/refresh/', '/api/token/blacklist/', '/api/me/'],
      ['/token', '/api/other/'],
    ],
  ])(
    'forwards the %s dialect’s paths, trailing slashes included',
    (_name, dialect, paths, others) => {
      const patterns = Object.keys(apiProxyRules('http://127.0.0.1:8000', dialect)).map(
        (key) => new RegExp(key),
      );
      const matched = (url: string) => patterns.some((pattern) => pattern.test(url));
      for (const path of paths) expect(matched(path), path).toBe(true);
      for (const path of others) expect(matched(path), path).toBe(false);
    },
  );

  it('forwards the paths under the build’s path prefix, and only those', () => {
    const patterns = Object.keys(
      apiProxyRules('http://127.0.0.1:3001', flaskJwtExtended, '/api'),
    ).map((key) => new RegExp(key));
    const matched = (url: string) => patterns.some((pattern) => pattern.test(url));
    for (const path of API_PATHS) {
      expect(matched(`/api${path}`)).toBe(true);
      expect(matched(`/api${path}?next=1`)).toBe(true);
      expect(matched(path)).toBe(false);
    }
    expect(matched('/api')).toBe(false);
    expect(matched('/login')).toBe(false);
  });

  it('sends every path to the target with changeOrigin, and keeps page navigations', () => {
    const rules = Object.values(apiProxyRules('http://127.0.0.1:5000', flaskJwtExtended));
    expect(rules).toHaveLength(API_PATHS.length);
    for (const rule of rules) {
      expect(rule).toMatchObject({ target: 'http://127.0.0.1:5000', changeOrigin: true });
      expect(rule.bypass({ url: '/signup', headers: { accept: 'text/html,*/*' } })).toBe('/signup');
      expect(
        rule.bypass({ url: '/signup', headers: { accept: 'application/json' } }),
      ).toBeUndefined();
      expect(rule.bypass({ url: '/signup', headers: {} })).toBeUndefined();
    }
  });
});

describe('npm run dev with VITE_API_PROXY', () => {
  let server: ViteDevServer;
  let origin: string;

  beforeAll(async () => {
    server = await startDevServer({
      VITE_API_PROXY: backendOrigin,
      VITE_API_URL: '',
      VITE_API_MOCKING: 'false',
    });
    origin = originOf(server);
  });
  afterAll(async () => {
    await server.close();
  });

  it('forwards POST /token with its JSON body, to the backend under its own Host', async () => {
    const response = await postJson(`${origin}/token`, {
      username: 'alesanchezr',
      password: '12341234',
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ token: TOKEN, user_id: 1 });
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/token');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      username: 'alesanchezr',
      password: '12341234',
    });
    // changeOrigin: the backend sees its own host, as if the browser had called it.
    expect(request?.headers.host).toBe(new URL(backendOrigin).host);
  });

  it('passes a 401 through with its JSON body', async () => {
    const response = await postJson(`${origin}/token`, {
      username: 'alesanchezr',
      password: 'wrong',
    });

    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ msg: 'Bad username or password' });
  });

  it('forwards GET /protected with the Authorization header intact', async () => {
    const response = await fetch(`${origin}/protected`, {
      headers: { Authorization: `Bearer ${TOKEN}`, Accept: 'application/json' },
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 1, username: 'alesanchezr' });
    expect(seen.map(({ method, url }) => `${method} ${url}`)).toEqual(['GET /protected']);
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('passes the backend’s 401 for a missing token through', async () => {
    const response = await fetch(`${origin}/protected`);

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ msg: 'Missing Authorization Header' });
    expect(seen).toHaveLength(1);
  });

  it('forwards every API path, query included', async () => {
    for (const path of API_PATHS) {
      await (await fetch(`${origin}${path}?from=test`)).arrayBuffer();
    }
    expect(seen.map(({ url }) => url)).toEqual(API_PATHS.map((path) => `${path}?from=test`));
  });

  it('keeps a page navigation to /signup, the app’s page, and forwards the API’s POST /signup', async () => {
    const page = await fetch(`${origin}/signup`, { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');
    expect(seen).toEqual([]);

    const api = await postJson(`${origin}/signup`, { username: 'grace', password: 'x' });
    await api.arrayBuffer();
    expect(seen.map(({ method, url }) => `${method} ${url}`)).toEqual(['POST /signup']);
  });

  it('leaves the app’s own paths to Vite: /login is index.html', async () => {
    const response = await fetch(`${origin}/login`, { headers: { Accept: 'text/html' } });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<title>Gatehouse</title>');
    expect(html).toContain('<div id="root"></div>');
    await (await fetch(`${origin}/src/config/api-paths.ts`)).arrayBuffer();
    expect(seen).toEqual([]);
  });
});

describe('npm run dev without VITE_API_PROXY', () => {
  let server: ViteDevServer;

  beforeAll(async () => {
    server = await startDevServer({
      VITE_API_PROXY: '',
      VITE_API_URL: '',
      VITE_API_MOCKING: 'false',
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('configures no proxy and forwards nothing', async () => {
    expect(server.config.server.proxy).toBeUndefined();

    const response = await postJson(`${originOf(server)}/token`, {
      username: 'alesanchezr',
      password: '12341234',
    });
    expect(response.status).toBe(404);
    await response.arrayBuffer();
    expect(seen).toEqual([]);
  });
});

describe('vite preview with VITE_API_PROXY', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'gatehouse-dev-proxy-dist-'));
  let server: PreviewServer;
  let origin: string;

  beforeAll(async () => {
    // A stand-in build: preview serves whatever is in outDir, with the headers its manifest names.
    writeFileSync(
      join(outDir, 'index.html'),
      '<!doctype html><title>Gatehouse</title><div id="root"></div>',
    );
    writeFileSync(
      join(outDir, MANIFEST_FILE),
      JSON.stringify(
        createBuildManifest({ apiUrl: '', mocking: false, apiProfile: 'flask-jwt-extended' }),
      ),
    );
    server = await withEnv(
      { VITE_API_PROXY: backendOrigin, VITE_API_URL: '', VITE_API_MOCKING: '' },
      () =>
        preview({
          ...repoViteConfig(),
          build: { outDir },
          preview: { host: '127.0.0.1', port: 0 },
        }),
    );
    origin = originOf(server);
  });
  afterAll(async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('forwards the API to the backend and serves the build for the rest', async () => {
    const token = await postJson(`${origin}/token`, {
      username: 'alesanchezr',
      password: '12341234',
    });
    expect(token.status).toBe(200);
    expect(await token.json()).toEqual({ token: TOKEN, user_id: 1 });

    const profile = await fetch(`${origin}/protected`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(await profile.json()).toEqual({ id: 1, username: 'alesanchezr' });
    expect(seen.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'POST /token',
      'GET /protected',
    ]);

    const page = await fetch(`${origin}/login`, { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Gatehouse</title>');
    expect(seen).toHaveLength(2);
  });
});
