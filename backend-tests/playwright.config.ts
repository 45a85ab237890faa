/**
 * `npm run test:backend` (its browser part): the production build against the real reference
 * backends (Flask + flask-jwt-extended, FastAPI, Django + SimpleJWT), cross-origin and through
 * the proxy (topology.ts). Python and the frameworks as reference-backends.ts finds them.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumLaunchOptions } from '../scripts/chromium.mjs';
import {
  backendCommand,
  courseProjectCommand,
  mailFile,
  probePath,
  secretSettings,
} from './reference-backends';
import {
  appLoopbackOrigin,
  appOrigin,
  appOutDir,
  BACKEND_NAMES,
  BACKENDS,
  backendApiUrl,
  backendLoopbackOrigin,
  backendsFor,
  MODES,
  oneHostOutDir,
  SIBLING_DOMAIN,
  type BackendName,
  type Mode,
} from './topology';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const VARIABLES = [
  'VITE_API_URL',
  'VITE_API_MOCKING',
  'VITE_API_PROXY',
  'VITE_API_PROFILE',
  'VITE_LOGIN_IDENTIFIER',
  'VITE_SIGNUP',
  'VITE_API_LOGOUT',
  'VITE_PASSWORD_RESET',
  'VITE_TOKEN_STORAGE',
  'VITE_TWO_FACTOR',
  'VITE_PASSKEYS',
]
  .map((name) => `-u ${name}`)
  .join(' ');
const shellQuote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * BACKEND_E2E_ONLY=course,course-one-host: start only these backends and their apps (a run of the
 * specs that use them alone); unset, all of them.
 */
const only = process.env.BACKEND_E2E_ONLY?.split(',')
  .map((name) => name.trim())
  .filter(Boolean);
for (const name of only ?? []) {
  if (!(BACKEND_NAMES as string[]).includes(name)) {
    throw new Error(`BACKEND_E2E_ONLY: no backend "${name}" (${BACKEND_NAMES.join(', ')})`);
  }
}
const started = (name: BackendName) => only === undefined || only.includes(name);

/** Build the app for `backend` into `outDir`, with the build's variables and no others. */
function buildCommand(backend: BackendName, outDir: string, apiUrl: string[]) {
  const features = Object.entries(BACKENDS[backend].build ?? {}).map(
    ([name, value]) => `${name}=${value}`,
  );
  const buildEnv = [...apiUrl, ...features].join(' ');
  return `env ${VARIABLES} ${buildEnv} VITE_API_MOCKING=false npx vite build --outDir ${outDir} --emptyOutDir --logLevel warn`;
}

interface ServerCommand {
  command: string[];
  env: Record<string, string>;
  /** A database file to remove before the server starts. */
  database: string | null;
  /** A shell command to run before: a one-host backend builds the app it serves. */
  build: string | null;
}

/** How `name`'s backend starts: a reference backend, or an example (one-host: build, then serve). */
function serverCommand(name: BackendName): ServerCommand {
  const { port, profile, example, oneHost } = BACKENDS[name];
  if (example === undefined) return { ...backendCommand(profile, port), build: null };
  if (!oneHost) return { ...courseProjectCommand(port), database: null, build: null };
  const outDir = oneHostOutDir(name);
  const { command, env } = courseProjectCommand(port, outDir);
  return { command, env, database: null, build: buildCommand(name, outDir, []) };
}

/**
 * Every reference backend writes its reset e-mails to a file (account.spec.ts reads the links),
 * and links them to this backend's cross-origin app: one server serves both modes' apps, and
 * APP_URL names one origin, so the proxy's tests move the link onto their own.
 */
function mailSettings(name: BackendName): Record<string, string> {
  const { example, port } = BACKENDS[name];
  if (example !== undefined) return {};
  return { MAIL_FILE: mailFile(port), APP_URL: appOrigin('cross-origin', name) };
}

/**
 * A build with passkeys is this backend's relying party: its host name and the origins its app is
 * served on, which the authenticator's signed client data must name.
 */
function passkeySettings(name: BackendName): Record<string, string> {
  if (BACKENDS[name].build?.VITE_PASSKEYS !== 'true') return {};
  const origins = MODES.filter((mode) => backendsFor(mode).includes(name)).map((mode) =>
    appOrigin(mode, name),
  );
  return {
    WEBAUTHN_RP_ID: BACKENDS[name].hosts?.app ?? 'localhost',
    WEBAUTHN_ORIGIN: origins.join(','),
  };
}

