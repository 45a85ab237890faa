/**
 * What `npm run test:backend` runs: reference backends with different settings, and for each of
 * them the production build served two ways people deploy it. Ports are fixed so that the config
 * (read again by every Playwright worker) and the tests agree without talking to each other.
 *
 * - cross-origin: built with VITE_API_URL pointing at the backend, then served by `vite preview`
 *   with no variable set: the build alone decides its API and its Content-Security-Policy, and
 *   the browser calls the backend directly (CORS).
 * - proxy: built with no API URL, served by `vite preview` with VITE_API_PROXY: the page calls its
 *   own origin and the preview server forwards the API paths.
 */
export type Mode = 'cross-origin' | 'proxy';
export const MODES: readonly Mode[] = ['cross-origin', 'proxy'];

export interface Backend {
  port: number;
  /** The reference backend's settings (examples/flask-api/README.md); null: nothing listens. */
  settings: Record<string, string> | null;
}

export const BACKENDS = {
  standard: { port: 5201, settings: {} },
  // Sessions end while a test watches: 3 s tokens (the app allows 5 s of clock skew after exp).
  'short-lived': { port: 5202, settings: { ACCESS_TOKEN_SECONDS: '3' } },
  refresh: {
    port: 5203,
    settings: { ACCESS_TOKEN_SECONDS: '3', REFRESH_TOKENS: 'true', REFRESH_TOKEN_SECONDS: '15' },
  },
  // A backend that is down: its port has no listener.
  down: { port: 5209, settings: null },
} satisfies Record<string, Backend>;

export type BackendName = keyof typeof BACKENDS;
export const BACKEND_NAMES = Object.keys(BACKENDS) as BackendName[];

export const backendOrigin = (name: BackendName) => `http://127.0.0.1:${BACKENDS[name].port}`;

/** Where the app for this mode and backend is served. */
export function appOrigin(mode: Mode, backend: BackendName): string {
  const port = (mode === 'cross-origin' ? 4201 : 4211) + BACKEND_NAMES.indexOf(backend);
  return `http://127.0.0.1:${port}`;
}
