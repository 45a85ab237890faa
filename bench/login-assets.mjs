// @ts-check
/**
 * The JavaScript and CSS that the built index.html makes a browser load before any route code
 * runs: the entry script, its modulepreloads and the stylesheets, and the script inline in the
 * prerendered /login (counted on its own, as if it came without the page around it). The /login
 * route loads exactly these (the bench cross-checks that in a real browser); the private chunk is
 * not among them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * `inline`: a script inside the prerendered page, not a file of its own.
 * @typedef {{ file: string, kind: 'js' | 'css', raw: number, gzip: number, inline?: boolean }} Asset
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
  /** @type {Asset[]} */
  const files = [...new Set(refs)].map((ref) => {
    const body = readFileSync(join(distDir, ref.replace(/^\//, '')));
    return {
      file: ref,
      kind: ref.endsWith('.css') ? 'css' : 'js',
      raw: body.length,
      gzip: gzipSize(body),
    };
  });
  const login = join(distDir, 'login.en.html');
  const inline = existsSync(login)
    ? [...readFileSync(login, 'utf8').matchAll(/<script>([\s\S]*?)<\/script>/g)].map(([, text]) =>
        Buffer.from(text ?? ''),
      )
    : [];
  return [
    ...files,
    ...inline.map((body) => ({
      file: 'login.en.html (inline)',
      kind: /** @type {const} */ ('js'),
      raw: body.length,
      gzip: gzipSize(body),
      inline: true,
    })),
  ];
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
