/**
 * What the mock server remembers across reloads and tabs, in localStorage, as a real server's
 * database would: the expired and revoked token ids (`gatehouse:mock-tokens`: "Expire now" and a
 * logout's blocklist still hold after a reload), the accounts created with POST /signup
 * (`gatehouse:mock-users`), the account changes (`gatehouse:mock-accounts`: new passwords,
 * reset links, the Mailbox, revocations), since a reset link opens a new page, and the users'
 * second factors (`gatehouse:mock-factors`: two-step verification and passkeys). The panel's Reset
 * clears them all.
 */
import { createMockAccountState, type MockAccountState, type MockMail } from './mock-accounts';
import {
  createMockFactorState,
  type MockFactorState,
  type MockPasskey,
  type MockTwoStep,
} from './mock-factors';
import type { MockServerState } from './mock-server-state';
import { mockUsers, type MockUser } from './users';

export const MOCK_TOKENS_STORAGE_KEY = 'gatehouse:mock-tokens';
export const MOCK_USERS_STORAGE_KEY = 'gatehouse:mock-users';
export const MOCK_ACCOUNTS_STORAGE_KEY = 'gatehouse:mock-accounts';
export const MOCK_FACTORS_STORAGE_KEY = 'gatehouse:mock-factors';

const STORAGE_KEYS: readonly string[] = [
  MOCK_TOKENS_STORAGE_KEY,
  MOCK_USERS_STORAGE_KEY,
  MOCK_ACCOUNTS_STORAGE_KEY,
  MOCK_FACTORS_STORAGE_KEY,
];

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

/** The account state and the seed users' changed passwords, as stored. */
interface StoredAccounts {
  serial: number;
  issues: [string, number, number][];
  validAfter: [number, number][];
  revokedAt: [number, number][];
  resetTokens: [string, number, number][];
  resetRequests: [string, number[]][];
  mailbox: MockMail[];
  passwords: [number, string][];
}

function storedAccounts(state: MockServerState): StoredAccounts {
  const { accounts } = state;
  const seedPasswords = new Map(mockUsers.map((user) => [user.id, user.password]));
  return {
    serial: accounts.serial,
    issues: [...accounts.issues].map(([jti, { userId, serial }]) => [jti, userId, serial]),
    validAfter: [...accounts.validAfter],
    revokedAt: [...accounts.revokedAt],
    resetTokens: [...accounts.resetTokens].map(([token, { userId, expiresAt }]) => [
      token,
      userId,
      expiresAt,
    ]),
    resetRequests: [...accounts.resetRequests],
    mailbox: accounts.mailbox,
    passwords: state.users
      .filter((user) => seedPasswords.has(user.id) && seedPasswords.get(user.id) !== user.password)
      .map((user) => [user.id, user.password]),
  };
}

const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** Rows of a stored list whose every cell passes its check; anything else is dropped. */
function rows<T extends unknown[]>(
  value: unknown,
  checks: { [K in keyof T]: (cell: unknown) => cell is T[K] },
): T[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (row): row is T =>
      Array.isArray(row) &&
      row.length === checks.length &&
      checks.every((check, index) => check(row[index])),
  );
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumberList = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every(isNumber);

function isMail(value: unknown): value is MockMail {
  if (typeof value !== 'object' || value === null) return false;
  const mail = value as Record<string, unknown>;
  return (
    ['id', 'to', 'subject', 'body', 'link'].every((key) => isString(mail[key])) &&
    isNumber(mail.sentAt)
  );
}

