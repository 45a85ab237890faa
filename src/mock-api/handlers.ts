/**
 * The mock API's routes, in the dialect of the backend the build was made for (VITE_API_PROFILE).
 * The same handlers serve the browser (setupWorker) and the tests (setupServer).
 */
import { env } from '../config/env';
import type { ApiProfile } from '../backends/vocabulary';
import { BACKEND_MOCKS } from './backend-mocks';
import { createMockRoutes } from './server/mock-routes';
import type { MockServerState } from './server/mock-server-state';

/** Where the mock answers `path`: under the build's VITE_API_URL, read when the handlers are made. */
export const apiPath = (path: string) => `${env.apiUrl}${path}`;

export function createHandlers(state: MockServerState, profile: ApiProfile = env.dialect.profile) {
  const backend = BACKEND_MOCKS[profile];
  const routes = createMockRoutes({ state, apiUrl: env.apiUrl, serverError: backend.serverError });
  return backend.routes({ state, app: env, routes });
}
