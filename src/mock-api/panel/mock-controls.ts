/**
 * What the Mock API panel can do to the mock server: its settings, and the actions on the app's
 * current token. Plain module, so the panel stays a thin view of it.
 */
import type { MockConfigStore } from '../server/mock-config';
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
}

/** `currentToken`: the token the app holds now. */
export function createMockControls(
  state: MockServerState,
  currentToken: () => string | null,
): MockControls {
  return {
    config: state.config,
    expireCurrentToken: () => expireToken(state, currentToken()),
    revokeCurrentToken: () => revokeToken(state, currentToken()),
    reset: () => {
      resetMockServerState(state);
    },
  };
}
