/**
 * The mock API's routes, in the dialect of the backend the build was made for (VITE_API_PROFILE).
 * The same handlers serve the browser (setupWorker) and the tests (setupServer).
 */
import { env } from '../config/env';
import type { ApiProfile } from '../config/env-rules';
import { fastapiHandlers } from './fastapi-handlers';
import { flaskHandlers } from './flask-handlers';
import type { MockServerState } from './mock-server-state';
import { simplejwtHandlers } from './simplejwt-handlers';

export { apiPath } from './api-path';

export function createHandlers(state: MockServerState, profile: ApiProfile = env.dialect.profile) {
  switch (profile) {
    case 'flask-jwt-extended':
      return flaskHandlers(state);
    case 'fastapi':
      return fastapiHandlers(state);
    case 'simplejwt':
      return simplejwtHandlers(state);
  }
}
