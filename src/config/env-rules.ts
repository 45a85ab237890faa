import { COOKIE_MODES, DIALECTS } from '../backends/registry.ts';
import {
  API_PROFILES,
  LOGIN_IDENTIFIERS,
  type ApiProfile,
  type LoginIdentifier,
} from '../backends/vocabulary.ts';

/**
 * The rules for the environment variables, shared by vite.config.ts (which refuses to start or
 * build with a bad value) and the app (which reads the values Vite baked in).
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** An absolute http(s) URL with no query, hash or credentials; null for an empty value. */
function parseHttpUrl(name: string, raw: string | undefined, shape: string): Parsed<URL | null> {
  const value = (raw ?? '').trim();
  if (value === '') return { ok: true, value: null };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return {
      ok: false,
      problem: `${name} must be an absolute URL such as http://127.0.0.1:5000, got "${value}".`,
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, problem: `${name} must use http or https, got "${value}".` };
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    return {
      ok: false,
      problem: `${name} must be ${shape}, got "${value}".`,
    };
  }
  return { ok: true, value: url };
}

/**
 * VITE_API_URL: an http(s) origin with an optional path prefix, or a path prefix on the app's own
 * origin (`/api`, where one host serves the app and its API); '' means the app's own origin.
 */
export function parseApiUrl(raw: string | undefined): Parsed<string> {
  const value = (raw ?? '').trim();
  if (value.startsWith('/') && !value.startsWith('//')) {
    // A path only when the URL parser reads it back unchanged: no query, hash, dot segment or
    // character it would have to escape.
    const path = value.replace(/\/+$/, '');
    const onThisOrigin = new URL(path, 'http://app.invalid');
    if (path !== '' && (onThisOrigin.pathname !== path || onThisOrigin.search !== '')) {
      return {
        ok: false,
        problem: `VITE_API_URL must be an origin such as http://127.0.0.1:5000 or a path such as /api, got "${value}".`,
      };
    }
    return { ok: true, value: path };
  }
  const parsed = parseHttpUrl(
    'VITE_API_URL',
    raw,
    'an origin with an optional path, and nothing else',
  );
  if (!parsed.ok) return parsed;
  const url = parsed.value;
  return { ok: true, value: url === null ? '' : (url.origin + url.pathname).replace(/\/+$/, '') };
}

/** A `true`/`false` variable; unset or blank means `fallback`. */
export function parseFlag(
  name: string,
  raw: string | undefined,
  fallback: boolean,
): Parsed<boolean> {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '') return { ok: true, value: fallback };
  if (value === 'true' || value === 'false') return { ok: true, value: value === 'true' };
  return { ok: false, problem: `${name} must be "true" or "false", got "${raw ?? ''}".` };
}

/** VITE_API_MOCKING: on by default in the dev server, off by default in a build. */
export function parseMockingFlag(raw: string | undefined, devServer: boolean): Parsed<boolean> {
  return parseFlag('VITE_API_MOCKING', raw, devServer);
}

export interface FeatureEnv {
  /** VITE_API_PROFILE: the backend's dialect. */
  apiProfile: ApiProfile;
  /** VITE_LOGIN_IDENTIFIER: the field the forms ask for and the bodies carry. */
  loginIdentifier: LoginIdentifier;
  /** VITE_SIGNUP: the /signup page and its link (on by default where the profile has sign-up). */
  signup: boolean;
  /** VITE_API_LOGOUT: Log out also asks the backend to revoke the session's tokens. */
  apiLogout: boolean;
  /**
   * VITE_PASSWORD_RESET: /forgot-password, /reset-password and their link (on by default with
   * flask-jwt-extended).
   */
  passwordReset: boolean;
  /** VITE_TOKEN_STORAGE: where the tokens live, `localStorage` or httpOnly cookies. */
  tokenStorage: TokenStorage;
  /** VITE_TWO_FACTOR: the account page's two-step verification (TOTP) section. */
  twoFactor: boolean;
  /** VITE_PASSKEYS: Sign in with a passkey on /login, and the account page's passkeys. */
  passkeys: boolean;
}

