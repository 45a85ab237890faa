/**
 * What the Mock API panel can do to the mock server: its settings, the actions on the app's
 * current token, and each user's second factors. Plain module, so the panel stays a thin view of
 * it.
 */
import type { MockMail } from '../server/mock-accounts';
import type { MockConfigStore } from '../server/mock-config';
import { factorSummaries, resetFactorsOf, type UserFactorSummary } from '../server/mock-factors';
import {
  MOCK_ACCOUNTS_STORAGE_KEY,
  MOCK_FACTORS_STORAGE_KEY,
  MOCK_USERS_STORAGE_KEY,
} from '../server/mock-persistence';
import {
  expireToken,
  resetMockServerState,
  revokeToken,
  type MockServerState,
  type TokenActionResult,
} from '../server/mock-server-state';

export interface MockControls {
  config: MockConfigStore;
  /** The server treats the app's token as expired: 401 "Token has expired". */
  expireCurrentToken: () => TokenActionResult;
  /** The server puts the app's token on its blocklist: 401 "Token has been revoked". */
  revokeCurrentToken: () => TokenActionResult;
  /** The seed users (no sign-ups), no expired or revoked token, the default settings. */
  reset: () => void;
  /** The e-mails the mock sent (password reset links), newest first, for the Mailbox. */
  mailbox: {
    read: () => readonly MockMail[];
    subscribe: (listener: () => void) => () => void;
  };
  /** Each user's two-step verification and passkeys, and a reset of them. */
  factors: {
    read: () => readonly UserFactorSummary[];
    subscribe: (listener: () => void) => () => void;
    /** Two-step verification off and the passkeys gone, for one user. */
    reset: (userId: number) => void;
  };
}

/** What another tab's mock writes that this panel shows. */
const SHOWN_KEYS: readonly string[] = [
  MOCK_ACCOUNTS_STORAGE_KEY,
  MOCK_FACTORS_STORAGE_KEY,
  MOCK_USERS_STORAGE_KEY,
];

/** `currentToken`: the token the app holds now. */
export function createMockControls(
  state: MockServerState,
  currentToken: () => string | null,
): MockControls {
  const listeners = new Set<() => void>();
  // useSyncExternalStore wants the same snapshot until something changed.
  let factors: readonly UserFactorSummary[] | null = null;
  const notify = () => {
    factors = null;
    for (const listener of listeners) listener();
  };
  // The server saves through `onChange` after every change it makes: the Mailbox follows the same
  // moment, after the save, so a message shows as soon as the request that sent it is answered.
  const save = state.onChange;
  state.onChange = () => {
    save();
    notify();
  };
  // A message sent or a factor set up in another tab (the app open twice) reaches this one
  // through storage.
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || SHOWN_KEYS.includes(event.key)) notify();
  };
  const subscribe = (listener: () => void) => {
    if (listeners.size === 0) window.addEventListener('storage', onStorage);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) window.removeEventListener('storage', onStorage);
    };
  };
  return {
    mailbox: { read: () => state.accounts.mailbox, subscribe },
    factors: {
      read: () => (factors ??= factorSummaries(state.factors, state.users)),
      subscribe,
      reset(userId) {
        resetFactorsOf(state.factors, state.factorFlows, userId);
        state.onChange();
      },
    },
    config: state.config,
    expireCurrentToken: () => expireToken(state, currentToken()),
    revokeCurrentToken: () => revokeToken(state, currentToken()),
    reset: () => {
      resetMockServerState(state);
    },
  };
}
