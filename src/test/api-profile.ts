import type { ApiProfile } from '../backends/vocabulary';
import type { AppEnv } from '../config/env';
import { createHandlers } from '../mock-api/handlers';
import { mockServer, mockServerState } from '../mock-api/node';
import { DIALECTS } from '../backends/registry';
import { configureAppEnv } from './app-env';

/**
 * Runs the rest of this test as a build made with VITE_API_PROFILE=`profile`, against the mock
 * API speaking that dialect (setup.ts restores both).
 */
export function useApiProfile(profile: ApiProfile, changes: Partial<AppEnv> = {}): void {
  const dialect = DIALECTS[profile];
  configureAppEnv({ dialect, signup: dialect.signup !== null, ...changes });
  mockServer.use(...createHandlers(mockServerState, profile));
}
