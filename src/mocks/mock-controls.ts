/**
 * What the Mock API panel can do to the mock server: its settings, and the actions on the app's
 * current token. Plain module, so the panel stays a thin view of it.
 */
import type { MockConfigStore } from './mock-config';
import {
  expireToken,
  resetMockServerState,
  revokeToken,
  type MockServerState,
  type TokenActionResult,
} from './mock-server-state';

export interface MockControls {
  config: MockConfigStore;
  /** The server treats the app's token as expired: 401 "Token has expired". */
  expireCurrentToken: () => TokenActionResult;
  /** The server puts the app's token on its blocklist: 401 "Token has been revoked". */
  revokeCurrentToken: () => TokenActionResult;
  /** The seed users, no expired or revoked token, the default settings. */
  reset: () => void;
}

interface ControlsOptions {
  /** The token the app holds now. */
  currentToken: () => string | null;
  /** Called after the expired or revoked tokens change, to save them. */
  onTokenListsChange?: () => void;
}

export function createMockControls(
  state: MockServerState,
  { currentToken, onTokenListsChange = () => undefined }: ControlsOptions,
): MockControls {
  const changed = (result: TokenActionResult) => {
    if (result === 'done') onTokenListsChange();
    return result;
  };
  return {
    config: state.config,
    expireCurrentToken: () => changed(expireToken(state, currentToken())),
    revokeCurrentToken: () => changed(revokeToken(state, currentToken())),
    reset: () => {
      resetMockServerState(state);
      onTokenListsChange();
    },
  };
}

export const MOCK_TOKENS_STORAGE_KEY = 'gatehouse:mock-tokens';

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}

function replaceAll(set: Set<string>, items: readonly string[]) {
  set.clear();
  for (const item of items) set.add(item);
}

/**
 * Keeps the expired and revoked token ids in localStorage under `gatehouse:mock-tokens`, like the
 * real server's blocklist outlives a reload of the page: "Expire now" still holds after a reload
 * and in the other tabs. Returns `save`, to call after a change.
 */
export function keepTokenListsInStorage(state: MockServerState): { save: () => void } {
  const load = () => {
    let value: unknown = null;
    try {
      value = JSON.parse(window.localStorage.getItem(MOCK_TOKENS_STORAGE_KEY) ?? 'null');
    } catch {
      // Unreadable or not JSON: no token is expired or revoked.
    }
    const record = typeof value === 'object' && value !== null ? value : {};
    replaceAll(state.expiredJtis, stringList('expired' in record ? record.expired : null));
    replaceAll(state.revokedJtis, stringList('revoked' in record ? record.revoked : null));
  };
  load();
  window.addEventListener('storage', (event) => {
    if (event.key === MOCK_TOKENS_STORAGE_KEY || event.key === null) load();
  });
  return {
    save: () => {
      const lists = { expired: [...state.expiredJtis], revoked: [...state.revokedJtis] };
      try {
        if (lists.expired.length === 0 && lists.revoked.length === 0) {
          window.localStorage.removeItem(MOCK_TOKENS_STORAGE_KEY);
        } else {
          window.localStorage.setItem(MOCK_TOKENS_STORAGE_KEY, JSON.stringify(lists));
        }
      } catch {
        // Storage refused: the lists hold for this tab until it reloads.
      }
    },
  };
}
