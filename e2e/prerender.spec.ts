/**
 * /login and /signup arrive prerendered (vite-plugins/prerender-public-pages.ts): the form is on
 * screen before any script runs, in the reader's language, and what they type before the script
 * takes over is kept. Private pages stay the empty shell.
 */
import type { Page } from '@playwright/test';
import { expect, logIn, test } from './fixtures';

/** Holds the app's bundle back, as a slow connection would; the function returned lets it go. */
async function holdBundle(page: Page): Promise<() => void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return () => {
    release();
  };
}

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the login form is there, with its Log in button', async ({ page }) => {
    await page.goto('/login');

    await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
    await expect(page.getByLabel(/^(Username|Email)$/)).toBeVisible();
    await expect(page.getByLabel('Password')).toBeVisible();
  });

  test.describe('for a Spanish reader', () => {
    test.use({ locale: 'es-ES' });

    test('the form is in Spanish from the first byte', async ({ page }) => {
      await page.goto('/login');

      await expect(page.getByRole('button', { name: 'Entrar' })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    });
  });
});

test('text typed before the script runs is kept, and logs in', async ({ page }) => {
  const release = await holdBundle(page);
  await page.goto('/login', { waitUntil: 'commit' });
  await page.getByLabel(/^(Username|Email)$/).fill('typed-early');
  await page.getByLabel('Password').fill('12341234');

  release();

  await expect(page.getByRole('button', { name: 'Log in' })).toBeEnabled();
  await expect(page.getByLabel(/^(Username|Email)$/)).toHaveValue('typed-early');
  await expect(page.getByLabel('Password')).toHaveValue('12341234');
  await logIn(page);
  await expect(page.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
});

test('Log in pressed before the script arrives logs in once it has, and only once', async ({
  page,
}) => {
  const release = await holdBundle(page);
  const logins: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/token')) {
      logins.push(request.url());
    }
  });
  await page.goto('/login', { waitUntil: 'commit' });
  await page.getByLabel(/^(Username|Email)$/).fill('alesanchezr');
  await page.getByLabel('Password').fill('12341234');

  const logInButton = page.getByRole('button', { name: 'Log in' });
  await expect(logInButton).toBeEnabled();
  const loginCode = page.waitForRequest(/\/assets\/login-request-[\w-]+\.js$/);
  await page.getByLabel('Password').press('Enter');
  await expect(logInButton).toBeDisabled();
  expect(page.url()).not.toContain('12341234');
  // The login request's code downloads beside the held-back bundle.
  await loginCode;
  release();

  await expect(page.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
  expect(logins).toHaveLength(1);
});

test('Log in pressed early on a page the app then renders afresh still logs in, with what was typed', async ({
  page,
}) => {
  // An unreadable stored token: the app drops it and says so, which the build could not
  // prerender, so it renders the page afresh instead of hydrating it.
  await page.addInitScript(() => {
    window.localStorage.setItem('jwt-token', 'not-a-jwt');
  });
  const release = await holdBundle(page);
  await page.goto('/login', { waitUntil: 'commit' });
  await page.getByLabel(/^(Username|Email)$/).fill('alesanchezr');
  await page.getByLabel('Password').fill('12341234');
  await page.getByRole('button', { name: 'Log in' }).click();
  release();

  await expect(page.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
});

test('text typed early on a page the app then renders afresh is kept', async ({ page }) => {
  await page.addInitScript(() => {
    window.localStorage.setItem('jwt-token', 'not-a-jwt');
  });
  const release = await holdBundle(page);
  await page.goto('/login', { waitUntil: 'commit' });
  await page.getByLabel(/^(Username|Email)$/).fill('typed-early');
  await page.getByLabel('Password').fill('12341234');

  release();

  await expect(
    page.getByText('Your session is no longer valid. Please log in again.'),
  ).toBeVisible();
  await expect(page.getByLabel(/^(Username|Email)$/)).toHaveValue('typed-early');
  await expect(page.getByLabel('Password')).toHaveValue('12341234');
});

test('a private page and an unknown one are the empty shell', async ({ request }) => {
  for (const path of ['/profile', '/', '/no/such/page']) {
    const html = await (await request.get(path, { headers: { Accept: 'text/html' } })).text();
    expect(html, path).toContain('<div id="root"></div>');
    expect(html, path).not.toContain('type="password"');
  }
});
