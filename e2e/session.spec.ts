import {
  configureMock,
  expect,
  failedRequestLog,
  logIn,
  storedToken,
  test,
  TOKEN_KEY,
} from './fixtures';
import {
  logoutAndBack,
  reloadShowsNoLoginForm,
  tamperedTokenEndsTheSession,
  twoTabsFollowEachOther,
} from './flows';

test('a reload on /profile keeps the session and never shows the login form', ({ page }) =>
  reloadShowsNoLoginForm(page));

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
    expect((await tamperedTokenEndsTheSession(page, '/protected')).status()).toBe(422);
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

test('logout goes to /login, drops the token, and Back does not show the profile', ({ page }) =>
  logoutAndBack(page));

test('two tabs follow each other: logout and login without a reload', ({ context }) =>
  twoTabsFollowEachOther(context));