export const TOKEN_STORAGES = ['localStorage', 'cookie'] as const;
export type TokenStorage = (typeof TOKEN_STORAGES)[number];

/** One of `choices`, in any case; unset or blank means the first. */
function oneOf<T extends string>(
  name: string,
  choices: readonly [T, ...T[]],
  raw: string | undefined,
) {
  const value = (raw ?? '').trim().toLowerCase() || choices[0].toLowerCase();
  const choice = choices.find((candidate) => candidate.toLowerCase() === value);
  if (choice !== undefined) return { ok: true as const, value: choice };
  const listed = choices.map((candidate) => `"${candidate}"`).join(', ');
  return { ok: false as const, problem: `${name} must be one of ${listed}, got "${raw ?? ''}".` };
}

/** The variables that choose what the app offers; the same in every kind of run. */
export function parseFeatureEnv(raw: {
  VITE_API_PROFILE?: string;
  VITE_LOGIN_IDENTIFIER?: string;
  VITE_SIGNUP?: string;
  VITE_API_LOGOUT?: string;
  VITE_PASSWORD_RESET?: string;
  VITE_TOKEN_STORAGE?: string;
  VITE_TWO_FACTOR?: string;
  VITE_PASSKEYS?: string;
}): Parsed<FeatureEnv> {
  const apiProfile = oneOf('VITE_API_PROFILE', API_PROFILES, raw.VITE_API_PROFILE);
  if (!apiProfile.ok) return apiProfile;
  const loginIdentifier = oneOf(
    'VITE_LOGIN_IDENTIFIER',
    LOGIN_IDENTIFIERS,
    raw.VITE_LOGIN_IDENTIFIER,
  );
  if (!loginIdentifier.ok) return loginIdentifier;
  const dialect = DIALECTS[apiProfile.value];
  if (!dialect.identifiers.includes(loginIdentifier.value)) {
    return {
      ok: false,
      problem:
        `VITE_LOGIN_IDENTIFIER=${loginIdentifier.value} is not available with the ` +
        `${apiProfile.value} profile, which logs in with ${dialect.identifiers.join(' or ')} ` +
        `(SimpleJWT takes the user model's USERNAME_FIELD: Django's User has username).`,
    };
  }
  const signup = parseFlag('VITE_SIGNUP', raw.VITE_SIGNUP, dialect.signup !== null);
  if (!signup.ok) return signup;
  if (signup.value && dialect.signup === null) {
    return {
      ok: false,
      problem:
        `VITE_SIGNUP=true needs a sign-up endpoint, and the ${apiProfile.value} profile has none. ` +
        `Leave VITE_SIGNUP unset or set it to false.`,
    };
  }
  const apiLogout = parseFlag('VITE_API_LOGOUT', raw.VITE_API_LOGOUT, false);
  if (!apiLogout.ok) return apiLogout;
  if (apiLogout.value && dialect.logout === null) {
    return {
      ok: false,
      problem:
        `VITE_API_LOGOUT=true needs an endpoint that revokes tokens, and the ${apiProfile.value} ` +
        `profile has none. Leave VITE_API_LOGOUT unset or set it to false.`,
    };
  }
  // On by default for flask-jwt-extended only: FastAPI's and Django's own tutorials have no such
  // routes, and a link to a page that can only say "not available" helps nobody.
  const passwordReset = parseFlag(
    'VITE_PASSWORD_RESET',
    raw.VITE_PASSWORD_RESET,
    apiProfile.value === 'flask-jwt-extended',
  );
  if (!passwordReset.ok) return passwordReset;
  if (passwordReset.value && dialect.account === null) {
    return {
      ok: false,
      problem:
        `VITE_PASSWORD_RESET=true needs password reset routes, and the ${apiProfile.value} ` +
        `profile has none. Leave VITE_PASSWORD_RESET unset or set it to false.`,
    };
  }
  const tokenStorage = oneOf('VITE_TOKEN_STORAGE', TOKEN_STORAGES, raw.VITE_TOKEN_STORAGE);
  if (!tokenStorage.ok) return tokenStorage;
  if (tokenStorage.value === 'cookie' && COOKIE_MODES[apiProfile.value] === null) {
    return {
      ok: false,
      problem:
        `VITE_TOKEN_STORAGE=cookie needs a backend that keeps its tokens in httpOnly cookies ` +
        `with a CSRF double submit (flask-jwt-extended's cookie mode), and the ` +
        `${apiProfile.value} profile sends its tokens in the answer's body. Leave ` +
        `VITE_TOKEN_STORAGE unset or set it to localStorage.`,
    };
  }
  const twoFactor = factorFlag('VITE_TWO_FACTOR', raw.VITE_TWO_FACTOR, 'two-step verification');
  if (!twoFactor.ok) return twoFactor;
  const passkeys = factorFlag('VITE_PASSKEYS', raw.VITE_PASSKEYS, 'passkey');
  if (!passkeys.ok) return passkeys;
  return {
    ok: true,
    value: {
      apiProfile: apiProfile.value,
      loginIdentifier: loginIdentifier.value,
      signup: signup.value,
      apiLogout: apiLogout.value,
      passwordReset: passwordReset.value,
      tokenStorage: tokenStorage.value,
      twoFactor: twoFactor.value,
      passkeys: passkeys.value,
    },
  };

  // Off by default: the tutorial's backend has neither. A login's second step is answered
  // whatever the switches say; they add what sets the factors up.
  function factorFlag(name: string, value: string | undefined, what: string): Parsed<boolean> {
    const flag = parseFlag(name, value, false);
    if (!flag.ok || !flag.value || dialect.factors !== null) return flag;
    return {
      ok: false,
      problem:
        `${name}=true needs the ${what} routes of the reference Flask backend, and the ` +
        `${apiProfile.value} profile has none. Leave ${name} unset or set it to false.`,
    };
  }
}

