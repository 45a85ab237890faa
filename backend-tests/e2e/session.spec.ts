/** The everyday flows against the real flask-jwt-extended: what the mock suite does, for real. */
import { expect, failedRequestLog, logIn, restoreToken, storedToken, test } from './fixtures';
import { describeEverydayFlows } from './backend-flows';

const greeting = { name: 'Welcome, alesanchezr!' };

test('logs in: the server’s token is stored and sent as Bearer, to the API only', async ({
  page,
  apiOrigin,
}) => {
  const protectedRequest = page.waitForRequest((request) => request.url().endsWith('/protected'));
  await page.goto('/login');
  await logIn(page);

  await expect(page.getByRole('heading', greeting)).toBeVisible();
  const request = await protectedRequest;
  expect(new URL(request.url()).origin).toBe(apiOrigin);
  expect(await request.headerValue('authorization')).toBe(
    `Bearer ${(await storedToken(page)) ?? ''}`,
  );

  await page.getByRole('link', { name: 'Profile', exact: true }).click();
  const details = page.getByRole('definition');
  await expect(details.filter({ hasText: 'alesanchezr' })).toBeVisible();
  await expect(details.filter({ hasText: /^1$/ })).toBeVisible();
});

describeEverydayFlows({
  // flask-jwt-extended refuses the forged signature: 422 "Signature verification failed".
  title: 'gets the real 422, and the session ends with a message',
  currentUserPath: '/protected',
  status: 422,
  checkBody: (body) => {
    expect(body).toEqual({ msg: 'Signature verification failed' });
  },
});

test.describe('a token put back after logout', () => {
  // This build has VITE_API_LOGOUT=true: Log out put the token on the backend's blocklist.
  test.use({ allowConsoleErrors: [failedRequestLog(401)] });

  test('gets the real 401 "Token has been revoked"', async ({ page }) => {
    await page.goto('/login');
    await logIn(page);
    await expect(page.getByRole('heading', greeting)).toBeVisible();
    const token = await storedToken(page);
    const logout = page.waitForResponse((response) => response.url().endsWith('/logout'));
    await page.getByRole('button', { name: 'Log out' }).click();
    expect((await logout).status()).toBe(200);

    await restoreToken(page, token);
    await page.goto('/profile');

    await expect(page.getByRole('alert')).toContainText('ended by the server');
    expect(await storedToken(page)).toBeNull();
  });
});
