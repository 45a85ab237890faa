/**
 * The one place that reads and writes the access token. localStorage under `jwt-token` is the
 * contract with the tutorial's backend code; when storage throws (private mode, quota, disabled),
 * the token lives in memory so the app keeps working for this tab.
 */
export const TOKEN_STORAGE_KEY = 'jwt-token';

type Listener = () => void;

const listeners = new Set<Listener>();
/** True while the token lives only in memory because storage refused it. */
let memoryOnly = false;
let current: string | null = readStoredToken() ?? null;

/** The stored token; undefined when storage cannot be read. */
function readStoredToken(): string | null | undefined {
  try {
    const value = window.localStorage.getItem(TOKEN_STORAGE_KEY);
    return value === '' ? null : value;
  } catch {
    return undefined;
  }
}

/** Takes the stored value as the truth, unless storage failed us and memory holds the token. */
function syncFromStorage() {
  if (memoryOnly) return;
  const next = readStoredToken();
  if (next === undefined || next === current) return;
  current = next;
  notify();
}

function notify() {
  for (const listener of [...listeners]) listener();
}

function onStorage(event: StorageEvent) {
  // key is null when another tab called localStorage.clear().
  if (event.key !== TOKEN_STORAGE_KEY && event.key !== null) return;
  syncFromStorage();
}

export function getToken(): string | null {
  return current;
}

export function setToken(token: string): void {
  try {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, token);
    memoryOnly = false;
  } catch {
    // Storage unavailable: `current` below keeps the session alive for this tab.
    memoryOnly = true;
  }
  if (current === token) return;
  current = token;
  notify();
}

export function removeToken(): void {
  memoryOnly = false;
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

/** Re-reads storage, for when a change may have been missed (a tab coming back from the background). */
export function reloadTokenFromStorage(): void {
  syncFromStorage();
}