const PROXY_SHAPE = 'an origin (scheme, host and port) with no path, such as http://127.0.0.1:5000';

/**
 * VITE_API_PROXY: the backend's origin (`http://127.0.0.1:5000`) to which `npm run dev` and
 * `vite preview` forward the API paths, for a backend without CORS; '' means no proxy. An origin
 * only: the proxy forwards `/token` to `<origin>/token`, so a path would not be used.
 */
export function parseApiProxy(raw: string | undefined): Parsed<string> {
  const parsed = parseHttpUrl('VITE_API_PROXY', raw, PROXY_SHAPE);
  if (!parsed.ok) return parsed;
  const url = parsed.value;
  if (url === null) return { ok: true, value: '' };
  if (url.pathname !== '/') {
    return {
      ok: false,
      problem: `VITE_API_PROXY must be ${PROXY_SHAPE}, got "${(raw ?? '').trim()}".`,
    };
  }
  return { ok: true, value: url.origin };
}

export interface ApiEnv {
  /** VITE_API_URL, normalized; '' means the app's own origin. */
  apiUrl: string;
  /** VITE_API_MOCKING, with its default applied. */
  mocking: boolean;
  /** VITE_API_PROXY, as an origin; '' means no proxy. */
  apiProxy: string;
}

/**
 * What Vite is doing: `vite` (the dev server) or `vite build`. `vite preview` reads none of these
 * rules: it serves a build as built (vite-plugins/preview-from-build.ts).
 */
export type ViteRun = 'dev' | 'build';

/**
 * The API variables together. With VITE_API_PROXY in the dev server:
 * - VITE_API_URL must be empty or a path: the app calls its own origin, and the server forwards;
 * - the mock is off by default, and VITE_API_MOCKING=true is refused: its service worker answers
 *   in the browser, before any request reaches the proxy.
 * A build checks only the value's form: the proxy exists in Vite's servers alone, so a
 * VITE_API_PROXY left in `.env.local` does not stand in the way of
 * `VITE_API_URL=https://api.example.com npm run build`.
 */
