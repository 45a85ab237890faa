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
import type { ApiProfile } from '../src/backends/vocabulary';

export type Mode = 'cross-origin' | 'proxy';
export const MODES: readonly Mode[] = ['cross-origin', 'proxy'];

export interface Backend {
  port: number;
  /** Which reference backend (examples/*-api) serves it; the app is built for that dialect. */
  profile: ApiProfile;
  /** The reference backend's settings (its README's); null: nothing listens. */
  settings: Record<string, string> | null;
  /** The API's path under the origin (the course project's /api), part of VITE_API_URL. */
  prefix?: string;
  /** What the app is built with, besides the API URL. */
  build?: Record<string, string>;
  /**
   * Served cross-origin only: the proxy forwards `/token` to `/token`, so a backend under a prefix
   * cannot be proxied; and a flow that one mode proves needs no second build.
   */
  crossOriginOnly?: boolean;
  /**
   * Served by examples/course-project (the react-flask-hello boilerplate's backend, on a fresh
   * database migrated as a student does) instead of examples/flask-api; `settings` are then
   * unused but for null.
   */
  example?: 'course-project';
  /**
   * The app and its API on one origin: the example's Flask serves the build (made with `build`,
   * whose VITE_API_URL is a path) beside its API, as the boilerplate serves dist/. Cross-origin
   * project only; no `vite preview`.
   */
  oneHost?: boolean;
  /**
   * The host names the browser opens the app and calls the API by, when they are not 127.0.0.1
   * (every server still listens there). A session in cookies needs them: the page reads its csrf
   * cookie only on the host, or the parent domain, the API set it for (cookies ignore the port),
   * and the browser sends SameSite cookies only within one site (127.0.0.1 and localhost are two).
   */
  hosts?: { app: string; api: string };
}

export type BackendName =
  | 'standard'
  | 'short-lived'
  | 'refresh'
  | 'course'
  | 'course-one-host'
  | 'down'
  | 'fastapi'
  | 'fastapi-short-lived'
  | 'simplejwt'
  | 'simplejwt-short-lived'
  | 'simplejwt-rotating'
  | 'cookie'
  | 'cookie-sibling'
  | 'course-one-host-cookie'
  | 'factors';

/**
 * flask-jwt-extended's cookie mode with renewal: 3 s access tokens (a test waits them out), 20 s
 * refresh tokens (longer than a flow that renews).
 */
const COOKIE_SETTINGS = {
  TOKEN_LOCATION: 'cookies',
  ACCESS_TOKEN_SECONDS: '3',
  REFRESH_TOKENS: 'true',
  REFRESH_TOKEN_SECONDS: '20',
};
const COOKIE_BUILD = { VITE_TOKEN_STORAGE: 'cookie' };

/**
 * The names Chromium maps to 127.0.0.1 (the config's --host-resolver-rules): two hosts of one
 * site, as app.example.com and api.example.com.
 */
export const SIBLING_DOMAIN = 'gatehouse.test';

const FASTAPI = { VITE_API_PROFILE: 'fastapi' };
const SIMPLEJWT = { VITE_API_PROFILE: 'simplejwt' };

