/** The backend issues 3-second tokens: the session ends while the page is open. */
import { expect, logIn, storedToken, test } from './fixtures';

test.use({ backend: 'short-lived' });

test('a token that expires while the page is open ends the session, with the reason', async ({
  page,
}) => {
  await page.goto('/login');
  await logIn(page);
  await expect(page.getByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();

  await expect(page.getByRole('alert')).toHaveText(
    'Your session has expired. Please log in again.',
    { timeout: 15_000 },
  );
  await expect(page).toHaveURL(/\/login$/);
  expect(await storedToken(page)).toBeNull();
});