export function parseApiEnv(
  raw: {
    VITE_API_URL?: string;
    VITE_API_MOCKING?: string;
    VITE_API_PROXY?: string;
    VITE_BACKEND_URL?: string;
  },
  run: ViteRun,
): Parsed<ApiEnv> {
  const backendUrl = (raw.VITE_BACKEND_URL ?? '').trim();
  if (backendUrl !== '' && (raw.VITE_API_URL ?? '').trim() === '') {
    // The course project's boilerplate has its own variable for where its API lives. Guessing
    // from it could bake a development address into a deployed build: say what to set instead.
    return {
      ok: false,
      problem:
        `VITE_BACKEND_URL is set (to "${backendUrl}") but Gatehouse reads VITE_API_URL. Set ` +
        `VITE_API_URL=/api when one Flask host serves the app and its API (the boilerplate's ` +
        `deploy), or VITE_API_URL=${backendUrl.replace(/\/+$/, '')}/api to call that backend ` +
        `from another origin.`,
    };
  }
  const apiUrl = parseApiUrl(raw.VITE_API_URL);
  if (!apiUrl.ok) return apiUrl;
  const apiProxy = parseApiProxy(raw.VITE_API_PROXY);
  if (!apiProxy.ok) return apiProxy;
  const proxying = run !== 'build' && apiProxy.value !== '';
  const mocking = parseMockingFlag(raw.VITE_API_MOCKING, run !== 'build' && !proxying);
  if (!mocking.ok) return mocking;
  if (!proxying) {
    return { ok: true, value: { apiUrl: apiUrl.value, mocking: mocking.value, apiProxy: '' } };
  }

  if (apiUrl.value !== '' && !apiUrl.value.startsWith('/')) {
    return {
      ok: false,
      problem:
        `VITE_API_PROXY and an absolute VITE_API_URL cannot both be set: with the proxy, the app ` +
        `calls its own origin (under a path such as /api, if you like) and the server forwards ` +
        `the API paths to ${apiProxy.value}. Unset VITE_API_URL (got "${apiUrl.value}") or make ` +
        `it a path, or unset VITE_API_PROXY to call VITE_API_URL directly (the backend then ` +
        `needs CORS).`,
    };
  }
  if (mocking.value) {
    return {
      ok: false,
      problem:
        `VITE_API_PROXY cannot be used with VITE_API_MOCKING=true: the mock API's service worker ` +
        `answers the API requests in the browser, so none would reach the proxy. Set ` +
        `VITE_API_MOCKING=false or leave it unset (with VITE_API_PROXY it defaults to false), or ` +
        `unset VITE_API_PROXY to use the mock.`,
    };
  }
  return {
    ok: true,
    value: { apiUrl: apiUrl.value, mocking: mocking.value, apiProxy: apiProxy.value },
  };
}

/**
 * What a build with cookie sessions cannot check by itself: where it will be served. The browser
 * keeps the cookies for the API's host, and the page reads their CSRF values only when it is on
 * that host or, with the backend's JWT_COOKIE_DOMAIN, on a sibling of it. Null when the API is on
 * the app's own origin (a path, or the proxy), where cookies always work.
 */
export function cookieSiteWarning(apiUrl: string, tokenStorage: TokenStorage): string | null {
  if (tokenStorage !== 'cookie' || apiUrl === '' || apiUrl.startsWith('/')) return null;
  const { hostname } = new URL(apiUrl);
  const parent = hostname.split('.').slice(1).join('.');
  const sibling =
    parent.includes('.') && !/^[\d.]+$/.test(hostname)
      ? `, or on another host under ${parent} with the backend's JWT_COOKIE_DOMAIN=${parent}`
      : '';
  return (
    `VITE_TOKEN_STORAGE=cookie with the API at ${apiUrl}: serve this build on ${hostname} ` +
    `(any port)${sibling}. The session's cookies belong to the API's host, and a page on another ` +
    `site cannot read their CSRF values (nor send them: SameSite), so every login would fail ` +
    `with "its session cookie did not reach this page".`
  );
}
