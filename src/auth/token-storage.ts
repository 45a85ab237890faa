/**
 * The one place that reads and writes the tokens. localStorage under `jwt-token` is the contract
 * with the tutorial's backend code; when storage throws (private mode, quota, disabled), a token
 * lives in memory so the app keeps working for this tab.
 */
import { createStorageSubscription } from '../lib/storage-subscription';

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

const accessToken = createStoredToken(TOKEN_STORAGE_KEY);

export const getToken = accessToken.get;
export const setToken = accessToken.set;
export const removeToken = accessToken.remove;
export const subscribeToToken = accessToken.subscribe;
export const reloadTokenFromStorage = accessToken.reload;

/** The refresh token, when the backend issued one; nothing in React needs to watch it. */
export const refreshToken = createStoredToken(REFRESH_TOKEN_STORAGE_KEY);
