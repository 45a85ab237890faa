/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { apiProxyRules } from './src/config/api-proxy.ts';
import {
  cookieSiteWarning,
  parseApiEnv,
  parseApiProxy,
  parseFeatureEnv,
  type Parsed,
} from './src/config/env-rules.ts';
import { DIALECTS } from './src/backends/registry.ts';
import { deploymentFiles } from './vite-plugins/deployment-files.ts';
import { mockServiceWorker } from './vite-plugins/mock-service-worker.ts';
import { prerenderPublicPages } from './vite-plugins/prerender-public-pages.ts';
import { previewFromBuild } from './vite-plugins/preview-from-build.ts';
import { reactRouterProduction } from './vite-plugins/react-router-production.ts';
import { PRERENDERED_PATHS } from './src/config/prerendered-pages.ts';

function required<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
}

export default defineConfig(({ command, mode, isPreview }) => {
  // loadEnv reads .env files and the process environment, as Vite itself does for import.meta.env.
  const fileEnv = loadEnv(mode, process.cwd(), 'VITE_');

  if (isPreview) {
    // The build decided the API and the mock; serving it decides only where the proxy goes.
    const apiProxy = required(parseApiProxy(fileEnv.VITE_API_PROXY));
    return {
      plugins: [previewFromBuild(fileEnv, apiProxy)],
      preview: { host: '127.0.0.1', port: 4173 },
    };
  }

  const { apiUrl, mocking, apiProxy } = required(
    parseApiEnv(fileEnv, command === 'build' ? 'build' : 'dev'),
  );
  const features = required(parseFeatureEnv(fileEnv));
  const cookieWarning = cookieSiteWarning(apiUrl, features.tokenStorage);
  if (cookieWarning !== null) console.warn(`\n${cookieWarning}\n`);
  const define = {
    __GATEHOUSE_API_MOCKING__: JSON.stringify(mocking),
    __GATEHOUSE_API_URL__: JSON.stringify(apiUrl),
    __GATEHOUSE_API_PROFILE__: JSON.stringify(features.apiProfile),
    __GATEHOUSE_LOGIN_IDENTIFIER__: JSON.stringify(features.loginIdentifier),
    __GATEHOUSE_SIGNUP__: JSON.stringify(features.signup),
    __GATEHOUSE_API_LOGOUT__: JSON.stringify(features.apiLogout),
    __GATEHOUSE_PASSWORD_RESET__: JSON.stringify(features.passwordReset),
    __GATEHOUSE_TOKEN_STORAGE__: JSON.stringify(features.tokenStorage),
    __GATEHOUSE_TWO_FACTOR__: JSON.stringify(features.twoFactor),
    __GATEHOUSE_PASSKEYS__: JSON.stringify(features.passkeys),
  };
  return {
    plugins: [
      react(),
      reactRouterProduction(),
      mockServiceWorker(mocking),
      deploymentFiles({ apiUrl, mocking, apiProfile: features.apiProfile }),
      prerenderPublicPages({
        paths: PRERENDERED_PATHS.filter((path) => features.signup || path !== '/signup'),
        define,
      }),
    ],
    define,
    // Every browser of Vite's default target (baseline widely available) preloads modules itself.
    build: {
      modulePreload: { polyfill: false },
      rolldownOptions: {
        output: {
          // Everything the first page runs in one file. Left to itself, Rolldown (1.2) moves
          // modules that lazy chunks share with the entry into chunks of their own, which /login
          // then loads as extra requests (rolldown/rolldown#10731).
          codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
        },
      },
    },
    // No security headers here: the dev server's React refresh needs an inline script.
    server: {
      host: '127.0.0.1',
      port: 5173,
      proxy:
        apiProxy === ''
          ? undefined
          : apiProxyRules(apiProxy, DIALECTS[features.apiProfile], apiUrl),
    },
    test: {
      environment: 'jsdom',
      setupFiles: ['./src/test/setup.ts'],
      restoreMocks: true,
      projects: [
        {
          extends: true,
          test: {
            name: 'app',
            include: ['src/**/*.test.{ts,tsx}', 'vite-plugins/**/*.test.ts'],
            exclude: ['src/**/*.cookie.test.{ts,tsx}', 'src/**/*.factors.test.{ts,tsx}'],
          },
        },
        // Two-step verification and passkeys as a build with both switched on shows them.
        {
          extends: true,
          define: {
            ...define,
            __GATEHOUSE_TWO_FACTOR__: 'true',
            __GATEHOUSE_PASSKEYS__: 'true',
          },
          test: {
            name: 'factors',
            include: ['src/**/*.factors.test.{ts,tsx}'],
            // Each test drives real ceremonies (HMAC codes, ECDSA keys) through the whole app:
            // on two busy cores the first of a file, which also loads the pages, needs more than 5 s.
            testTimeout: 15_000,
          },
        },
        // The session in httpOnly cookies is a build of its own (its code is left out of the
        // others), so its tests run as that build.
        {
          extends: true,
          define: { ...define, __GATEHOUSE_TOKEN_STORAGE__: JSON.stringify('cookie') },
          test: { name: 'cookie-sessions', include: ['src/**/*.cookie.test.{ts,tsx}'] },
        },
      ],
    },
  };
});
