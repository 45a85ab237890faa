/**
 * The course project: the API under /api, users who log in with their email, and Log out that
 * revokes the token (VITE_API_URL=…/api VITE_LOGIN_IDENTIFIER=email VITE_API_LOGOUT=true).
 */
import {
  expect,
  failedRequestLog,
  freshIdentifier,
  identifierField,
  logIn,
  signUp,
  storedToken,
  test,
  restoreToken,
} from './fixtures';

test.use({ backend: 'course' });

test('sign up with an email, log in, and see the email on the profile', async ({
  page,
  apiOrigin,
}) => {
  const email = freshIdentifier('email');
  const created = page.waitForResponse((response) => response.url().endsWith('/signup'));
  await page.goto('/profile');
  await page.getByRole('link', { name: 'Create an account' }).click();

  await signUp(page, email);

  expect((await created).url()).toBe(`${apiOrigin}/api/signup`);
  await expect(identifierField(page)).toHaveValue(email);
  await page.getByLabel('Password').fill('hopper1906');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: email })).toBeVisible();
});

test.describe('an email that has an account', () => {
  test.use({ allowConsoleErrors: [failedRequestLog(409)] });

  test('gets the real 409', async ({ page }) => {
    await page.goto('/signup');
    await signUp(page, 'ada@example.com');

    await expect(page.getByRole('alert')).toContainText(
      'An account with this email already exists',
    );
  });
});

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
