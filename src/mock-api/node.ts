import { setupServer } from 'msw/node';
import { createHandlers } from './handlers';
import type { MockConfig } from './server/mock-config';
import {
  createMockServerState,
  expireToken,
  resetMockServerState,
  revokeToken,
  type TokenActionResult,
} from './server/mock-server-state';

/** The mock API's state for tests: the same handlers as the browser, configured in code. */
export const mockServerState = createMockServerState();

export const mockServer = setupServer(...createHandlers(mockServerState));

/** Changes the mock's settings (see MockConfig) until the end of the test. */
export function configureMockApi(changes: Partial<MockConfig>): void {
  mockServerState.config.update(changes);
}

/** Draws the failure share and random latency from `random` instead of Math.random. */
export function setMockApiRandom(random: () => number): void {
  mockServerState.random = random;
}

/** The mock server answers 401 "Token has expired" to `token` from now on. */
export function expireMockToken(token: string | null): TokenActionResult {
  return expireToken(mockServerState, token);
}

/** The mock server answers 401 "Token has been revoked" to `token` from now on. */
export function revokeMockToken(token: string | null): TokenActionResult {
  return revokeToken(mockServerState, token);
}

export function resetMockApi(): void {
  resetMockServerState(mockServerState);
  mockServerState.random = Math.random;
  mockServer.resetHandlers();
  mockServer.events.removeAllListeners();
}
