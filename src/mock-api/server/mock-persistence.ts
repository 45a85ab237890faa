/**
 * What the mock server remembers across reloads and tabs, in localStorage, as a real server's
 * database would: the expired and revoked token ids (`gatehouse:mock-tokens`: "Expire now" and a
 * logout's blocklist still hold after a reload) and the accounts created with POST /signup
 * (`gatehouse:mock-users`). The panel's Reset clears both.
 */
import type { MockServerState } from './mock-server-state';
import { mockUsers, type MockUser } from './users';

export const MOCK_TOKENS_STORAGE_KEY = 'gatehouse:mock-tokens';
export const MOCK_USERS_STORAGE_KEY = 'gatehouse:mock-users';

function readJson(key: string): unknown {
  try {
    return JSON.parse(window.localStorage.getItem(key) ?? 'null');
  } catch {
    // Unreadable or not JSON: as if nothing were stored.
    return null;
  }
}

function writeJson(key: string, value: unknown, empty: boolean) {
  try {
    if (empty) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage refused: the server's memory holds for this tab until it reloads.
  }
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}

function replaceAll(set: Set<string>, items: readonly string[]) {
  set.clear();
  for (const item of items) set.add(item);
}

const nullableString = (value: unknown): value is string | null =>
  typeof value === 'string' || value === null;

/** An account created with POST /signup, as stored; null for anything else. */
function storedSignup(value: unknown): MockUser | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, username, email, password } = value as Record<string, unknown>;
  if (
    typeof id !== 'number' ||
    id <= mockUsers.length ||
    !nullableString(username) ||
    !nullableString(email) ||
    typeof password !== 'string'
  ) {
    return null;
  }
  return { id, username, email, password, fullName: null, disabled: false };
}

/**
 * Loads what an earlier page (or another tab) stored, follows later changes from other tabs,
 * and saves whenever the server's state changes (`state.onChange`).
 */
export function keepServerStateInStorage(state: MockServerState): void {
  const load = () => {
    const value = readJson(MOCK_TOKENS_STORAGE_KEY);
    const lists = typeof value === 'object' && value !== null ? value : {};
    replaceAll(state.expiredJtis, stringList('expired' in lists ? lists.expired : null));
    replaceAll(state.revokedJtis, stringList('revoked' in lists ? lists.revoked : null));
    const stored = readJson(MOCK_USERS_STORAGE_KEY);
    const signups = (Array.isArray(stored) ? stored : [])
      .map(storedSignup)
      .filter((user) => user !== null);
    state.users.splice(
      0,
      state.users.length,
      ...mockUsers.map((user) => ({ ...user })),
      ...signups,
    );
  };
  load();
  window.addEventListener('storage', (event) => {
    if (
      event.key === null ||
      event.key === MOCK_TOKENS_STORAGE_KEY ||
      event.key === MOCK_USERS_STORAGE_KEY
    ) {
      load();
    }
  });
  state.onChange = () => {
    const lists = { expired: [...state.expiredJtis], revoked: [...state.revokedJtis] };
    writeJson(MOCK_TOKENS_STORAGE_KEY, lists, lists.expired.length + lists.revoked.length === 0);
    const signups = state.users.filter((user) => user.id > mockUsers.length);
    writeJson(MOCK_USERS_STORAGE_KEY, signups, signups.length === 0);
  };
}
