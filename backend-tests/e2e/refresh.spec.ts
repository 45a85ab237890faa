/**
 * The backend issues 3-second access tokens and 15-second refresh tokens (POST /refresh): the
 * session renews itself, then ends when the refresh token runs out.
 */
import { expect, failedRequestLog, logIn, storedToken, test } from './fixtures';
import { sessionExpiresWhileOpen } from './backend-flows';

test.use({ backend: 'refresh' });

test('renews the access token with POST /refresh and stays on the page', async ({ page }) => {
  const refreshes: number[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/refresh')) refreshes.push(response.status());
  });
  await page.goto('/profile');
  await logIn(page);
  await expect(page.getByRole('definition').filter({ hasText: 'alesanchezr' })).toBeVisible();
  const first = await storedToken(page);

  await expect.poll(() => storedToken(page), { timeout: 15_000 }).not.toBe(first);
  expect(refreshes).toEqual([200]);

  // The real /protected accepts the renewed token.
  const answer = page.waitForResponse((response) => response.url().endsWith('/protected'));
  await page.reload();
  expect((await answer).status()).toBe(200);
  await expect(page.getByRole('definition').filter({ hasText: 'alesanchezr' })).toBeVisible();
  await expect(page).toHaveURL(/\/profile$/);
});

test.describe('once the refresh token has expired too', () => {
  // The refused renewal: 401 "Token has expired" from POST /refresh.
  test.use({ allowConsoleErrors: [failedRequestLog(401)] });

  test('the session ends with the expiry message', ({ page }) =>
    sessionExpiresWhileOpen(page, { timeout: 30_000 }));
});
