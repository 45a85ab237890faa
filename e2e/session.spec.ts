import {
  configureMock,
  expect,
  failedRequestLog,
  logIn,
  storedToken,
  test,
  TOKEN_KEY,
} from './fixtures';

test('a reload on /profile keeps the session and never shows the login form', async ({ page }) => {
  await page.goto('/profile');
  await logIn(page);
  await expect(page.getByRole('definition').filter({ hasText: 'alesanchezr' })).toBeVisible();

  // Record, from the very first paint, whether a password field is ever in the page.
  await page.addInitScript(() => {
    const seen = () => document.querySelector('input[type="password"]') !== null;
    new MutationObserver(() => {
      if (seen()) window.localStorage.setItem('e2e:saw-login-form', 'yes');
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();

  await expect(page.getByRole('definition').filter({ hasText: 'alesanchezr' })).toBeVisible();
  expect(page.url()).toMatch(/\/profile$/);
  expect(await page.evaluate(() => window.localStorage.getItem('e2e:saw-login-form'))).toBeNull();
});

test('a short-lived token expires while the page is open', async ({ page }) => {
  await configureMock(page, { tokenLifetimeSeconds: 2 });
  await page.goto('/login');
  await logIn(page);
  await expect(page.getByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();

  await expect(page.getByRole('alert')).toHaveText(
    'Your session has expired. Please log in again.',
    {
      timeout: 15_000,
    },
  );
  await expect(page).toHaveURL(/\/login$/);
  expect(await storedToken(page)).toBeNull();
});

test.describe('a tampered token in storage', () => {
  // The server rejects the forged signature with 422, as flask-jwt-extended does.
  test.use({ allowConsoleErrors: [failedRequestLog(422)] });

  test('leads to /login with no page error', async ({ page }) => {
    await page.goto('/login');
    await logIn(page);
    await expect(page.getByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();
    await page.evaluate((key) => {
      const token = window.localStorage.getItem(key) ?? '';
      const [header, payload, signature] = token.split('.');
      const flipped = (signature?.startsWith('A') ? 'B' : 'A') + (signature ?? '').slice(1);
      window.localStorage.setItem(key, `${header ?? ''}.${payload ?? ''}.${flipped}`);
    }, TOKEN_KEY);

    await page.goto('/profile');

    await expect(page.getByRole('alert')).toContainText('no longer valid');
    await expect(page).toHaveURL(/\/login$/);
    expect(await storedToken(page)).toBeNull();
  });
});

test('a stored "not-a-jwt" leads to /login with no page error', async ({ page }) => {
  await page.addInitScript((key) => {
    if (window.sessionStorage.getItem('e2e:seeded') !== null) return;
    window.sessionStorage.setItem('e2e:seeded', 'yes');
    window.localStorage.setItem(key, 'not-a-jwt');
  }, TOKEN_KEY);
  await page.goto('/profile');

  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  expect(await storedToken(page)).toBeNull();
});

test('logout goes to /login, drops the token, and Back does not show the profile', async ({
  page,
}) => {
  await page.goto('/login');
  await logIn(page);
  await page.getByRole('link', { name: 'Profile', exact: true }).click();
  await expect(page.getByRole('definition').filter({ hasText: 'alesanchezr' })).toBeVisible();

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect(await storedToken(page)).toBeNull();

  await page.goBack();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect(page.getByText('alesanchezr')).toHaveCount(0);
});

test('two tabs follow each other: logout and login without a reload', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto('/login');
  await logIn(first);
  await expect(first.getByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();
  await second.goto('/profile');
  await expect(second.getByRole('definition').filter({ hasText: 'alesanchezr' })).toBeVisible();

  await first.getByRole('button', { name: 'Log out' }).click();
  await expect(second).toHaveURL(/\/login$/, { timeout: 3_000 });
  await expect(second.getByRole('button', { name: 'Log in' })).toBeVisible();

  await logIn(first, 'ada', 'lovelace1815');
  await expect(second.getByRole('heading', { name: 'Welcome, ada!' })).toBeVisible({
    timeout: 3_000,
  });
});
