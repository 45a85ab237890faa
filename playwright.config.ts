import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';

const PORT = 4174;

/**
 * E2E_BASE_URL runs the suite against a server that is already up (scripts/nginx-e2e.sh: the build
 * behind nginx); without it Playwright builds the app and starts `vite preview` itself.
 */
const externalBaseUrl = process.env.E2E_BASE_URL?.replace(/\/+$/, '') || undefined;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: externalBaseUrl ?? `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath(),
          args: CHROMIUM_ARGS,
          chromiumSandbox: false,
        },
      },
    },
  ],
  webServer: externalBaseUrl
    ? undefined
    : {
        // The production bundle, with the mock API switched on, so the tests also prove that the
        // service worker starts from a production build.
        command: `npx vite build --outDir dist-e2e --emptyOutDir && npx vite preview --outDir dist-e2e --port ${PORT} --strictPort`,
        env: { VITE_API_MOCKING: 'true' },
        // Other configs (the screenshot script) extend this one from another folder.
        cwd: fileURLToPath(new URL('.', import.meta.url)),
        url: `http://127.0.0.1:${PORT}/login`,
        reuseExistingServer: !process.env.CI,
        timeout: 120_000,
      },
});
