import { setupWorker } from 'msw/browser';
import { createHandlers } from './handlers';
import { readStoredMockConfig } from './mock-config';
import { createMockServerState } from './mock-server-state';

/** Starts the mock API in this browser tab; resolves once the service worker intercepts requests. */
export async function startBrowserMock(): Promise<void> {
  const worker = setupWorker(...createHandlers(createMockServerState(readStoredMockConfig)));
  await worker.start({
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    quiet: !import.meta.env.DEV,
  });
}
