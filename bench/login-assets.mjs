// @ts-check
/**
 * The JavaScript and CSS that the built index.html makes a browser load before any route code
 * runs: the entry script, its modulepreloads and the stylesheets. The /login route loads exactly
 * these (the bench cross-checks that in a real browser); the private chunk is not among them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * @typedef {{ file: string, kind: 'js' | 'css', raw: number, gzip: number }} Asset
 */

/** @param {Buffer} body */
export function gzipSize(body) {
  return gzipSync(body, { level: 9 }).length;
}

/**
 * @param {string} distDir
 * @returns {Asset[]}
 */
export function initialAssets(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g),
  ].map((match) => match[1] ?? '');
  return [...new Set(refs)].map((ref) => {
    const body = readFileSync(join(distDir, ref.replace(/^\//, '')));
    return {
      file: ref,
      kind: ref.endsWith('.css') ? 'css' : 'js',
      raw: body.length,
      gzip: gzipSize(body),
    };
  });
}

/** @param {Asset[]} assets */
export function totals(assets) {
  /** @param {'js' | 'css'} kind */
  const sum = (kind) =>
    assets
      .filter((asset) => asset.kind === kind)
      .reduce((acc, asset) => ({ raw: acc.raw + asset.raw, gzip: acc.gzip + asset.gzip }), {
        raw: 0,
        gzip: 0,
      });
  return { js: sum('js'), css: sum('css') };
}
