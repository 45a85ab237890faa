// @vitest-environment node
/**
 * The build decides its deployment: `vite build` of the repository's config writes the headers
 * its servers must send, and `vite preview` started with no variable serves exactly those.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, createLogger, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { originOf, repoViteConfig, withEnv, type ViteVariables } from '../src/test/vite-in-process';
import { initialAssets } from '../bench/login-assets.mjs';
import { readBuildManifest } from './build-manifest';
import { STYLESHEET_LINK } from './deployment-files';
import { cspHash, securityHeaders } from './security-headers';

const outDirs: string[] = [];

async function buildWith(variables: ViteVariables): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'gatehouse-build-'));
  outDirs.push(outDir);
  await withEnv(variables, () =>
    build({ ...repoViteConfig(), build: { outDir, emptyOutDir: true } }),
  );
  return outDir;
}

async function previewWith(outDir: string, variables: ViteVariables, warnings: string[] = []) {
  const logger = createLogger('warn');
  logger.warn = (message) => {
    warnings.push(message);
  };
  return withEnv(variables, () =>
    preview({
      ...repoViteConfig(),
      logLevel: 'warn',
      customLogger: logger,
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0 },
    }),
  );
}

afterAll(() => {
  for (const outDir of outDirs) rmSync(outDir, { recursive: true, force: true });
});

/** The CSP hashes of the stylesheets the build's prerendered pages carry inline. */
const inlineStyleHashes = (outDir: string) =>
  [...readFileSync(join(outDir, 'index.html'), 'utf8').matchAll(STYLESHEET_LINK)].map(([, href]) =>
    cspHash(readFileSync(join(outDir, href ?? ''), 'utf8')),
  );

const allScripts = (outDir: string) =>
  readdirSync(join(outDir, 'assets'))
    .map((file) => readFileSync(join(outDir, 'assets', file), 'utf8'))
    .join('\n');

describe('a default npm run build', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await buildWith({});
  });

  it('ships no mock: no mockServiceWorker.js, and no MSW code in any script', () => {
    expect(existsSync(join(outDir, 'mockServiceWorker.js'))).toBe(false);
    const assets = join(outDir, 'assets');
    for (const file of readdirSync(assets)) {
      expect(readFileSync(join(assets, file), 'utf8'), file).not.toMatch(/mockServiceWorker|msw/i);
    }
  });

  it('carries only its own dialect, flask-jwt-extended’s: no other framework’s paths', () => {
    const scripts = allScripts(outDir);
    expect(scripts).toContain('/protected');
    for (const otherPath of ['/users/me/', '/api/token/', '/api/me/']) {
      expect(scripts, otherPath).not.toContain(otherPath);
    }
  });

  it('keeps the sign-up page and the private pages out of what /login downloads', () => {
    const loginDownload = initialAssets(outDir)
      .filter((asset) => asset.inline !== true)
      .map((asset) => readFileSync(join(outDir, asset.file.replace(/^\//, '')), 'utf8'))
      .join('\n');
    const everything = allScripts(outDir);
    for (const text of ['Confirm password', 'Welcome, ']) {
      expect(everything, text).toContain(text);
      expect(loginDownload, text).not.toContain(text);
    }
  });

  it('writes its headers, with connect-src for its own origin only', () => {
    expect(readBuildManifest(outDir)).toEqual({
      apiUrl: '',
      apiProfile: 'flask-jwt-extended',
      mocking: false,
      headers: securityHeaders('', inlineStyleHashes(outDir)),
    });
    expect(inlineStyleHashes(outDir)).toHaveLength(1);
    expect(readFileSync(join(outDir, '_headers'), 'utf8')).toContain(
      `/*\n  Content-Security-Policy: ${securityHeaders('', inlineStyleHashes(outDir))['Content-Security-Policy'] ?? ''}\n`,
    );
  });

  it('prerenders /login and /signup in each language, the stylesheet inline, private pages not', () => {
    for (const file of ['login.en.html', 'login.es.html', 'signup.en.html', 'signup.es.html']) {
      const html = readFileSync(join(outDir, file), 'utf8');
      expect(html, file).toMatch(/<div id="root" data-prerendered="\/(login|signup)"/);
      expect(html, file).toContain('<style>');
      expect(html, file).not.toContain('rel="stylesheet"');
    }
    expect(readFileSync(join(outDir, 'login.es.html'), 'utf8')).toContain('<html lang="es">');
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain('<div id="root"></div>');
  });
});

describe('a build with VITE_API_PROFILE=simplejwt', () => {
  it('carries SimpleJWT’s dialect only, and says so to its servers', async () => {
    const outDir = await buildWith({ VITE_API_PROFILE: 'simplejwt' });
    const scripts = allScripts(outDir);

    expect(scripts).toContain('/api/token/refresh/');
    for (const otherPath of ['/protected', '/users/me/']) {
      expect(scripts, otherPath).not.toContain(otherPath);
    }
    expect(readBuildManifest(outDir).apiProfile).toBe('simplejwt');
  });
});

describe('a build for an API on another origin, served by vite preview with no variable', () => {
  const apiUrl = 'http://127.0.0.1:5000/v1';
  let outDir: string;
  let server: PreviewServer;
  let warnings: string[];

  beforeAll(async () => {
    outDir = await buildWith({ VITE_API_URL: apiUrl, VITE_API_MOCKING: 'true' });
    warnings = [];
    server = await previewWith(outDir, {}, warnings);
  });
  afterAll(async () => {
    await server.close();
  });

  it('writes the API origin into connect-src, and the mock worker because it asked for it', () => {
    const { headers } = readBuildManifest(outDir);
    expect(headers['Content-Security-Policy']).toContain(
      "connect-src 'self' http://127.0.0.1:5000;",
    );
    expect(readFileSync(join(outDir, '_headers'), 'utf8')).toContain(
      "connect-src 'self' http://127.0.0.1:5000;",
    );
    expect(existsSync(join(outDir, 'mockServiceWorker.js'))).toBe(true);
  });

  it('sends the policy the build wrote, on pages and assets alike, and warns about nothing', async () => {
    for (const path of ['/login', '/profile?x=1', '/favicon.svg']) {
      const response = await fetch(`${originOf(server)}${path}`);
      await response.arrayBuffer();
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-security-policy'), path).toBe(
        securityHeaders(apiUrl, inlineStyleHashes(outDir))['Content-Security-Policy'],
      );
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    expect(warnings).toEqual([]);
  });

  it('says at start when the serving environment contradicts the build, and still serves it', async () => {
    const contradicted: string[] = [];
    const other = await previewWith(
      outDir,
      { VITE_API_URL: 'http://127.0.0.1:9999', VITE_API_MOCKING: 'false' },
      contradicted,
    );
    try {
      const response = await fetch(`${originOf(other)}/login`);
      await response.arrayBuffer();
      expect(response.headers.get('content-security-policy')).toContain(
        "connect-src 'self' http://127.0.0.1:5000;",
      );
    } finally {
      await other.close();
    }
    const text = contradicted.join('\n');
    expect(text).toContain(
      `VITE_API_URL=http://127.0.0.1:9999 is set, but this build calls the API at ${apiUrl}`,
    );
    expect(text).toContain(
      'VITE_API_MOCKING=false is set, but this build was made with the mock API on',
    );
  });
});

it('vite preview refuses a folder that no Gatehouse build wrote, and says what to run', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'gatehouse-not-a-build-'));
  outDirs.push(empty);
  await expect(previewWith(empty, {})).rejects.toThrow(
    /gatehouse-build\.json is missing.*npm run build/,
  );
});
