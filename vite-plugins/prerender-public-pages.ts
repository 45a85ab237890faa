/**
 * `npm run build` writes the public pages as HTML (`login.en.html`, `login.es.html`, and the same
 * for /signup when the build has it), so the form is on screen from the first byte, before any
 * script. Each is the build's index.html with the page rendered into #root by React's static API
 * (src/prerender/render-public-page.tsx), in the app's own modules: a second Vite, in this
 * process, loads them for Node, in a DOM of jsdom's (their storage and language code runs at
 * import). The servers pick the file by the reader's language (src/prerender/public-pages.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { createServer, type Plugin, type Rollup } from 'vite';
import { STYLESHEET_LINK } from './deployment-files.ts';
import { EARLY_SUBMIT_SCRIPT, LOGIN_CODE_ATTRIBUTE } from '../src/lib/early-submit.ts';
import {
  PRERENDERED_LOCALES,
  prerenderedFile,
  type PrerenderedLocale,
  type PrerenderedPath,
} from '../src/config/prerendered-pages.ts';

type RenderPublicPage = (path: PrerenderedPath, locale: PrerenderedLocale) => Promise<string>;

const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage'] as const;

/** Runs `work` with a jsdom window as the global browser objects, then puts Node's back. */
async function inJsdom<T>(work: () => Promise<T>): Promise<T> {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', {
    url: 'http://localhost/',
  });
  const saved = DOM_GLOBALS.map(
    (name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const,
  );
  for (const name of DOM_GLOBALS) {
    Object.defineProperty(globalThis, name, {
      value: window[name],
      configurable: true,
      writable: true,
    });
  }
  try {
    return await work();
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor === undefined) Reflect.deleteProperty(globalThis, name);
      else Object.defineProperty(globalThis, name, descriptor);
    }
    window.close();
  }
}

/**
 * The build's index.html with `markup` in #root, marked so the client knows it may hydrate, and
 * its stylesheets inline (`readAsset` reads them from the build): a second round trip for the CSS
 * would hold the first paint back. Their hashes are in the build's style-src (deployment-files.ts).
 */
export function pageFromShell(
  shell: string,
  markup: string,
  path: PrerenderedPath,
  locale: PrerenderedLocale,
  readAsset: (href: string) => string,
  loginCode: readonly string[] = [],
): string {
  const root = '<div id="root"></div>';
  if (!shell.includes(root)) throw new Error(`index.html has no ${root} to prerender into`);
  // Log in works before the bundle arrives (src/lib/early-submit.ts); the script's hash is in the
  // build's script-src.
  const login = path === '/login';
  const loginCodeAttribute = login ? ` ${LOGIN_CODE_ATTRIBUTE}="${loginCode.join(' ')}"` : '';
  return shell
    .replace(STYLESHEET_LINK, (_link, href: string) => `<style>${readAsset(href)}</style>`)
    .replace(/<html lang="[^"]*">/, `<html lang="${locale}">`)
    .replace(
      root,
      `<div id="root" data-prerendered="${path}" data-locale="${locale}"${loginCodeAttribute}>` +
        `${markup}</div>${login ? `<script>${EARLY_SUBMIT_SCRIPT}</script>` : ''}`,
    );
}

/** The module the login request's chunk starts from (login-request-loader.ts imports it). */
const LOGIN_REQUEST_MODULE = /\/src\/public\/login\/login-request\.ts$/;

/**
 * The files of the login request's chunk and of the chunks it imports, but the entry's, which the
 * page has loaded anyway: what a held submit fetches (`base` + file name).
 */
function loginCodeFiles(bundle: Rollup.OutputBundle, base: string): string[] {
  const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const start = chunks.find((chunk) => LOGIN_REQUEST_MODULE.test(chunk.facadeModuleId ?? ''));
  if (start === undefined) throw new Error('the build has no login request chunk');
  const files = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = byFile.get(fileName);
    if (chunk === undefined || chunk.isEntry || files.has(fileName)) return;
    files.add(fileName);
    chunk.imports.forEach(visit);
  };
  visit(start.fileName);
  return [...files].map((file) => `${base}${file}`);
}

export function prerenderPublicPages(options: {
  paths: readonly PrerenderedPath[];
  define: Record<string, string>;
}): Plugin {
  let root = '';
  let outDir = '';
  let base = '/';
  let loginCode: string[] = [];
  return {
    name: 'gatehouse:prerender-public-pages',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
      base = config.base;
    },
    generateBundle(_options, bundle) {
      loginCode = loginCodeFiles(bundle, base);
    },
    async closeBundle() {
      const shell = readFileSync(join(outDir, 'index.html'), 'utf8');
      const server = await createServer({
        configFile: false,
        root,
        define: options.define,
        logLevel: 'error',
        appType: 'custom',
        server: { middlewareMode: true, hmr: false, ws: false },
      });
      try {
        await inJsdom(async () => {
          const { renderPublicPage } = (await server.ssrLoadModule(
            '/src/prerender/render-public-page.tsx',
          )) as { renderPublicPage: RenderPublicPage };
          for (const path of options.paths) {
            for (const locale of PRERENDERED_LOCALES) {
              const markup = await renderPublicPage(path, locale);
              writeFileSync(
                join(outDir, prerenderedFile(path, locale)),
                pageFromShell(
                  shell,
                  markup,
                  path,
                  locale,
                  (href) => readFileSync(join(outDir, href), 'utf8'),
                  loginCode,
                ),
              );
            }
          }
        });
      } finally {
        await server.close();
      }
    },
  };
}
