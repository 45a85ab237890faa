import { TOKEN_STORAGE_KEY } from '../auth/token-storage';

/**
 * What another tab of the same browser does: it writes localStorage (or removes the key, for
 * null), and this tab receives the `storage` event. The access token's key unless told otherwise.
 */
export function otherTabWrites(value: string | null, key: string = TOKEN_STORAGE_KEY): void {
  if (value === null) window.localStorage.removeItem(key);
  else window.localStorage.setItem(key, value);
  window.dispatchEvent(new StorageEvent('storage', { key, newValue: value }));
}
