import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { refreshToken, removeToken } from '../auth/token-storage';
import { clearSessionEndReason } from '../auth/session';
import { mockServer, resetMockApi } from '../mocks/node';

// The first render of a private page loads its chunk; on a busy two-core machine that takes time.
configure({ asyncUtilTimeout: 4000 });

beforeAll(() => {
  mockServer.listen({ onUnhandledRequest: 'error' });
});

afterEach(() => {
  cleanup();
  resetMockApi();
  removeToken();
  refreshToken.remove();
  clearSessionEndReason();
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
});

afterAll(() => {
  mockServer.close();
});
