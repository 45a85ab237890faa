import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { apiProxyRules } from '../src/config/api-proxy.ts';
import { DIALECTS } from '../src/backends/registry.ts';
import { readBuildManifest, type BuildManifest } from './build-manifest.ts';
import { prerenderedPageMiddleware } from './prerendered-page-middleware.ts';
import { servingWarnings } from './serving-warnings.ts';

/**
 * `vite preview` serves a build as it was built (gatehouse-build.json): it sends the headers the
 * build wrote, not headers computed from its own environment; with VITE_API_PROXY it forwards the
 * paths of the build's dialect; it sends /login and /signup prerendered, in the reader's language;
 * and it says at start where its environment contradicts the build.
 */
export function previewFromBuild(
  servingEnv: { VITE_API_URL?: string; VITE_API_MOCKING?: string; VITE_API_PROFILE?: string },
  apiProxy: string,
): Plugin {
  let manifest: BuildManifest;
  let outDir = '';
  return {
    name: 'gatehouse:preview-from-build',
    // The `config` hook sees the command line's --outDir, merged into the user config.
    config(config) {
      const root = resolve(config.root ?? process.cwd());
      outDir = resolve(root, config.build?.outDir ?? 'dist');
      manifest = readBuildManifest(outDir);
      if (apiProxy === '') return undefined;
      // A build whose VITE_API_URL is a path (`/api`) calls this origin under it: forward that.
      const prefix = manifest.apiUrl.startsWith('/') ? manifest.apiUrl : '';
      return {
        preview: { proxy: apiProxyRules(apiProxy, DIALECTS[manifest.apiProfile], prefix) },
      };
    },
    configurePreviewServer(server) {
      for (const warning of servingWarnings(servingEnv, manifest, apiProxy)) {
        server.config.logger.warn(`\nGatehouse: ${warning}`);
      }
      server.middlewares.use((_request, response, next) => {
        for (const [name, value] of Object.entries(manifest.headers)) {
          response.setHeader(name, value);
        }
        next();
      });
      server.middlewares.use(prerenderedPageMiddleware(outDir));
    },
  };
}
