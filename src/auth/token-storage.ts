/**
 * The one place that reads and writes the access token. localStorage under `jwt-token` is the
 * contract with the tutorial's backend code; when storage throws (private mode, quota, disabled),
 * the token lives in memory so the app keeps working for this tab.
 */
export const TOKEN_STORAGE_KEY = 'jwt-token';

type Listener = () => void;

const listeners = new Set<Listener>();
let current: string | null = readStoredToken();

function readStoredToken(): string | null {
  try {
    const value = window.localStorage.getItem(TOKEN_STORAGE_KEY);
    return value === '' ? null : value;
  } catch {
    return null;
  }
}

function notify() {
  for (const listener of [...listeners]) listener();
}

function onStorage(event: StorageEvent) {
  // key is null when another tab called localStorage.clear().
  if (event.key !== TOKEN_STORAGE_KEY && event.key !== null) return;
  const next = readStoredToken();
  if (next === current) return;
  current = next;
  notify();
}

export function getToken(): string | null {
  return current;
}

export function setToken(token: string): void {
  try {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // Storage unavailable: `current` below keeps the session alive for this tab.
  }
  if (current === token) return;
  current = token;
  notify();
}

export function removeToken(): void {
  try {
    window.localStorage.removeItem(TOKEN_STORAGE_KEY);
  } catch {
    // Nothing stored that we could remove.
  }
  if (current === null) return;
  current = null;
  notify();
}

/** Calls `listener` whenever the token changes, in this tab or in another one. */
export function subscribeToToken(listener: Listener): () => void {
  if (listeners.size === 0) window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

/** Re-reads storage; tests use it after changing localStorage behind the module's back. */
export function reloadTokenFromStorage(): void {
  const next = readStoredToken();
  if (next === current) return;
  current = next;
  notify();
}
