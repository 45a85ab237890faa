import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { removeToken } from '../auth/token-storage';
import { clearSessionEndReason } from '../auth/session';
import { mockServer, resetMockApi } from '../mocks/node';

beforeAll(() => {
  mockServer.listen({ onUnhandledRequest: 'error' });
});

afterEach(() => {
  cleanup();
  resetMockApi();
  removeToken();
  clearSessionEndReason();
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
});

afterAll(() => {
  mockServer.close();
});