export const BACKENDS: Record<BackendName, Backend> = {
  // The tutorial's API plus sign-up and the logout blocklist; the app revokes its token on Log out.
  // Its seed users johndoe and alice are account.spec.ts's: their passwords change, their tokens
  // are revoked.
  standard: {
    port: 5201,
    profile: 'flask-jwt-extended',
    settings: {},
    build: { VITE_API_LOGOUT: 'true' },
  },
  // Sessions end while a test watches: 3 s tokens (the app allows 5 s of clock skew after exp).
  // No sign-up, like the tutorial's own backend.
  'short-lived': {
    port: 5202,
    profile: 'flask-jwt-extended',
    settings: { ACCESS_TOKEN_SECONDS: '3', SIGNUP: 'false' },
  },
  refresh: {
    port: 5203,
    profile: 'flask-jwt-extended',
    settings: { ACCESS_TOKEN_SECONDS: '3', REFRESH_TOKENS: 'true', REFRESH_TOKEN_SECONDS: '15' },
  },
  // The course project on the boilerplate's backend (examples/course-project): users log in with
  // their email, the API lives under /api, Log out puts the token on the blocklist table.
  course: {
    port: 5204,
    profile: 'flask-jwt-extended',
    example: 'course-project',
    settings: {},
    prefix: '/api',
    build: { VITE_LOGIN_IDENTIFIER: 'email', VITE_API_LOGOUT: 'true' },
    crossOriginOnly: true,
  },
  // The same, deployed as the boilerplate deploys: one Flask serving the build and the API.
  'course-one-host': {
    port: 5205,
    profile: 'flask-jwt-extended',
    example: 'course-project',
    settings: {},
    prefix: '/api',
    build: { VITE_API_URL: '/api', VITE_LOGIN_IDENTIFIER: 'email', VITE_API_LOGOUT: 'true' },
    crossOriginOnly: true,
    oneHost: true,
  },
  // A backend that is down: its port has no listener.
  down: { port: 5209, profile: 'flask-jwt-extended', settings: null },
  // FastAPI's OAuth2-with-JWT tutorial: a form login, no refresh tokens, no logout route. Its seed
  // user johndoe is account.spec.ts's.
  fastapi: {
    port: 5211,
    profile: 'fastapi',
    settings: {},
    build: { ...FASTAPI, VITE_PASSWORD_RESET: 'true' },
  },
  'fastapi-short-lived': {
    port: 5212,
    profile: 'fastapi',
    settings: { ACCESS_TOKEN_SECONDS: '3' },
    build: FASTAPI,
    crossOriginOnly: true,
  },
  // Django REST framework + SimpleJWT; Log out blacklists the refresh token. Its seed user johndoe
  // is account.spec.ts's.
  simplejwt: {
    port: 5213,
    profile: 'simplejwt',
    settings: {},
    build: { ...SIMPLEJWT, VITE_API_LOGOUT: 'true', VITE_PASSWORD_RESET: 'true' },
  },
  // Renewal with /api/token/refresh/, then the refresh token's own end.
  'simplejwt-short-lived': {
    port: 5214,
    profile: 'simplejwt',
    settings: { ACCESS_TOKEN_SECONDS: '3', REFRESH_TOKEN_SECONDS: '15' },
    build: SIMPLEJWT,
    crossOriginOnly: true,
  },
  // ROTATE_REFRESH_TOKENS with BLACKLIST_AFTER_ROTATION: every renewal replaces the refresh token.
  'simplejwt-rotating': {
    port: 5215,
    profile: 'simplejwt',
    settings: { ACCESS_TOKEN_SECONDS: '3', ROTATE_REFRESH_TOKENS: 'true' },
    build: SIMPLEJWT,
    crossOriginOnly: true,
  },
  // The session in httpOnly cookies, the app and its API on two ports of localhost (one host for
  // the cookies, one site for SameSite), cross-origin and through the proxy.
  cookie: {
    port: 5221,
    profile: 'flask-jwt-extended',
    settings: COOKIE_SETTINGS,
    build: COOKIE_BUILD,
    hosts: { app: 'localhost', api: 'localhost' },
  },
  // The app and its API on sibling hosts: the API sets its cookies for the parent domain, where
  // the app's page can read the csrf ones.
  'cookie-sibling': {
    port: 5222,
    profile: 'flask-jwt-extended',
    settings: { ...COOKIE_SETTINGS, COOKIE_DOMAIN: SIBLING_DOMAIN },
    build: COOKIE_BUILD,
    crossOriginOnly: true,
    hosts: { app: `app.${SIBLING_DOMAIN}`, api: `api.${SIBLING_DOMAIN}` },
  },
  // The course project's one-host deploy in cookie mode: the API under /api of the app's origin.
  'course-one-host-cookie': {
    port: 5223,
    profile: 'flask-jwt-extended',
    example: 'course-project',
    settings: { TOKEN_LOCATION: 'cookies' },
    prefix: '/api',
    build: { ...COOKIE_BUILD, VITE_API_URL: '/api', VITE_LOGIN_IDENTIFIER: 'email' },
    crossOriginOnly: true,
    oneHost: true,
  },
  // Two-step verification and passkeys, opened on localhost (browsers refuse passkeys on an IP
  // address); the backend's relying party is the app's origin (the config's passkeySettings).
  // Cross-origin only: the proxy changes nothing a second build would prove.
  factors: {
    port: 5224,
    profile: 'flask-jwt-extended',
    settings: {},
    build: { VITE_TWO_FACTOR: 'true', VITE_PASSKEYS: 'true' },
    crossOriginOnly: true,
    hosts: { app: 'localhost', api: 'localhost' },
  },
};
export const BACKEND_NAMES = Object.keys(BACKENDS) as BackendName[];

