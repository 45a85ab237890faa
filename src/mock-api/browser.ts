import { setupWorker } from 'msw/browser';
import { getToken } from '../auth/token-storage';
import { pageAccessToken } from '../backends/flask-jwt-extended/mock/cookies';
import { COOKIE_SESSIONS } from '../config/env';
import { createHandlers } from './handlers';
import { createStoredMockConfigStore } from './server/mock-config';
import { createMockControls } from './panel/mock-controls';
import { keepServerStateInStorage } from './server/mock-persistence';
import { createMockServerState } from './server/mock-server-state';
import { mountMockPanel } from './panel/mount-mock-panel';

/**
 * Starts the mock API in this browser tab and shows its panel; resolves once the service worker
 * intercepts requests. Settings come from localStorage (`gatehouse:mock`), read per request.
 */
export async function startBrowserMock(): Promise<void> {
  const state = createMockServerState(createStoredMockConfigStore());
  keepServerStateInStorage(state);
  const worker = setupWorker(...createHandlers(state));
  await worker.start({
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    quiet: !import.meta.env.DEV,
  });
  try {
    // A cookie session's token is out of the page's reach, but not of the mock's: it set it.
    mountMockPanel(createMockControls(state, COOKIE_SESSIONS ? pageAccessToken : getToken));
  } catch (error) {
    // The mock API itself is running; only its controls are missing.
    console.warn('The Mock API panel did not start.', error);
  }
}
