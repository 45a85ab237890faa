/**
 * The one place that reads and writes the tokens. localStorage under `jwt-token` is the contract
 * with the tutorial's backend code; when storage throws (private mode, quota, disabled), a token
 * lives in memory so the app keeps working for this tab.
 *
 * With the tokens in httpOnly cookies (VITE_TOKEN_STORAGE=cookie) the page holds no token at all:
 * "the token" is then the CSRF value of the cookie the server set beside it (csrf-cookie.ts),
 * which changes and goes with it.
 */
import { COOKIE_SESSIONS, env } from '../config/env';
import { createStorageSubscription } from '../lib/storage-subscription';
import { createCsrfCookie, type CsrfCookie } from './csrf-cookie';

export const TOKEN_STORAGE_KEY = 'jwt-token';
/** Where a refresh token goes, for backends that issue one (flask-jwt-extended's convention). */
export const REFRESH_TOKEN_STORAGE_KEY = 'jwt-refresh-token';

type Listener = () => void;

export interface StoredToken {
  get: () => string | null;
  set: (token: string) => void;
  /** `reason`: why the session ends, for the other tabs of a cookie session to say. */
  remove: (reason?: string) => void;
  /** Calls `listener` whenever the token changes, in this tab or in another one. */
  subscribe: (listener: Listener) => () => void;
  /** Re-reads storage, for when a change may have been missed (a tab back from the background). */
  reload: () => void;
}

function createStoredToken(key: string): StoredToken {
  /** True while the token lives only in memory because storage refused it. */
  let memoryOnly = false;

  /** The stored token; undefined when storage cannot be read. */
  const read = (): string | null | undefined => {
    try {
      const value = window.localStorage.getItem(key);
      return value === '' ? null : value;
    } catch {
      return undefined;
    }
  };

  let current: string | null = read() ?? null;

  const { notify, subscribe } = createStorageSubscription(key, () => {
    sync();
  });

  /** Takes the stored value as the truth, unless storage failed us and memory holds the token. */
  const sync = () => {
    if (memoryOnly) return;
    const next = read();
    if (next === undefined || next === current) return;
    current = next;
    notify();
  };

  return {
    get: () => current,
    set: (token) => {
      try {
        window.localStorage.setItem(key, token);
        memoryOnly = false;
      } catch {
        // Storage unavailable: `current` below keeps the session alive for this tab.
        memoryOnly = true;
      }
      if (current === token) return;
      current = token;
      notify();
    },
    remove: () => {
      memoryOnly = false;
      try {
        window.localStorage.removeItem(key);
      } catch {
        // Nothing stored that we could remove.
      }
      if (current === null) return;
      current = null;
      notify();
    },
    subscribe,
    reload: sync,
  };
}

// A build constant: the bundler keeps one of each pair, and drops the other's code.
/**
 * The readable cookie with the CSRF value of `token`, named by the backend's cookie mode. Not
 * cookie-mode.ts's `cookieMode`: what the /login chunk imports, the other chunks' imports would
 * keep in the localStorage builds.
 */
function csrfCookieName(token: 'access' | 'refresh'): string {
  if (env.cookieSession === null) throw new Error('This build keeps no session in cookies');
  return env.cookieSession.csrfCookies[token];
}

let cookies: { access: CsrfCookie; refresh: CsrfCookie } | null = null;

/**
 * The CSRF cookies of a cookie session, made on first use. Every use is behind COOKIE_SESSIONS, a
 * build constant: the bundler leaves all of it out of the localStorage builds.
 */
function csrfCookies() {
  cookies ??= {
    access: createCsrfCookie(csrfCookieName('access')),
    refresh: createCsrfCookie(csrfCookieName('refresh')),
  };
  return cookies;
}

/**
 * Reads the cookies again. A new access value beside the same refresh cookie is a renewal
 * (flask-jwt-extended's /refresh sets the access cookies only) and keeps the session's cached
 * data; any other change is a session this tab was not told about, and starts afresh.
 */
function reloadCookies() {
  const { access, refresh } = csrfCookies();
  const refreshValue = refresh.get();
  if (refreshValue !== null && refresh.peek() === refreshValue) access.renewed();
  else access.reload();
  refresh.reload();
}

const accessToken: StoredToken = COOKIE_SESSIONS
  ? { ...csrfCookies().access, reload: reloadCookies }
  : createStoredToken(TOKEN_STORAGE_KEY);

export const getToken = accessToken.get;
export const setToken = accessToken.set;
export const removeToken = accessToken.remove;
export const subscribeToToken = accessToken.subscribe;
export const reloadTokenFromStorage = accessToken.reload;

/** The refresh token, when the backend issued one; nothing in React needs to watch it. */
export const refreshToken: StoredToken = COOKIE_SESSIONS
  ? csrfCookies().refresh
  : createStoredToken(REFRESH_TOKEN_STORAGE_KEY);

// What only cookie sessions need.

/**
 * The CSRF cookie's value now (a login's answer may have just set it, the session not seen it
 * yet): what a request must send, or the refresh cookie's, for /refresh.
 */
export const peekCsrfCookie = (token: 'access' | 'refresh' = 'access'): string | null =>
  COOKIE_SESSIONS ? csrfCookies()[token].peek() : null;

/** Takes the refresh token's CSRF cookie as a login's answer has just set it. */
export function reloadRefreshCookie(): void {
  if (COOKIE_SESSIONS) csrfCookies().refresh.reload();
}

/** Takes the access token's CSRF cookie as a renewal (here or in another tab) may have set it. */
export function takeRenewedCookie(): void {
  if (COOKIE_SESSIONS) reloadCookies();
}

/**
 * Whose session the cookies are: a number that changes with each login and stays the same
 * through renewals; null without cookie sessions.
 */
export const cookieSessionOwner = (): number | null =>
  COOKIE_SESSIONS ? csrfCookies().access.owner() : null;

/** Why another tab ended the cookie session, when it said; null otherwise. */
export const cookieEndReason = (): string | null =>
  COOKIE_SESSIONS ? csrfCookies().access.remoteEndReason() : null;
