/**
 * The e2e fixtures of the mock suite (a failing console fails the test), plus where the app under
 * test is: `mode` comes from the Playwright project, `backend` from the test file, and the
 * `identifier` the build logs in with from that backend's build.
 */
import { test as base } from '../../e2e/fixtures';
import { appOrigin, BACKENDS, backendOrigin, type BackendName, type Mode } from '../topology';

export {
  answerToToken,
  anyOf,
  appUrl,
  expect,
  failedRequestLog,
  freshIdentifier,
  identifierField,
  logIn,
  restoreToken,
  seedIdentifier,
  signUp,
  storedToken,
  TOKEN_KEY,
} from '../../e2e/fixtures';

export const test = base.extend<{ mode: Mode; backend: BackendName; apiOrigin: string }>({
  mode: ['cross-origin', { option: true }],
  backend: ['standard', { option: true }],
  baseURL: async ({ mode, backend }, use) => {
    await use(appOrigin(mode, backend));
  },
  /** The origin the browser sends API requests to. */
  apiOrigin: async ({ mode, backend }, use) => {
    await use(mode === 'cross-origin' ? backendOrigin(backend) : appOrigin(mode, backend));
  },
  identifier: async ({ backend }, use) => {
    await use(BACKENDS[backend].build?.VITE_LOGIN_IDENTIFIER === 'email' ? 'email' : 'username');
  },
});
