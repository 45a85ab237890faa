import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The differential tests: the MSW handlers against the real reference backends. Not part of
 * `npm test`, which needs Node alone; `npm run test:backend` runs them.
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  // What vite.config.ts bakes into the app; the handlers build their paths from the API URL.
  define: {
    __GATEHOUSE_API_URL__: '""',
    __GATEHOUSE_API_MOCKING__: 'true',
    __GATEHOUSE_API_PROFILE__: '"flask-jwt-extended"',
    __GATEHOUSE_LOGIN_IDENTIFIER__: '"username"',
    __GATEHOUSE_SIGNUP__: 'true',
    __GATEHOUSE_API_LOGOUT__: 'false',
    __GATEHOUSE_PASSWORD_RESET__: 'true',
    __GATEHOUSE_TOKEN_STORAGE__: '"localStorage"',
    __GATEHOUSE_TWO_FACTOR__: 'true',
    __GATEHOUSE_PASSKEYS__: 'true',
  },
  test: {
    include: ['backend-tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
