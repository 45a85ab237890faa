/**
 * `npm run test:backend` (its browser part): the production build against the real reference
 * backend, cross-origin and through the proxy (topology.ts). Python, Flask and
 * flask-jwt-extended as flask-backend.ts finds them.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { flaskCommand, flaskPython } from './flask-backend';
import {
  appOrigin,
  BACKEND_NAMES,
  BACKENDS,
  backendApiUrl,
  backendOrigin,
  backendsFor,
  MODES,
  type BackendName,
  type Mode,
} from './topology';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const VARIABLES = [
  'VITE_API_URL',
  'VITE_API_MOCKING',
  'VITE_API_PROXY',
  'VITE_LOGIN_IDENTIFIER',
  'VITE_SIGNUP',
  'VITE_API_LOGOUT',
]
  .map((name) => `-u ${name}`)
  .join(' ');
const shellQuote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

function backendServer(name: BackendName) {
  const { port, settings } = BACKENDS[name];
  if (settings === null) return [];
  const corsOrigins = backendsFor('cross-origin')
    .map((backend) => appOrigin('cross-origin', backend))
    .join(',');
  return [
    {
      command: flaskCommand(port).map(shellQuote).join(' '),
      url: `${backendApiUrl(name)}/protected`,
      env: {
        ...flaskPython().env,
        ...settings,
        JWT_SECRET_KEY: 'gatehouse-backend-tests',
        CORS_ORIGINS: corsOrigins,
      },
      cwd: repoRoot,
      // Werkzeug logs every request; flask-backend.ts has already checked that Flask imports.
      stderr: 'ignore' as const,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ];
}

/** Build once with the variables, then serve that build with none set but the server's own. */
function appServer(mode: Mode, backend: BackendName) {
  const origin = appOrigin(mode, backend);
  const outDir = `dist-backend-e2e/${mode}-${backend}`;
  const apiUrl = mode === 'cross-origin' ? [`VITE_API_URL=${backendApiUrl(backend)}`] : [];
  const features = Object.entries(BACKENDS[backend].build ?? {}).map(
    ([name, value]) => `${name}=${value}`,
  );
  const buildEnv = [...apiUrl, ...features].join(' ');
  const serveEnv = mode === 'proxy' ? `VITE_API_PROXY=${backendOrigin(backend)}` : '';
  return {
    command:
      `env ${VARIABLES} ${buildEnv} VITE_API_MOCKING=false npx vite build --outDir ${outDir} --emptyOutDir --logLevel warn && ` +
      `env ${VARIABLES} ${serveEnv} npx vite preview --outDir ${outDir} --port ${new URL(origin).port} --strictPort`,
    url: `${origin}/login`,
    cwd: repoRoot,
    reuseExistingServer: false,
    timeout: 60_000,
  };
}

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 45_000,
  expect: { timeout: 5_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  outputDir: '../test-results/backend',
  use: { trace: 'retain-on-failure' },
  projects: MODES.map((mode) => ({
    name: mode,
    // A page and its API on one origin cannot disagree about connect-src; the course project's
    // API under /api is served cross-origin only (topology.ts).
    testIgnore: mode === 'proxy' ? /(security-policy|course-project)\.spec\.ts$/ : undefined,
    use: {
      mode,
      ...devices['Desktop Chrome'],
      launchOptions: chromiumLaunchOptions(),
    },
  })),
  webServer: [
    ...BACKEND_NAMES.flatMap(backendServer),
    ...MODES.flatMap((mode) => backendsFor(mode).map((backend) => appServer(mode, backend))),
  ],
});
