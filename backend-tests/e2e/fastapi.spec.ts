/**
 * The everyday flows against FastAPI's own OAuth2-with-JWT tutorial (examples/fastapi-api), built
 * with VITE_API_PROFILE=fastapi: a form login, GET /users/me/, and one 401 for every refused token.
 */
import { expect, failedRequestLog, logIn, storedToken, test } from './fixtures';
import { describeEverydayFlows } from './backend-flows';

test.use({ backend: 'fastapi' });

const greeting = { name: 'Welcome, alesanchezr!' };

test('logs in with the OAuth2 form, and shows what /users/me/ says', async ({
  page,
  apiOrigin,
}) => {
  const login = page.waitForRequest((request) => request.url().endsWith('/token'));
  const me = page.waitForRequest((request) => request.url().endsWith('/users/me/'));
  await page.goto('/login');
  await logIn(page);

  await expect(page.getByRole('heading', greeting)).toBeVisible();
  expect(await (await login).headerValue('content-type')).toBe('application/x-www-form-urlencoded');
  expect((await login).postData()).toBe('username=alesanchezr&password=12341234');
  const request = await me;
  expect(new URL(request.url()).origin).toBe(apiOrigin);
  expect(await request.headerValue('authorization')).toBe(
    `Bearer ${(await storedToken(page)) ?? ''}`,
  );

  await page.getByRole('link', { name: 'Profile', exact: true }).click();
  const details = page.getByRole('definition');
  await expect(details.filter({ hasText: 'alesanchezr@example.com' })).toBeVisible();
  await expect(details.filter({ hasText: 'Alejandro Sánchez' })).toBeVisible();
  // FastAPI's user has no id.
  await expect(page.getByRole('term').filter({ hasText: 'ID' })).toHaveCount(0);
});

describeEverydayFlows({
  title: 'gets FastAPI’s 401 before its exp: invalid, not expired',
  currentUserPath: '/users/me/',
  status: 401,
  checkBody: (body) => {
    expect(body).toEqual({ detail: 'Could not validate credentials' });
  },
});

test.describe('a disabled account', () => {
  // The tutorial gives alice a token, then /users/me/ answers 400 Inactive user.
  test.use({ allowConsoleErrors: [failedRequestLog(400)] });

  test('gets a token, then the session ends saying the account is disabled', async ({ page }) => {
    await page.goto('/login');
    await logIn(page, 'alice', 'secret2');

    await expect(page.getByRole('alert')).toContainText('This account is disabled');
    await expect(page).toHaveURL(/\/login$/);
    expect(await storedToken(page)).toBeNull();
  });
});