/**
 * BACKEND_E2E_PORT_OFFSET=20000: every port above moves by that much, for a second run of the
 * suite beside one already running on this machine (the workers inherit the variable).
 */
const PORT_OFFSET = Number(process.env.BACKEND_E2E_PORT_OFFSET ?? '0');
if (!Number.isInteger(PORT_OFFSET) || PORT_OFFSET < 0 || PORT_OFFSET > 40_000) {
  throw new Error(`BACKEND_E2E_PORT_OFFSET must be a whole number from 0 to 40000`);
}
for (const backend of Object.values(BACKENDS)) backend.port += PORT_OFFSET;

/** Where the browser reaches `name`'s backend. */
export const backendOrigin = (name: BackendName) =>
  `http://${BACKENDS[name].hosts?.api ?? '127.0.0.1'}:${BACKENDS[name].port}`;

/** Where this machine's processes reach it (the proxy, the readiness check): no name to resolve. */
export const backendLoopbackOrigin = (name: BackendName) =>
  `http://127.0.0.1:${BACKENDS[name].port}`;

/** What a cross-origin build of the app is given as VITE_API_URL. */
export const backendApiUrl = (name: BackendName) =>
  backendOrigin(name) + (BACKENDS[name].prefix ?? '');

/**
 * Where this run writes its builds, relative to the repository: a second run beside another
 * (BACKEND_E2E_PORT_OFFSET) must not rebuild, under the first one's preview servers, the folders
 * they serve.
 */
const BUILD_ROOT =
  PORT_OFFSET === 0 ? 'dist-backend-e2e' : `dist-backend-e2e/offset-${String(PORT_OFFSET)}`;

/** Where a one-host backend's build is written, relative to the repository, for Flask to serve. */
export const oneHostOutDir = (name: BackendName) => `${BUILD_ROOT}/one-host-${name}`;

/** Where the app for this mode and backend is built, relative to the repository. */
export const appOutDir = (mode: Mode, name: BackendName) => `${BUILD_ROOT}/${mode}-${name}`;

/** The backends each mode serves the app for. */
export const backendsFor = (mode: Mode) =>
  BACKEND_NAMES.filter((name) => mode === 'cross-origin' || !BACKENDS[name].crossOriginOnly);

/** The port the app for this mode and backend is served on. */
function appPort(mode: Mode, backend: BackendName): number {
  if (BACKENDS[backend].oneHost) return BACKENDS[backend].port;
  return (mode === 'cross-origin' ? 4201 : 4231) + PORT_OFFSET + BACKEND_NAMES.indexOf(backend);
}

/** Where the app for this mode and backend is served. */
export function appOrigin(mode: Mode, backend: BackendName): string {
  if (BACKENDS[backend].oneHost) return backendOrigin(backend);
  return `http://${BACKENDS[backend].hosts?.app ?? '127.0.0.1'}:${String(appPort(mode, backend))}`;
}

/** The same server as this machine's processes reach it. */
export const appLoopbackOrigin = (mode: Mode, backend: BackendName) =>
  `http://127.0.0.1:${String(appPort(mode, backend))}`;
