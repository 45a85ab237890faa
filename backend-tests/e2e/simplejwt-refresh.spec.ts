/**
 * SimpleJWT issuing 3-second access tokens and 15-second refresh tokens: the session renews
 * itself through POST /api/token/refresh/, then ends when the refresh token runs out.
 */
import { expect, failedRequestLog, test } from './fixtures';
import { sessionExpiresWhileOpen, sessionRenewsItself } from './backend-flows';

test.use({ backend: 'simplejwt-short-lived' });

test('renews the access token with /api/token/refresh/ and stays on the page', async ({ page }) => {
  const renewals = await sessionRenewsItself(page, {
    renewalPath: '/api/token/refresh/',
    currentUserPath: '/api/me/',
  });

  // Without rotation the refresh token stays the login's: sent in the body, never as Bearer.
  const refresh = await page.evaluate(() => window.localStorage.getItem('jwt-refresh-token'));
  const [first] = renewals;
  expect(first?.postDataJSON()).toEqual({ refresh });
  expect(await first?.headerValue('authorization')).toBeNull();
});

test.describe('once the refresh token has expired too', () => {
  // The refused renewal: 401 "Token is invalid or expired" from /api/token/refresh/.
  test.use({ allowConsoleErrors: [failedRequestLog(401)] });

  test('the session ends with the expiry message', ({ page }) =>
    sessionExpiresWhileOpen(page, { timeout: 30_000 }));
});
