/**
 * FastAPI issuing 3-second tokens: it refuses an expired token with the same 401 as a forged one,
 * and the app tells them apart by the token's own exp.
 */
import { sessionExpiresWhileOpen } from './backend-flows';
import { expect, failedRequestLog, logIn, test } from './fixtures';

test.use({ backend: 'fastapi-short-lived' });

test('a token that expires while the page is open ends the session, with the reason', ({ page }) =>
  sessionExpiresWhileOpen(page, { timeout: 15_000 }));

test.describe('an expired token the server refuses', () => {
  test.use({ allowConsoleErrors: [failedRequestLog(401)] });

  test('is told apart from a forged one: the session has expired', async ({ page }) => {
    await page.goto('/login');
    await logIn(page);
    await expect(page.getByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();
    // Past the token's exp, inside the clock skew the app allows before it ends the session
    // itself: the 401 of FastAPI decides, read against the token's exp.
    await page.waitForTimeout(4_000);
    const answer = page.waitForResponse((response) => response.url().endsWith('/users/me/'));
    await page.goto('/profile');

    expect((await answer).status()).toBe(401);
    await expect(page.getByRole('alert')).toHaveText(
      'Your session has expired. Please log in again.',
    );
  });
});
