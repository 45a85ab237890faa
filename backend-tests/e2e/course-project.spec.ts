/**
 * The course project on the react-flask-hello boilerplate's backend (examples/course-project,
 * migrated and seeded as a student does), called cross-origin: the API under /api, users who log
 * in with their email, and Log out that revokes the token (VITE_API_URL=…/api
 * VITE_LOGIN_IDENTIFIER=email VITE_API_LOGOUT=true). The flows are backend-flows.ts's; then the
 * account routes the page adds (src/api/routes.py's password change and reset request), each on an
 * account signed up for the test, so that no seed user's password ever changes.
 */
import type { Page } from '@playwright/test';
import { BACKENDS } from '../topology';
import { describeCourseProjectFlows } from './backend-flows';
import {
  expect,
  failedRequestLog,
  freshIdentifier,
  logIn,
  signUp,
  storedToken,
  test,
} from './fixtures';

test.use({ backend: 'course' });

describeCourseProjectFlows();

/** What `signUp` types, and what the password change replaces. */
const PASSWORD = 'hopper1906';

/** A fresh account, signed up through the page: its email. */
async function freshAccount(page: Page): Promise<string> {
  const email = freshIdentifier('email');
  await page.goto('/signup');
  await signUp(page, email, PASSWORD);
  await expect(page.getByRole('status').filter({ hasText: 'Account created' })).toBeVisible();
  return email;
}

test.describe('a password change on /account', () => {
  // The old password, refused after the change: the real 401.
  test.use({ allowConsoleErrors: [failedRequestLog(401)] });

  test('answers with a new token; then the new password logs in and the old one is refused', async ({
    page,
    apiOrigin,
    backend,
  }) => {
    const api = `${apiOrigin}${BACKENDS[backend].prefix ?? ''}`;
    const email = await freshAccount(page);
    await logIn(page, email, PASSWORD);
    await expect(page.getByRole('heading', { name: `Welcome, ${email}!` })).toBeVisible();
    const before = await storedToken(page);
    await page.getByRole('link', { name: 'Account', exact: true }).click();
    const changed = page.waitForResponse((response) => response.url() === `${api}/password`);

    await page.getByLabel('Current password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill('lighthouse-keeper-1906');
    await page.getByLabel('Confirm new password', { exact: true }).fill('lighthouse-keeper-1906');
    await page.getByRole('button', { name: 'Change password' }).click();

    expect((await changed).status()).toBe(200);
    await expect(page.getByRole('status').filter({ hasText: 'Password changed' })).toHaveText(
      'Password changed.',
    );
    expect(await storedToken(page)).not.toBe(before);
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await expect(page).toHaveURL(/\/login$/);
    await logIn(page, email, PASSWORD);
    await expect(page.getByRole('alert')).toHaveText(
      'Wrong email or password. Check both and try again.',
    );
    expect(await storedToken(page)).toBeNull();
    await logIn(page, email, 'lighthouse-keeper-1906');
    await expect(page.getByRole('heading', { name: `Welcome, ${email}!` })).toBeVisible();
  });
});

test('Forgot your password? sends the link and says so, as for any address', async ({
  page,
  apiOrigin,
  backend,
}) => {
  const api = `${apiOrigin}${BACKENDS[backend].prefix ?? ''}`;
  const email = await freshAccount(page);
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  const requested = page.waitForResponse((response) => response.url() === `${api}/password-reset`);

  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();

  const answer = await requested;
  expect(answer.status()).toBe(202);
  expect(await answer.json()).toEqual({ msg: 'If the account exists, a reset link was sent' });
  await expect(page.getByRole('status').filter({ hasText: 'If an account matches' })).toHaveText(
    'If an account matches, we sent a link to reset the password.',
  );
});
