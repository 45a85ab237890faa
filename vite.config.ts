/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { apiProxyRules } from './src/config/api-paths.ts';
import { parseApiEnv, type Parsed } from './src/config/env-rules.ts';
import { securityHeaders } from './src/config/security-headers.ts';

function required<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
}

export default defineConfig(({ command, mode, isPreview }) => {
  // loadEnv reads .env files and the process environment, as Vite itself does for import.meta.env.
  const fileEnv = loadEnv(mode, process.cwd(), 'VITE_');
  const run = command === 'build' ? 'build' : isPreview ? 'preview' : 'dev';
  const { apiUrl, mocking, apiProxy } = required(parseApiEnv(fileEnv, run));
  const proxy = apiProxy === '' ? undefined : apiProxyRules(apiProxy);

  return {
    plugins: [react()],
    define: {
      __GATEHOUSE_API_MOCKING__: JSON.stringify(mocking),
      __GATEHOUSE_API_URL__: JSON.stringify(apiUrl),
    },
    server: { host: '127.0.0.1', port: 5173, proxy },
    preview: {
      host: '127.0.0.1',
      port: 4173,
      proxy,
      // The production headers (deploy/nginx.conf has the same), so the e2e suite runs under the
      // strict CSP. Not for `server`: the dev server's React refresh needs an inline script.
      headers: securityHeaders(apiUrl),
    },
    test: {
      environment: 'jsdom',
      setupFiles: ['./src/test/setup.ts'],
      include: ['src/**/*.test.{ts,tsx}'],
      restoreMocks: true,
    },
  };
});
