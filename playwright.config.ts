import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import type { Identifier } from './e2e/fixtures';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

const PORT = 4174;
/** The course project's build (email, server-side logout), for the specs that run in both. */
const EMAIL_PORT = 4175;
const BOTH_IDENTIFIERS = /(signup|server-logout)\.spec\.ts$/;
/** The build that keeps its session in httpOnly cookies (VITE_TOKEN_STORAGE=cookie). */
const COOKIE_PORT = 4176;
const COOKIE_SESSIONS = /cookie-session\.spec\.ts$/;
/**
 * The build with two-step verification and passkeys on, opened by name: browsers refuse passkeys
 * on an IP address. `vite preview` listens on 127.0.0.1, which localhost resolves to.
 */
const FACTORS_PORT = 4177;
const FACTORS = /factors\.spec\.ts$/;

/**
 * E2E_BASE_URL runs the suite against a server that is already up (scripts/nginx-e2e.sh: the build
 * behind nginx); without it Playwright builds the app and starts `vite preview` itself.
 */
const externalBaseUrl = process.env.E2E_BASE_URL?.replace(/\/+$/, '') || undefined;

const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: chromiumLaunchOptions(),
};

/**
 * The production bundle, with the mock API switched on, so the tests also prove that the service
 * worker starts from a production build.
 */
function mockBuild(outDir: string, port: number, variables: Record<string, string>) {
  return {
    command: `npx vite build --outDir ${outDir} --emptyOutDir --logLevel warn && npx vite preview --outDir ${outDir} --port ${port} --strictPort`,
    env: { VITE_API_MOCKING: 'true', ...variables },
    // Other configs (the screenshot script) extend this one from another folder.
    cwd: fileURLToPath(new URL('.', import.meta.url)),
    url: `http://127.0.0.1:${port}/login`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  };
}

export default defineConfig<{ identifier: Identifier }>({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  // A page served while another worker's browser and the mock's service worker share two cores
  // can take more than 5 s to show its data (seen once in CI: a second tab's profile).
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: externalBaseUrl ?? `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      // The tutorial's build: usernames, and Log out ends the session in the browser only.
      testIgnore: [/server-logout\.spec\.ts$/, COOKIE_SESSIONS, FACTORS],
      use: browser,
    },
    ...(externalBaseUrl
      ? []
      : [
          {
            name: 'email',
            testMatch: BOTH_IDENTIFIERS,
            use: {
              ...browser,
              baseURL: `http://127.0.0.1:${EMAIL_PORT}`,
              identifier: 'email' as const,
            },
          },
          {
            name: 'cookie',
            testMatch: COOKIE_SESSIONS,
            use: { ...browser, baseURL: `http://127.0.0.1:${COOKIE_PORT}` },
          },
          {
            name: 'factors',
            testMatch: FACTORS,
            // Each test signs up, then logs in two or three times: 15 to 25 s beside another
            // worker on two cores, too near the 30 s the shorter flows get.
            timeout: 60_000,
            use: { ...browser, baseURL: `http://localhost:${FACTORS_PORT}` },
          },
        ]),
  ],
  webServer: externalBaseUrl
    ? undefined
    : [
        mockBuild('dist-e2e', PORT, {}),
        mockBuild('dist-e2e-email', EMAIL_PORT, {
          VITE_LOGIN_IDENTIFIER: 'email',
          VITE_API_LOGOUT: 'true',
        }),
        mockBuild('dist-e2e-cookie', COOKIE_PORT, { VITE_TOKEN_STORAGE: 'cookie' }),
        mockBuild('dist-e2e-factors', FACTORS_PORT, {
          VITE_TWO_FACTOR: 'true',
          VITE_PASSKEYS: 'true',
        }),
      ],
});
