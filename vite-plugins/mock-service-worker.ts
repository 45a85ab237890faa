import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const WORKER_FILE = 'mockServiceWorker.js';

/**
 * MSW's service worker, taken from the installed msw package (so it always matches the library)
 * and served only where the mock is on: by the dev server, and in the output of a build with
 * VITE_API_MOCKING=true. A default production build has no mockServiceWorker.js at all.
 */
export function mockServiceWorker(enabled: boolean): Plugin {
  const source = () =>
    readFileSync(createRequire(import.meta.url).resolve(`msw/${WORKER_FILE}`), 'utf8');
  return {
    name: 'gatehouse:mock-service-worker',
    configureServer(server) {
      if (!enabled) return;
      server.middlewares.use(`/${WORKER_FILE}`, (_request, response) => {
        response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        response.setHeader('Cache-Control', 'no-cache');
        response.end(source());
      });
    },
    generateBundle() {
      if (enabled) this.emitFile({ type: 'asset', fileName: WORKER_FILE, source: source() });
    },
  };
}