function backendServer(name: BackendName) {
  const { profile, settings } = BACKENDS[name];
  if (settings === null || !started(name)) return [];
  // An app served under a host name is also let in on 127.0.0.1: another site than its API's,
  // where a login the server accepts sets cookies the page never gets (cookie-session.spec.ts).
  const corsOrigins = backendsFor('cross-origin')
    .flatMap((backend) => [
      appOrigin('cross-origin', backend),
      ...(BACKENDS[backend].hosts === undefined
        ? []
        : [appLoopbackOrigin('cross-origin', backend)]),
    ])
    .join(',');
  const { command, env, database, build } = serverCommand(name);
  const mail = mailSettings(name);
  const serve = `exec ${command.map(shellQuote).join(' ')}`;
  const leftovers = [database, mail.MAIL_FILE].filter(
    (file): file is string => file !== undefined && file !== null,
  );
  const steps = [
    ...(build === null ? [] : [build]),
    ...leftovers.map((file) => `rm -f ${shellQuote(file)}`),
    serve,
  ];
  return [
    {
      // The command runs once, in the main process: the config itself runs in every worker too.
      command: steps.join(' && '),
      url: `${backendLoopbackOrigin(name)}${BACKENDS[name].prefix ?? ''}${probePath(profile)}`,
      env: {
        ...env,
        ...settings,
        ...secretSettings(profile, 'gatehouse-backend-tests-secret-of-32-bytes'),
        ...mail,
        ...passkeySettings(name),
        CORS_ORIGINS: corsOrigins,
      },
      cwd: repoRoot,
      // The servers log every request; reference-backends.ts has already checked the imports.
      stderr: 'ignore' as const,
      reuseExistingServer: false,
      // A one-host backend builds the app first.
      timeout: build === null ? 30_000 : 120_000,
    },
  ];
}

/** Build once with the variables, then serve that build with none set but the server's own. */
function appServer(mode: Mode, backend: BackendName) {
  const origin = appOrigin(mode, backend);
  const outDir = appOutDir(mode, backend);
  const apiUrl = mode === 'cross-origin' ? [`VITE_API_URL=${backendApiUrl(backend)}`] : [];
  const proxy = mode === 'proxy' ? [`VITE_API_PROXY=${backendLoopbackOrigin(backend)}`] : [];
  // Vite answers 403 to a Host header it does not know (DNS rebinding), but for localhost and IPs.
  const appHost = new URL(origin).hostname;
  const allowedHost = appHost.endsWith(`.${SIBLING_DOMAIN}`)
    ? [`__VITE_ADDITIONAL_SERVER_ALLOWED_HOSTS=${appHost}`]
    : [];
  const serveEnv = [...proxy, ...allowedHost].join(' ');
  return {
    command:
      `${buildCommand(backend, outDir, apiUrl)} && ` +
      `env ${VARIABLES} ${serveEnv} npx vite preview --outDir ${outDir} --port ${new URL(origin).port} --strictPort`,
    url: `${appLoopbackOrigin(mode, backend)}/login`,
    cwd: repoRoot,
    reuseExistingServer: false,
    timeout: 60_000,
  };
}

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  // One browser at a time: the Python servers, their builds' previews and Chromium share two
  // cores, and the renewal specs run on 3-second tokens. Two workers made a slow answer (a
  // reference backend under load) fail a test now and then.
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 45_000,
  // A real backend answers slower than the mock, more so when the machine is busy.
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  outputDir: '../test-results/backend',
  use: { trace: 'retain-on-failure' },
  projects: MODES.map((mode) => ({
    name: mode,
    // A page and its API on one origin cannot disagree about connect-src; the course project's
    // API under /api is served cross-origin only (topology.ts).
    testIgnore:
      mode === 'proxy'
        ? /(security-policy|course-project|course-project-one-host|fastapi-expiry|simplejwt-refresh|simplejwt-rotation|factors)\.spec\.ts$/
        : undefined,
    use: {
      mode,
      ...devices['Desktop Chrome'],
      launchOptions: {
        ...chromiumLaunchOptions(),
        // The sibling hosts of topology.ts, on this machine; other names resolve as before.
        args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP *.${SIBLING_DOMAIN} 127.0.0.1`],
      },
    },
  })),
  webServer: [
    ...BACKEND_NAMES.flatMap(backendServer),
    ...MODES.flatMap((mode) =>
      backendsFor(mode)
        .filter((backend) => started(backend) && !BACKENDS[backend].oneHost)
        .map((backend) => appServer(mode, backend)),
    ),
  ],
});