/** What `gatehouse:mock-accounts` holds, read defensively: a bad entry is left out. */
function readAccounts(value: unknown): {
  accounts: MockAccountState;
  passwords: [number, string][];
} {
  const accounts = createMockAccountState();
  if (typeof value !== 'object' || value === null) return { accounts, passwords: [] };
  const stored = value as Record<string, unknown>;
  accounts.serial = isNumber(stored.serial) ? stored.serial : 0;
  for (const [jti, userId, serial] of rows<[string, number, number]>(stored.issues, [
    isString,
    isNumber,
    isNumber,
  ])) {
    accounts.issues.set(jti, { userId, serial });
  }
  for (const [userId, serial] of rows<[number, number]>(stored.validAfter, [isNumber, isNumber])) {
    accounts.validAfter.set(userId, serial);
  }
  for (const [userId, time] of rows<[number, number]>(stored.revokedAt, [isNumber, isNumber])) {
    accounts.revokedAt.set(userId, time);
  }
  for (const [token, userId, expiresAt] of rows<[string, number, number]>(stored.resetTokens, [
    isString,
    isNumber,
    isNumber,
  ])) {
    accounts.resetTokens.set(token, { userId, expiresAt });
  }
  for (const [identifier, times] of rows<[string, number[]]>(stored.resetRequests, [
    isString,
    isNumberList,
  ])) {
    accounts.resetRequests.set(identifier, times);
  }
  accounts.mailbox = Array.isArray(stored.mailbox) ? stored.mailbox.filter(isMail) : [];
  return { accounts, passwords: rows<[number, string]>(stored.passwords, [isNumber, isString]) };
}

/** Each user's two-step verification as a row, and the passkeys as they are. */
interface StoredFactors {
  twoStep: [number, string | null, string | null, number | null, string[]][];
  passkeys: MockPasskey[];
}

function storedFactors(factors: MockFactorState): StoredFactors {
  return {
    twoStep: [...factors.twoStep].map(([userId, twoStep]) => [
      userId,
      twoStep.secret,
      twoStep.pendingSecret,
      twoStep.lastStep,
      twoStep.recoveryCodeHashes,
    ]),
    passkeys: factors.passkeys,
  };
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every(isString);
const isNullableNumber = (value: unknown): value is number | null =>
  value === null || isNumber(value);

function isPasskey(value: unknown): value is MockPasskey {
  if (typeof value !== 'object' || value === null) return false;
  const passkey = value as Record<string, unknown>;
  return (
    ['id', 'name', 'publicKey', 'createdAt'].every((key) => isString(passkey[key])) &&
    isNumber(passkey.userId) &&
    isNumber(passkey.signCount) &&
    nullableString(passkey.lastUsedAt)
  );
}

/** What `gatehouse:mock-factors` holds, read defensively: a bad entry is left out. */
function readFactors(value: unknown): MockFactorState {
  const factors = createMockFactorState();
  if (typeof value !== 'object' || value === null) return factors;
  const stored = value as Record<string, unknown>;
  for (const [userId, secret, pendingSecret, lastStep, recoveryCodeHashes] of rows<
    [number, string | null, string | null, number | null, string[]]
  >(stored.twoStep, [isNumber, nullableString, nullableString, isNullableNumber, isStringList])) {
    const twoStep: MockTwoStep = { secret, pendingSecret, lastStep, recoveryCodeHashes };
    factors.twoStep.set(userId, twoStep);
  }
  factors.passkeys = Array.isArray(stored.passkeys) ? stored.passkeys.filter(isPasskey) : [];
  return factors;
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
    const { accounts, passwords } = readAccounts(readJson(MOCK_ACCOUNTS_STORAGE_KEY));
    const changed = new Map(passwords);
    state.accounts = accounts;
    state.factors = readFactors(readJson(MOCK_FACTORS_STORAGE_KEY));
    state.users.splice(
      0,
      state.users.length,
      ...mockUsers.map((user) => ({ ...user, password: changed.get(user.id) ?? user.password })),
      ...signups,
    );
  };
  load();
  window.addEventListener('storage', (event) => {
    if (event.key === null || STORAGE_KEYS.includes(event.key)) load();
  });
  state.onChange = () => {
    const lists = { expired: [...state.expiredJtis], revoked: [...state.revokedJtis] };
    writeJson(MOCK_TOKENS_STORAGE_KEY, lists, lists.expired.length + lists.revoked.length === 0);
    const signups = state.users.filter((user) => user.id > mockUsers.length);
    writeJson(MOCK_USERS_STORAGE_KEY, signups, signups.length === 0);
    const accounts = storedAccounts(state);
    writeJson(
      MOCK_ACCOUNTS_STORAGE_KEY,
      accounts,
      accounts.serial === 0 && accounts.mailbox.length === 0 && accounts.resetRequests.length === 0,
    );
    const factors = storedFactors(state.factors);
    writeJson(
      MOCK_FACTORS_STORAGE_KEY,
      factors,
      factors.twoStep.length === 0 && factors.passkeys.length === 0,
    );
  };
}
