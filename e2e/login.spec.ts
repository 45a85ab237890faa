import { appUrl, expect, failedRequestLog, logIn, storedToken, test } from './fixtures';
import { deepLinkComesBack, wrongPasswordKeepsTheUsername } from './flows';

test('a logged-out deep link comes back to exactly that URL after login', ({ page }) =>
  deepLinkComesBack(page));

test.describe('with a wrong password', () => {
  test.use({ allowConsoleErrors: [failedRequestLog(401)] });

  test('shows a message, stores no token and keeps the username', ({ page }) =>
    wrongPasswordKeepsTheUsername(page));
});

test('login stores the token and the profile request carries it', async ({ page }) => {
  const protectedRequest = page.waitForRequest((request) => request.url().endsWith('/protected'));
  await page.goto('/profile');
  await logIn(page);

  await expect(page.getByRole('definition').filter({ hasText: 'alesanchezr' })).toBeVisible();
  const token = await storedToken(page);
  expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(await (await protectedRequest).headerValue('authorization')).toBe(`Bearer ${token ?? ''}`);
});

test('keyboard only: Tab to the fields, type, Enter logs in', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByLabel('Username')).toBeVisible();

  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Username')).toBeFocused();
  await page.keyboard.type('alesanchezr');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type('12341234');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();
});

test('a fast double click on Log in sends one POST /token', async ({ page }) => {
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/token')) posts.push(request.url());
  });
  await page.goto('/login');
  await page.getByLabel('Username').fill('alesanchezr');
  await page.getByLabel('Password').fill('12341234');

  await page.getByRole('button', { name: 'Log in' }).dblclick();

  await expect(page.getByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();
  expect(posts).toHaveLength(1);
});

for (const target of [
  '//evil.example',
  'https://evil.example/',
  '/\\evil.example',
  'javascript:alert(1)',
]) {
  test(`the redirect target ${target} is ignored by the real login form`, async ({
    page,
    baseURL,
  }) => {
    await page.goto(`/login?next=${encodeURIComponent(target)}`);
    await logIn(page);

    await expect(page.getByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? '').origin);
    expect(appUrl(page)).toBe('/');
  });
}

test('a redirect target smuggled into history state is ignored too', async ({ page }) => {
  await page.goto('/login');
  // React Router keeps its location state under `usr` in history.state.
  await page.evaluate(() => {
    window.history.replaceState({ usr: { from: '//evil.example/x' }, key: 'x', idx: 0 }, '');
  });
  await logIn(page);

  await expect(page.getByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();
  expect(appUrl(page)).toBe('/');
});
