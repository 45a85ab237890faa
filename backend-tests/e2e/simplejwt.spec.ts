/**
 * The everyday flows against Django REST framework + SimpleJWT (examples/django-api), built with
 * VITE_API_PROFILE=simplejwt and VITE_API_LOGOUT=true: an access and a refresh token at login,
 * GET /api/me/, token_not_valid for every refused token, and Log out blacklists the refresh token.
 */
import { expect, failedRequestLog, logIn, storedToken, test } from './fixtures';
import { tamperedTokenEndsTheSession } from '../../e2e/flows';
import { describeEverydayFlows } from './backend-flows';

test.use({ backend: 'simplejwt' });

const REFRESH_KEY = 'jwt-refresh-token';
const greeting = { name: 'Welcome, alesanchezr!' };
const storedRefreshToken = (page: import('@playwright/test').Page) =>
  page.evaluate((key) => window.localStorage.getItem(key), REFRESH_KEY);

test('logs in: both tokens stored, the access token sent as Bearer to /api/me/', async ({
  page,
  apiOrigin,
}) => {
  const login = page.waitForRequest((request) => request.url().endsWith('/api/token/'));
  const me = page.waitForRequest((request) => request.url().endsWith('/api/me/'));
  await page.goto('/login');
  await logIn(page);

  await expect(page.getByRole('heading', greeting)).toBeVisible();
  expect((await login).postDataJSON()).toEqual({ username: 'alesanchezr', password: '12341234' });
  const request = await me;
  expect(new URL(request.url()).origin).toBe(apiOrigin);
  expect(await request.headerValue('authorization')).toBe(
    `Bearer ${(await storedToken(page)) ?? ''}`,
  );
  expect(await storedRefreshToken(page)).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

  await page.getByRole('link', { name: 'Profile', exact: true }).click();
  const details = page.getByRole('definition');
  await expect(details.filter({ hasText: 'alesanchezr' })).toBeVisible();
  await expect(details.filter({ hasText: /^1$/ })).toBeVisible();
});

// The tampered token has its own test below: SimpleJWT must not renew it.
describeEverydayFlows(null);

test.describe('a deactivated account', () => {
  test.use({ allowConsoleErrors: [failedRequestLog(401)] });

  test('gets SimpleJWT’s 401 at login: wrong username or password', async ({ page }) => {
    await page.goto('/login');
    await logIn(page, 'alice', 'secret2');

    await expect(page.getByRole('alert')).toContainText('Wrong username or password');
    expect(await storedToken(page)).toBeNull();
  });
});

test.describe('a tampered access token, with a refresh token stored', () => {
  test.use({ allowConsoleErrors: [failedRequestLog(401)] });

  test('is refused before its exp: the session ends as invalid, with no renewal', async ({
    page,
  }) => {
    const renewals: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/token/refresh/')) renewals.push(request.url());
    });
    const answer = await tamperedTokenEndsTheSession(page, '/api/me/');

    expect(answer.status()).toBe(401);
    expect(await answer.json()).toMatchObject({ code: 'token_not_valid' });
    expect(await storedRefreshToken(page)).toBeNull();
    expect(renewals).toEqual([]);
  });
});

test.describe('Log out', () => {
  // The blacklisted refresh token, put back and used: 401 "Token is blacklisted".
  test.use({ allowConsoleErrors: [failedRequestLog(401)] });

  test('blacklists the refresh token on the server', async ({ page }) => {
    await page.goto('/login');
    await logIn(page);
    await expect(page.getByRole('heading', greeting)).toBeVisible();
    const refresh = await storedRefreshToken(page);
    const blacklist = page.waitForRequest((request) =>
      request.url().endsWith('/api/token/blacklist/'),
    );
    const blacklisted = page.waitForResponse((response) =>
      response.url().endsWith('/api/token/blacklist/'),
    );

    await page.getByRole('button', { name: 'Log out' }).click();

    await expect(page).toHaveURL(/\/login$/);
    expect((await blacklist).postDataJSON()).toEqual({ refresh });
    expect((await blacklisted).status()).toBe(200);
    const reuse = await page.evaluate(
      async ([url, token]) => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ refresh: token }),
        });
        return { status: response.status, body: (await response.json()) as unknown };
      },
      [(await blacklisted).url(), refresh] as const,
    );
    expect(reuse).toEqual({
      status: 401,
      body: { detail: 'Token is blacklisted', code: 'token_not_valid' },
    });
  });
});
