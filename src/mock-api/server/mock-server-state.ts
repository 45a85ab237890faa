import { decodeBase64Url } from '../../emulation/base64url';
import { parseJsonObject } from '../../emulation/jwt-signing';
import { createMockAccountState, type MockAccountState } from './mock-accounts';
import { createMemoryMockConfigStore, type MockConfigStore } from './mock-config';
import {
  createMockFactorFlows,
  createMockFactorState,
  type MockFactorFlows,
  type MockFactorState,
} from './mock-factors';
import { mockUsers, type MockUser } from './users';

/** What the mock backend remembers between requests, like the real server's database would. */
export interface MockServerState {
  users: MockUser[];
  /** The blocklist (tokenId): these tokens get 401 "Token has been revoked" or the like. */
  revokedJtis: Set<string>;
  /** Tokens (tokenId) expired ahead of their `exp` by the "Expire now" control. */
  expiredJtis: Set<string>;
  /** Reset links, the Mailbox, and the revocations of password changes. */
  accounts: MockAccountState;
  /** Two-step verification and passkeys, per user. */
  factors: MockFactorState;
  /** Passkey registrations and login steps under way. */
  factorFlows: MockFactorFlows;
  config: MockConfigStore;
  /** Draws the failure share and the random latency; tests put a predictable one here. */
  random: () => number;
  /** Called after the users or the token lists change (the browser saves them). */
  onChange: () => void;
}

export function createMockServerState(
  config: MockConfigStore = createMemoryMockConfigStore(),
): MockServerState {
  return {
    users: mockUsers.map((user) => ({ ...user })),
    revokedJtis: new Set(),
    expiredJtis: new Set(),
    accounts: createMockAccountState(),
    factors: createMockFactorState(),
    factorFlows: createMockFactorFlows(),
    config,
    random: Math.random,
    onChange: () => undefined,
  };
}

/**
 * What the server's lists know a token by, read without verifying anything: its `jti`, or the
 * signature of a token that has no `jti` (FastAPI's tutorial issues none). Null for anything
 * that is not a JWT, or whose `jti` is not a string.
 */
export function tokenId(token: string): string | null {
  const [, payload, signature, ...rest] = token.split('.');
  if (payload === undefined || signature === undefined || rest.length > 0) return null;
  const bytes = decodeBase64Url(payload);
  const claims = bytes === null ? 'not base64' : parseJsonObject(bytes);
  if (typeof claims === 'string') return null;
  if (!('jti' in claims)) return signature === '' ? null : signature;
  return typeof claims.jti === 'string' ? claims.jti : null;
}

/** What became of a request to expire or revoke a token. */
export type TokenActionResult = 'done' | 'no-token' | 'not-a-jwt';

function markToken(
  state: MockServerState,
  list: Set<string>,
  token: string | null,
): TokenActionResult {
  if (token === null) return 'no-token';
  const id = tokenId(token);
  if (id === null) return 'not-a-jwt';
  list.add(id);
  state.onChange();
  return 'done';
}

/** From now on the server answers 401 "Token has expired" to this token. */
export function expireToken(state: MockServerState, token: string | null): TokenActionResult {
  return markToken(state, state.expiredJtis, token);
}

/** From now on the server answers 401 "Token has been revoked" to this token. */
export function revokeToken(state: MockServerState, token: string | null): TokenActionResult {
  return markToken(state, state.revokedJtis, token);
}

/** The seed users without factors, no expired or revoked token, the default settings. */
export function resetMockServerState(state: MockServerState): void {
  state.users.splice(0, state.users.length, ...mockUsers.map((user) => ({ ...user })));
  state.revokedJtis.clear();
  state.expiredJtis.clear();
  state.accounts = createMockAccountState();
  state.factors = createMockFactorState();
  state.factorFlows = createMockFactorFlows();
  state.config.reset();
  state.onChange();
}
