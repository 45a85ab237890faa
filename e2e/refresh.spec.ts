import { configureMock, expect, logIn, storedToken, test } from './fixtures';

test('two tabs renew an expiring session with one POST /refresh, and stay logged in', async ({
  context,
}) => {
  const first = await context.newPage();
  // Long enough for the second tab to load before the server sees the token as expired.
  await configureMock(first, { tokenLifetimeSeconds: 4, issueRefreshTokens: true });
  const refreshes: string[] = [];
  context.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/refresh'))
      refreshes.push(request.url());
  });

  await first.goto('/profile');
  await logIn(first);
  await expect(first.getByRole('definition').filter({ hasText: 'alesanchezr' })).toBeVisible();
  const original = await storedToken(first);
  const second = await context.newPage();
  await second.goto('/profile');
  await expect(second.getByRole('definition').filter({ hasText: 'alesanchezr' })).toBeVisible();

  // Both tabs' expiry watches fire together, 5 s (the clock-skew allowance) after the lifetime.
  await expect.poll(() => storedToken(first), { timeout: 15_000 }).not.toBe(original);
  await expect.poll(() => storedToken(second)).toBe(await storedToken(first));

  expect(refreshes).toHaveLength(1);
  for (const page of [first, second]) {
    await expect(page).toHaveURL(/\/profile$/);
    await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  }
});
