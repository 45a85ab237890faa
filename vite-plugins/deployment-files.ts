import type { Plugin } from 'vite';
import {
  createBuildManifest,
  headersFile,
  HEADERS_FILE,
  MANIFEST_FILE,
  type BuildDecisions,
} from './build-manifest.ts';

/** `npm run build` writes what its servers must send beside what they serve (build-manifest.ts). */
export function deploymentFiles(decided: BuildDecisions): Plugin {
  return {
    name: 'gatehouse:deployment-files',
    apply: 'build',
    generateBundle() {
      const manifest = createBuildManifest(decided);
      this.emitFile({
        type: 'asset',
        fileName: MANIFEST_FILE,
        source: `${JSON.stringify(manifest, null, 2)}\n`,
      });
      this.emitFile({ type: 'asset', fileName: HEADERS_FILE, source: headersFile(manifest) });
    },
  };
}
