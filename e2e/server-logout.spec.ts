/** The email project's build has VITE_API_LOGOUT=true: Log out revokes the token on the server. */
import {
  expect,
  failedRequestLog,
  logIn,
  seedIdentifier,
  storedToken,
  test,
  restoreToken,
} from './fixtures';

test.describe('a token put back after logout', () => {
  // The server refuses it: 401 "Token has been revoked".
  test.use({ allowConsoleErrors: [failedRequestLog(401)] });

  test('is refused by the server, and the session ends saying so', async ({ page, identifier }) => {
    await page.goto('/login');
    await logIn(page, seedIdentifier(identifier));
    await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
    const token = await storedToken(page);
    const logout = page.waitForResponse((response) => response.url().endsWith('/logout'));

    await page.getByRole('button', { name: 'Log out' }).click();

    await expect(page).toHaveURL(/\/login$/);
    expect((await logout).status()).toBe(200);
    await restoreToken(page, token);
    await page.goto('/profile');

    await expect(page.getByRole('alert')).toHaveText(
      'Your session was ended by the server. Please log in again.',
    );
    expect(await storedToken(page)).toBeNull();
  });
});
