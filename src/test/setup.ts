import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { refreshToken, removeToken } from '../auth/token-storage';
import { clearSessionEndReason } from '../auth/session';
import { mockServer, resetMockApi } from '../mock-api/node';
import { restoreAppEnv } from './app-env';

// The first render of a private page loads its chunk; on a busy two-core machine that takes time.
configure({ asyncUtilTimeout: 4000 });

// Node-environment tests (a real dev server and backend on 127.0.0.1) need the real network and
// have no page to reset.
const inBrowserEnvironment = typeof window !== 'undefined';

beforeAll(() => {
  if (inBrowserEnvironment) mockServer.listen({ onUnhandledRequest: 'error' });
});

afterEach(() => {
  if (!inBrowserEnvironment) return;
  cleanup();
  restoreAppEnv();
  resetMockApi();
  removeToken();
  refreshToken.remove();
  clearSessionEndReason();
  window.localStorage.clear();
  // The readable cookies the mock set (cookie sessions' CSRF values) go with the rest.
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; Max-Age=0; Path=/`;
  }
  window.history.replaceState(null, '', '/');
});

afterAll(() => {
  if (inBrowserEnvironment) mockServer.close();
});
