/**
 * The sign-up flows, written once and run against the mock (e2e/signup.spec.ts, in the username
 * and the email build) and against the real Flask backend, which is the one reference backend with
 * sign-up (backend-tests/e2e/signup.spec.ts with usernames, course-project.spec.ts with emails).
 * Each is a whole test body, from a logged-out page to its assertions; `identifier` is what the
 * build logs in with (the `identifier` fixture).
 */
import type { Page, Request, Response } from '@playwright/test';
import {
  expect,
  freshIdentifier,
  identifierField,
  logIn,
  seedIdentifier,
  signUp,
  storedToken,
  type Identifier,
} from './fixtures';

/** What `signUp` types, twice. */
const PASSWORD = 'hopper1906';

/** The form's POST to the API's /signup (the page's own /signup is never requested with POST). */
const isSignupPost = (request: Request) =>
  request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/signup');

const signupAnswer = (page: Page) =>
  page.waitForResponse((response) => isSignupPost(response.request()));

const accountCreated = (page: Page) =>
  page.getByRole('status').filter({ hasText: 'Account created' });

/**
 * Sign up from a private page: the server creates the account (201), the page goes to /login
 * saying "Account created…" with the identifier filled in and never the password (not in the
 * field, the URL or history state); logging in with the new account comes back to the private
 * page, which shows it, and Home welcomes it. Resolves with the server's answer to the sign-up,
 * for the caller to check where it went.
 */
export async function signUpThenLogIn(page: Page, identifier: Identifier): Promise<Response> {
  const name = freshIdentifier(identifier);
  const created = signupAnswer(page);
  await page.goto('/profile');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();

  await signUp(page, name, PASSWORD);

  const answer = await created;
  expect(answer.status()).toBe(201);
  await expect(accountCreated(page)).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  await expect(identifierField(page)).toHaveValue(name);
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page.getByLabel('Password')).toBeFocused();
  expect(page.url()).not.toContain(PASSWORD);
  expect(await page.evaluate(() => JSON.stringify(window.history.state))).not.toContain(PASSWORD);

  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole('definition').filter({ hasText: name })).toBeVisible();
  expect(await storedToken(page)).not.toBeNull();

  await page.getByRole('link', { name: 'Home', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${name}!` })).toBeVisible();
  return answer;
}

/** A new account is still there after a reload of /login: the server kept it. */
export async function newAccountOutlivesAReload(page: Page, identifier: Identifier) {
  const name = freshIdentifier(identifier);
  await page.goto('/signup');
  await signUp(page, name, PASSWORD);
  await expect(page).toHaveURL(/\/login$/);

  await page.reload();
  await logIn(page, name, PASSWORD);
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
}

/**
 * The seed user's identifier: the server's 409 is said under the field, which has the focus, and
 * nothing typed is lost; still on /signup, no token. The caller allows the browser's 409 log line.
 */
export async function existingAccountIsSaid(page: Page, identifier: Identifier) {
  const taken = seedIdentifier(identifier);
  const refused = signupAnswer(page);
  await page.goto('/signup');

  await signUp(page, taken, PASSWORD);

  expect((await refused).status()).toBe(409);
  const field = identifierField(page);
  await expect(page.getByRole('alert')).toContainText(
    identifier === 'email' ? 'An account with this email already exists' : 'This username is taken',
  );
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveValue(taken);
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue(PASSWORD);
  await expect(page.getByLabel('Confirm password')).toHaveValue(PASSWORD);
  await expect(page).toHaveURL(/\/signup$/);
  expect(await storedToken(page)).toBeNull();
}

/**
 * A confirmation that differs from the password is said under it, with the focus, before any
 * request; confirmed, the same identifier then becomes a new account, so nothing had reached the
 * server.
 */
export async function mismatchCaughtBeforeAnyRequest(page: Page, identifier: Identifier) {
  const name = freshIdentifier(identifier);
  const sent: Request[] = [];
  page.on('request', (request) => {
    if (isSignupPost(request)) sent.push(request);
  });
  await page.goto('/signup');
  await identifierField(page).fill(name);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  const confirmation = page.getByLabel('Confirm password');
  await confirmation.fill('hopper1907');

  await page.getByRole('button', { name: 'Sign up' }).click();

  await expect(page.getByRole('alert')).toContainText('The two passwords do not match');
  await expect(confirmation).toBeFocused();
  await expect(confirmation).toHaveAttribute('aria-invalid', 'true');
  await expect(identifierField(page)).toHaveValue(name);
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue(PASSWORD);
  await expect(page).toHaveURL(/\/signup$/);
  expect(sent).toEqual([]);

  await confirmation.fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();

  await expect(accountCreated(page)).toBeVisible();
  await expect(identifierField(page)).toHaveValue(name);
  expect(sent).toHaveLength(1);
}
