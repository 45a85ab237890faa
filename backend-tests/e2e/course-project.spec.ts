/**
 * The course project: the API under /api, users who log in with their email, and Log out that
 * revokes the token (VITE_API_URL=…/api VITE_LOGIN_IDENTIFIER=email VITE_API_LOGOUT=true). Its
 * sign-up runs the flows the mock suite runs too (backend-flows.ts), with emails.
 */
import { describeSignupFlows } from './backend-flows';
import { expect, failedRequestLog, logIn, restoreToken, storedToken, test } from './fixtures';

test.use({ backend: 'course' });

describeSignupFlows();

test.describe('a token put back after logout', () => {
  test.use({ allowConsoleErrors: [failedRequestLog(401)] });

  test('is refused by flask-jwt-extended’s blocklist: 401 "Token has been revoked"', async ({
    page,
  }) => {
    await page.goto('/login');
    await logIn(page, 'alesanchezr@example.com');
    await expect(
      page.getByRole('heading', { name: 'Welcome, alesanchezr@example.com!' }),
    ).toBeVisible();
    const token = await storedToken(page);
    const logout = page.waitForResponse((response) => response.url().endsWith('/api/logout'));

    await page.getByRole('button', { name: 'Log out' }).click();

    await expect(page).toHaveURL(/\/login$/);
    expect(await (await logout).json()).toEqual({ msg: 'Logged out' });
    await restoreToken(page, token);
    const refused = page.waitForResponse((response) => response.url().endsWith('/api/protected'));
    await page.goto('/profile');

    expect(await (await refused).json()).toEqual({ msg: 'Token has been revoked' });
    await expect(page.getByRole('alert')).toHaveText(
      'Your session was ended by the server. Please log in again.',
    );
    expect(await storedToken(page)).toBeNull();
  });
});
