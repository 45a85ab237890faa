import { setupServer } from 'msw/node';
import { createHandlers } from './handlers';
import { defaultMockConfig, type MockConfig } from './mock-config';
import { createMockServerState } from './mock-server-state';

let config: MockConfig = { ...defaultMockConfig };

/** The mock API's state for tests: the same handlers as the browser, configured in code. */
export const mockServerState = createMockServerState(() => config);

export const mockServer = setupServer(...createHandlers(mockServerState));

export function configureMockApi(changes: Partial<MockConfig>): void {
  config = { ...config, ...changes };
}

export function resetMockApi(): void {
  config = { ...defaultMockConfig };
  mockServerState.revokedJtis.clear();
  mockServer.resetHandlers();
  mockServer.events.removeAllListeners();
}
