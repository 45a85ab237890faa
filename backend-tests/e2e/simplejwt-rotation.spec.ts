/**
 * SimpleJWT with ROTATE_REFRESH_TOKENS and BLACKLIST_AFTER_ROTATION: every renewal answers a new
 * refresh token and blacklists the one it used. The app must keep the new one, renewal after
 * renewal, in every tab.
 */
import { expect, logIn, storedToken, test } from './fixtures';

test.use({ backend: 'simplejwt-rotating' });

const refreshTokenOf = (page: import('@playwright/test').Page) =>
  page.evaluate(() => window.localStorage.getItem('jwt-refresh-token'));

test('renews twice, each time with the refresh token the last renewal gave', async ({
  context,
}) => {
  const page = await context.newPage();
  const statuses: number[] = [];
  context.on('response', (response) => {
    if (response.url().endsWith('/api/token/refresh/')) statuses.push(response.status());
  });
  await page.goto('/login');
  await logIn(page);
  await expect(page.getByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();
  // A second tab shares the session: only one of them may renew each time.
  const other = await context.newPage();
  await other.goto('/profile');
  await expect(other.getByRole('definition').filter({ hasText: 'alesanchezr' })).toBeVisible();
  const firstRefresh = await refreshTokenOf(page);

  await expect.poll(() => statuses.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);

  expect(statuses.every((status) => status === 200)).toBe(true);
  expect(await refreshTokenOf(page)).not.toBe(firstRefresh);
  expect(await refreshTokenOf(other)).toBe(await refreshTokenOf(page));
  const answer = other.waitForResponse((response) => response.url().endsWith('/api/me/'));
  await other.reload();
  expect((await answer).status()).toBe(200);
  expect(await storedToken(other)).not.toBeNull();
});
