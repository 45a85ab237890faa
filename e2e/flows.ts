/**
 * The everyday flows, written once and run twice: against the mock (e2e/) and against the real
 * reference backend, cross-origin and through the proxy (backend-tests/e2e/). Each is a whole
 * test body, from a logged-out page to its assertions.
 */
import type { BrowserContext, Page, Response } from '@playwright/test';
import {
  answerToToken,
  appUrl,
  expect,
  logIn,
  mockPanelToggle,
  storedToken,
  tamperStoredToken,
} from './fixtures';

/** The profile's entry that is exactly `name` (FastAPI's profile also shows `name@example.com`). */
const profileOf = (page: Page, name: string) =>
  page.getByRole('definition').getByText(name, { exact: true });

/** A wrong password: a message, the username kept, the focus on the password, no token. */
export async function wrongPasswordKeepsTheUsername(page: Page) {
  await page.goto('/login');
  await logIn(page, 'alesanchezr', 'wrong-password');

  await expect(page.getByRole('alert')).toContainText('Wrong username or password');
  await expect(page.getByLabel('Username')).toHaveValue('alesanchezr');
  await expect(page.getByLabel('Password')).toBeFocused();
  expect(await storedToken(page)).toBeNull();
}

/**
 * A token tampered with in storage: the server refuses it at `currentUserPath`, and the session
 * ends as no longer valid. Resolves with the server's answer, for the caller to check its dialect.
 */
export async function tamperedTokenEndsTheSession(
  page: Page,
  currentUserPath: string,
): Promise<Response> {
  await page.goto('/login');
  await logIn(page);
  await expect(page.getByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();
  const tampered = await tamperStoredToken(page);
  const answer = answerToToken(page, tampered, (url) => url.endsWith(currentUserPath));

  await page.goto('/profile');

  await expect(page.getByRole('alert')).toContainText('no longer valid');
  await expect(page).toHaveURL(/\/login$/);
  expect(await storedToken(page)).toBeNull();
  return answer;
}

/**
 * A logged-out deep link goes to /login and, after login, back to exactly that URL. `seed`: the
 * seed user's identifier in the build's (`alesanchezr@example.com` in an email build).
 */
export async function deepLinkComesBack(page: Page, seed = 'alesanchezr') {
  await page.goto('/profile?tab=details#top');
  await expect(page).toHaveURL(/\/login$/);

  await logIn(page, seed);

  await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible();
  expect(appUrl(page)).toBe('/profile?tab=details#top');
  await expect(profileOf(page, seed)).toBeVisible();
}

/**
 * A reload of a private page keeps the session, and the login form never shows, not for a frame.
 * `seed` as for deepLinkComesBack.
 */
export async function reloadShowsNoLoginForm(page: Page, seed = 'alesanchezr') {
  await page.goto('/profile');
  await logIn(page, seed);
  await expect(profileOf(page, seed)).toBeVisible();

  // Record, from the very first paint, whether a password field is ever in the page.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.querySelector('input[type="password"]') !== null) {
        window.localStorage.setItem('e2e:saw-login-form', 'yes');
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();

  await expect(profileOf(page, seed)).toBeVisible();
  expect(appUrl(page)).toBe('/profile');
  expect(await page.evaluate(() => window.localStorage.getItem('e2e:saw-login-form'))).toBeNull();
}

/** Log out goes to /login and drops the token; Back shows no private data. */
export async function logoutAndBack(page: Page) {
  await page.goto('/login');
  await logIn(page);
  await page.getByRole('link', { name: 'Profile', exact: true }).click();
  await expect(profileOf(page, 'alesanchezr')).toBeVisible();

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect(await storedToken(page)).toBeNull();

  await page.goBack();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect(page.getByText('alesanchezr')).toHaveCount(0);
}

/** A logout, then a login as someone else, in one tab show in the other without a reload. */
export async function twoTabsFollowEachOther(context: BrowserContext) {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto('/login');
  await logIn(first);
  await expect(first.getByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();
  await second.goto('/profile');
  await expect(profileOf(second, 'alesanchezr')).toBeVisible();

  await first.getByRole('button', { name: 'Log out' }).click();
  await expect(second).toHaveURL(/\/login$/, { timeout: 3_000 });
  await expect(second.getByRole('button', { name: 'Log in' })).toBeVisible();

  await logIn(first, 'ada', 'lovelace1815');
  await expect(second.getByRole('heading', { name: 'Welcome, ada!' })).toBeVisible({
    timeout: 3_000,
  });
}

/**
 * The mock only: the panel's "Expire the current token" ends the session at the next request, a
 * reload included, whether the token is in storage or in a cookie the page cannot read.
 */
export async function panelExpiryEndsTheSession(page: Page) {
  await page.goto('/login');
  await logIn(page);
  await expect(page.getByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();

  await mockPanelToggle(page).click();
  await page.getByRole('button', { name: 'Expire the current token' }).click();
  await expect(page.getByRole('status')).toContainText('401 “Token has expired”');
  await page.reload();

  await expect(page.getByRole('alert')).toHaveText(
    'Your session has expired. Please log in again.',
  );
  await expect(page).toHaveURL(/\/login$/);
  expect(await storedToken(page)).toBeNull();
}
