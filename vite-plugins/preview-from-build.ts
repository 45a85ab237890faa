import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { readBuildManifest } from './build-manifest.ts';
import { servingWarnings } from './serving-warnings.ts';

/**
 * `vite preview` sends the headers the served build wrote (gatehouse-build.json), not headers
 * computed from its own environment, and says at start where that environment contradicts it.
 */
export function previewFromBuild(
  servingEnv: { VITE_API_URL?: string; VITE_API_MOCKING?: string },
  apiProxy: string,
): Plugin {
  return {
    name: 'gatehouse:preview-from-build',
    configurePreviewServer(server) {
      const { root, build, logger } = server.config;
      const manifest = readBuildManifest(resolve(root, build.outDir));
      for (const warning of servingWarnings(servingEnv, manifest, apiProxy)) {
        logger.warn(`\nGatehouse: ${warning}`);
      }
      server.middlewares.use((_request, response, next) => {
        for (const [name, value] of Object.entries(manifest.headers)) {
          response.setHeader(name, value);
        }
        next();
      });
    },
  };
}
