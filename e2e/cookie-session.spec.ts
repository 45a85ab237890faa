/**
 * A build with VITE_TOKEN_STORAGE=cookie on the mock API (flask-jwt-extended's cookie mode): the
 * tokens in httpOnly cookies, the page with their CSRF values only. The mock runs in the page and
 * keeps its httpOnly cookies where the page could read them; what a real browser hides is proved
 * on the real backend (backend-tests/e2e/cookie-session.spec.ts).
 */
import type { Page } from '@playwright/test';
import { expect, failedRequestLog, logIn, TOKEN_KEY, test } from './fixtures';
import { panelExpiryEndsTheSession } from './flows';

async function csrfCookie(page: Page): Promise<string | null> {
  const cookies = await page.context().cookies();
  return cookies.find((cookie) => cookie.name === 'csrf_access_token')?.value ?? null;
}

test('logs in with cookies, keeps the session over a reload, and logs out through the server', async ({
  page,
}) => {
  await page.goto('/login');
  await logIn(page);
  await expect(page.getByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();
  const csrf = await csrfCookie(page);
  expect(csrf).not.toBeNull();
  expect(await page.evaluate((key) => window.localStorage.getItem(key), TOKEN_KEY)).toBeNull();
  expect(await page.evaluate(() => document.cookie)).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();

  const logout = page.waitForRequest(
    (request) => request.method() === 'POST' && new URL(request.url()).pathname === '/logout',
  );
  await page.getByRole('button', { name: 'Log out' }).click();
  expect(await (await logout).headerValue('x-csrf-token')).toBe(csrf);
  await expect(page.getByText('You have logged out.')).toHaveAttribute('role', 'status');
  expect(await csrfCookie(page)).toBeNull();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
});

test('follows a logout and a login in another tab', async ({ page }) => {
  await page.goto('/login');
  await logIn(page);
  await expect(page.getByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();
  const other = await page.context().newPage();
  await other.goto('/profile');
  await expect(other.getByText('alesanchezr', { exact: true }).first()).toBeVisible();

  await other.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByText('You logged out in another tab.')).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);

  await logIn(other, 'ada', 'lovelace1815');
  await expect(page.getByRole('heading', { name: 'Welcome, ada!' })).toBeVisible();
});

test.describe('the Mock API panel', () => {
  test.use({ allowConsoleErrors: [failedRequestLog(401)] });

  test('expires the session’s cookie token, which the next request finds out', async ({ page }) => {
    await panelExpiryEndsTheSession(page);
  });
});

test.describe('a request without the CSRF header', () => {
  test.use({ allowConsoleErrors: [failedRequestLog(401)] });

  test('is refused, though the cookies go with it', async ({ page }) => {
    await page.goto('/login');
    await logIn(page);
    await expect(page.getByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();

    const answer = await page.evaluate(async () => {
      const response = await fetch('/logout-everywhere', {
        method: 'POST',
        credentials: 'include',
      });
      return { status: response.status, body: (await response.json()) as unknown };
    });

    expect(answer).toEqual({ status: 401, body: { msg: 'Missing CSRF token' } });
  });
});
