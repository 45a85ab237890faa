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
import { createCsrfCookie } from './csrf-cookie';

export const TOKEN_STORAGE_KEY = 'jwt-token';
/** Where a refresh token goes, for backends that issue one (flask-jwt-extended's convention). */
export const REFRESH_TOKEN_STORAGE_KEY = 'jwt-refresh-token';

type Listener = () => void;

export interface StoredToken {
  get: () => string | null;
  set: (token: string) => void;
  remove: () => void;
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
const csrfNames = env.cookieSession?.csrfCookies;
const csrfAccess = COOKIE_SESSIONS
  ? createCsrfCookie(csrfNames?.access ?? 'csrf_access_token')
  : null;
const csrfRefresh = COOKIE_SESSIONS
  ? createCsrfCookie(csrfNames?.refresh ?? 'csrf_refresh_token')
  : null;

const accessToken: StoredToken = csrfAccess ?? createStoredToken(TOKEN_STORAGE_KEY);

export const getToken = accessToken.get;
export const setToken = accessToken.set;
export const removeToken = accessToken.remove;
export const subscribeToToken = accessToken.subscribe;
export const reloadTokenFromStorage = accessToken.reload;

/** The refresh token, when the backend issued one; nothing in React needs to watch it. */
export const refreshToken: StoredToken =
  csrfRefresh ?? createStoredToken(REFRESH_TOKEN_STORAGE_KEY);

// What only cookie sessions need.

/** The CSRF cookie's value as a login's answer has just set it, unseen by the session yet. */
export const peekSessionCookie = (): string | null => csrfAccess?.peek() ?? null;

/** Takes the refresh token's CSRF cookie as a login's answer has just set it. */
export function reloadRefreshCookie(): void {
  csrfRefresh?.reload();
}

/** Takes the access token's new CSRF cookie that a renewal has just set, as the same session. */
export function takeRenewedCookie(): void {
  csrfAccess?.renewed();
}

/**
 * Whose session the cookies are: a number that changes with each login and stays the same
 * through renewals; null without cookie sessions.
 */
export const cookieSessionOwner = (): number | null => csrfAccess?.owner() ?? null;
