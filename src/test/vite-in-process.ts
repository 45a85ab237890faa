/**
 * Node-environment tests that run the repository's own vite.config.ts in this process (a dev
 * server, a build, `vite preview`), with chosen VITE_ variables for the time Vite reads them.
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InlineConfig, PreviewServer, ViteDevServer } from 'vite';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const VARIABLES = [
  'VITE_API_PROXY',
  'VITE_API_URL',
  'VITE_API_MOCKING',
  'VITE_API_PROFILE',
  'VITE_LOGIN_IDENTIFIER',
  'VITE_SIGNUP',
  'VITE_API_LOGOUT',
  'VITE_PASSWORD_RESET',
  'VITE_TOKEN_STORAGE',
  'VITE_TWO_FACTOR',
  'VITE_PASSKEYS',
] as const;
export type ViteVariables = Partial<Record<(typeof VARIABLES)[number], string>>;

/**
 * Runs `start` with exactly these variables set and the others unset (a developer's shell must
 * not leak in), then restores the environment. An empty value beats a developer's .env.local.
 */
export async function withEnv<T>(values: ViteVariables, start: () => Promise<T>): Promise<T> {
  const saved = VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const name of VARIABLES) {
    const value = values[name];
    if (value === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = value;
  }
  try {
    return await start();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  }
}

/** The repository's config, quiet, with a cache folder of the test's own. */
export function repoViteConfig(): InlineConfig {
  return {
    configFile: join(repoRoot, 'vite.config.ts'),
    root: repoRoot,
    logLevel: 'silent',
    // Nothing to pre-bundle or watch for these requests; keep node_modules/.vite untouched.
    cacheDir: mkdtempSync(join(tmpdir(), 'gatehouse-vite-cache-')),
    optimizeDeps: { noDiscovery: true, include: [] },
  };
}

export function originOf(server: ViteDevServer | PreviewServer): string {
  const address = server.httpServer?.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}
