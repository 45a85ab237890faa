/**
 * SimpleJWT issuing 3-second access tokens and 15-second refresh tokens: the session renews
 * itself through POST /api/token/refresh/, then ends when the refresh token runs out.
 */
import { expect, failedRequestLog, logIn, storedToken, test } from './fixtures';
import { sessionExpiresWhileOpen } from './backend-flows';

test.use({ backend: 'simplejwt-short-lived' });

test('renews the access token with /api/token/refresh/ and stays on the page', async ({ page }) => {
  const renewals: { body: unknown; authorization: string | null }[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/api/token/refresh/')) return;
    void request.headerValue('authorization').then((authorization) => {
      renewals.push({ body: request.postDataJSON(), authorization });
    });
  });
  await page.goto('/profile');
  await logIn(page);
  await expect(page.getByRole('definition').filter({ hasText: 'alesanchezr' })).toBeVisible();
  const first = await storedToken(page);
  const refresh = await page.evaluate(() => window.localStorage.getItem('jwt-refresh-token'));

  await expect.poll(() => storedToken(page), { timeout: 15_000 }).not.toBe(first);
  expect(renewals[0]).toEqual({ body: { refresh }, authorization: null });

  // The real /api/me/ accepts the renewed token.
  const answer = page.waitForResponse((response) => response.url().endsWith('/api/me/'));
  await page.reload();
  expect((await answer).status()).toBe(200);
  await expect(page.getByRole('definition').filter({ hasText: 'alesanchezr' })).toBeVisible();
  await expect(page).toHaveURL(/\/profile$/);
});

test.describe('once the refresh token has expired too', () => {
  // The refused renewal: 401 "Token is invalid or expired" from /api/token/refresh/.
  test.use({ allowConsoleErrors: [failedRequestLog(401)] });

  test('the session ends with the expiry message', ({ page }) =>
    sessionExpiresWhileOpen(page, { timeout: 30_000 }));
});
