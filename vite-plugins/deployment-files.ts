import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import {
  createBuildManifest,
  headersFile,
  HEADERS_FILE,
  MANIFEST_FILE,
  type BuildDecisions,
} from './build-manifest.ts';

import { cspHash } from './security-headers.ts';

/** A stylesheet link of index.html, as Vite writes it: the prerendered pages inline its file. */
export const STYLESHEET_LINK = /<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g;

const linkedStylesheets = (html: string) =>
  [...html.matchAll(STYLESHEET_LINK)].map(([, href]) => href ?? '');

/**
 * `npm run build` writes what its servers must send beside what they serve (build-manifest.ts),
 * the hashes of the stylesheets its prerendered pages inline among them.
 */
export function deploymentFiles(decided: BuildDecisions): Plugin {
  return {
    name: 'gatehouse:deployment-files',
    apply: 'build',
    // Once the files are written: the hash is of the stylesheet as it is on disk.
    writeBundle(options) {
      const outDir = options.dir ?? 'dist';
      const shell = readFileSync(join(outDir, 'index.html'), 'utf8');
      const hashes = linkedStylesheets(shell).map((href) =>
        cspHash(readFileSync(join(outDir, href), 'utf8')),
      );
      const manifest = createBuildManifest(decided, hashes);
      writeFileSync(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
      writeFileSync(join(outDir, HEADERS_FILE), headersFile(manifest));
    },
  };
}
