/**
 * Password reset by e-mail, password change and log out everywhere, against the real Flask
 * backend: the link read from the e-mail the server wrote (its MAIL_FILE), and a second browser
 * logged in as the same person, whose session must end when the first one changes the password or
 * logs out everywhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { pageRecordingViolations } from '../../e2e/fixtures';
import { mailFile } from '../reference-backends';
import { appOrigin, BACKENDS, type BackendName, type Mode } from '../topology';
import {
  expect,
  failedRequestLog,
  freshIdentifier,
  logIn,
  signUp,
  storedToken,
  test,
} from './fixtures';

interface Mail {
  to: string;
  subject: string;
  body: string;
}

function parseMail(line: string): Mail {
  const value: unknown = JSON.parse(line);
  if (typeof value !== 'object' || value === null) throw new Error(`Not a message: ${line}`);
  const { to, subject, body } = value as Record<string, unknown>;
  if (typeof to !== 'string' || typeof subject !== 'string' || typeof body !== 'string') {
    throw new Error(`A message without to, subject and body: ${line}`);
  }
  return { to, subject, body };
}

/** The messages the backend has sent so far, oldest first. */
function mailbox(backend: BackendName): Mail[] {
  const file = mailFile(BACKENDS[backend].port);
  // Nothing is sent before the first reset request of the run: no file yet.
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n');
  // The server appends from a thread of its own; a last line without its newline is unfinished.
  return lines.slice(0, -1).map(parseMail);
}

/**
 * Whose password the reset tests change, one seed user per mode, so that the two projects never
 * redeem links of the same person (a used link voids that person's others): sign-up on this
 * username build stores no e-mail address, and Flask mails a link only to an account that has one.
 * No other spec logs in as these two on Flask (ada and alesanchezr are the everyday flows'), and
 * the server starts with the seed passwords every run. alice is disabled only for the backends
 * that have the notion; Flask's tutorial has none, and she logs in there like anyone.
 */
const RESET_ACCOUNTS: Record<Mode, { username: string; email: string; password: string }> = {
  'cross-origin': { username: 'johndoe', email: 'johndoe@example.com', password: 'secret' },
  proxy: { username: 'alice', email: 'alice@example.com', password: 'secret2' },
};

/** A password that no earlier test set and that the server's policy accepts. */
const newPassword = () =>
  `lantern-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

/**
 * Asks for a reset link from the login page, as the person would, and returns the link from the
 * e-mail the server sent, to be opened on `baseURL`.
 */
async function resetLinkFromMail(
  page: Page,
  { mode, backend, baseURL }: { mode: Mode; backend: BackendName; baseURL: string },
): Promise<string> {
  const { username, email } = RESET_ACCOUNTS[mode];
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  const before = mailbox(backend).length;
  await page.getByLabel('Username').fill(username);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'If an account matches' })).toHaveText(
    'If an account matches, we sent a link to reset the password.',
  );

  // Sent after the answer (its timing must not tell whether the account exists): wait for it.
  let mail: Mail | undefined;
  await expect
    .poll(
      () =>
        (mail = mailbox(backend)
          .slice(before)
          .find((message) => message.to === email)),
    )
    .toBeDefined();
  if (mail === undefined) throw new Error(`No e-mail to ${email}`);
  expect(mail.subject).toBe('Reset your password');
  const link = /(\S+\/reset-password#token=\S+)/.exec(mail.body)?.[1];
  if (link === undefined) throw new Error(`No reset link in the e-mail:\n${mail.body}`);
  const url = new URL(link);
  // One Flask serves both modes' apps and has one APP_URL, the cross-origin app's: the proxy's
  // test opens the same path and token on its own app, as that deployment's APP_URL would link.
  expect(url.origin).toBe(appOrigin('cross-origin', backend));
  return new URL(url.pathname + url.hash, baseURL).href;
}

/**
 * Opens the link: the token leaves the address bar (and history state) at once. Then types
 * `password` twice and sends it.
 */
async function openLinkAndSetPassword(page: Page, link: string, password: string) {
  const token = new URL(link).hash.replace(/^#token=/, '');
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await expect(page).toHaveURL(new URL('/reset-password', link).href);
  expect(page.url()).not.toContain(token);
  expect(await page.evaluate(() => JSON.stringify(window.history.state))).not.toContain(token);

  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Confirm new password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Set new password' }).click();
}

function requireBaseURL(baseURL: string | undefined): string {
  if (baseURL === undefined) throw new Error('The fixtures set baseURL');
  return baseURL;
}

test.describe('a password reset by e-mail', () => {
  // Both tests change the same person's password and redeem their links: one after the other.
  test.describe.configure({ mode: 'default' });

  test.describe('with the link from the e-mail', () => {
    // The old password is refused: the real 401.
    test.use({ allowConsoleErrors: [failedRequestLog(401)] });

    test('sets a new password: it logs in, and the old one is refused', async ({
      page,
      mode,
      backend,
      baseURL,
    }) => {
      const { username, password: oldPassword } = RESET_ACCOUNTS[mode];
      const link = await resetLinkFromMail(page, {
        mode,
        backend,
        baseURL: requireBaseURL(baseURL),
      });
      const password = newPassword();

      await openLinkAndSetPassword(page, link, password);

      await expect(page).toHaveURL(/\/login$/);
      await expect(page.getByRole('status').filter({ hasText: 'Password changed' })).toHaveText(
        'Password changed. Log in with your new password.',
      );
      await logIn(page, username, oldPassword);
      await expect(page.getByRole('alert')).toHaveText(
        'Wrong username or password. Check both and try again.',
      );
      expect(await storedToken(page)).toBeNull();
      await logIn(page, username, password);
      await expect(page.getByRole('heading', { name: `Welcome, ${username}!` })).toBeVisible();
    });
  });

  test.describe('with a link already used', () => {
    // The used token is refused: the real 400 "Invalid or expired reset token".
    test.use({ allowConsoleErrors: [failedRequestLog(400)] });

    test('says it is invalid or expired, and changes nothing', async ({
      page,
      mode,
      backend,
      baseURL,
      apiOrigin,
    }) => {
      const { username } = RESET_ACCOUNTS[mode];
      const link = await resetLinkFromMail(page, {
        mode,
        backend,
        baseURL: requireBaseURL(baseURL),
      });
      const password = newPassword();
      await openLinkAndSetPassword(page, link, password);
      await expect(page).toHaveURL(/\/login$/);
      const refused = page.waitForResponse(
        (response) => response.url() === `${apiOrigin}/password-reset/confirm`,
      );

      await openLinkAndSetPassword(page, link, newPassword());

      expect(await (await refused).json()).toEqual({ msg: 'Invalid or expired reset token' });
      await expect(page.getByRole('alert')).toHaveText(
        'This reset link is invalid or has expired. Request a new link',
      );
      await expect(page.getByLabel('New password', { exact: true })).toHaveCount(0);
      await page.getByRole('link', { name: 'Request a new link' }).click();
      await expect(page).toHaveURL(/\/forgot-password$/);
      await page.goto('/login');
      await logIn(page, username, password);
      await expect(page.getByRole('heading', { name: `Welcome, ${username}!` })).toBeVisible();
    });
  });
});

/** What `signUp` types, and what the account pages change it from. */
const PASSWORD = 'hopper1906';

/** A fresh account (no seed user's password changes), logged in on `page`. */
async function signUpAndLogIn(page: Page): Promise<string> {
  const name = freshIdentifier('username');
  await page.goto('/signup');
  await signUp(page, name, PASSWORD);
  await expect(page.getByRole('status').filter({ hasText: 'Account created' })).toBeVisible();
  await logIn(page, name, PASSWORD);
  await expect(page.getByRole('heading', { name: `Welcome, ${name}!` })).toBeVisible();
  return name;
}

/**
 * Another browser (storage of its own, as another device) logged in as `name`, held to the rules
 * of the `page` fixture: no console error but the revoked token's 401, no policy violation.
 */
async function otherDevice(browser: Browser, baseURL: string, name: string) {
  const { context, page, violations } = await pageRecordingViolations(browser, baseURL);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !failedRequestLog(401).test(message.text())) {
      problems.push(`console.error: ${message.text()}`);
    }
  });
  await page.goto('/login');
  await logIn(page, name, PASSWORD);
  await expect(page.getByRole('heading', { name: `Welcome, ${name}!` })).toBeVisible();
  return {
    page,
    async close() {
      await context.close();
      expect(problems, 'the other browser’s errors').toEqual([]);
      expect(violations, 'the other browser’s policy violations').toEqual([]);
    },
  };
}

/**
 * The other device's next request carries its revoked token: the server's 401, and the app ends
 * the session on /login saying the server ended it.
 */
async function sessionEndsOnNextRequest(page: Page, apiOrigin: string) {
  const answer = page.waitForResponse((response) => response.url() === `${apiOrigin}/protected`);
  // A click on Profile would ask nothing: the app keeps the user it loaded for 30 s. Coming back to
  // the page later, as a reload does, asks the server with the stored token.
  await page.reload();

  expect((await answer).status()).toBe(401);
  expect(await (await answer).json()).toEqual({ msg: 'Token has been revoked' });
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('alert')).toHaveText(
    'Your session was ended by the server. Please log in again.',
  );
  expect(await storedToken(page)).toBeNull();
}

test('a password change keeps this browser logged in and ends the other’s session', async ({
  page,
  browser,
  baseURL,
  apiOrigin,
}) => {
  const name = await signUpAndLogIn(page);
  const other = await otherDevice(browser, requireBaseURL(baseURL), name);
  const before = await storedToken(page);
  await page.getByRole('link', { name: 'Account', exact: true }).click();
  const changed = page.waitForResponse((response) => response.url() === `${apiOrigin}/password`);

  await page.getByLabel('Current password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill('lighthouse-keeper-1906');
  await page.getByLabel('Confirm new password', { exact: true }).fill('lighthouse-keeper-1906');
  await page.getByRole('button', { name: 'Change password' }).click();

  expect((await changed).status()).toBe(200);
  await expect(page.getByRole('status').filter({ hasText: 'Password changed' })).toHaveText(
    'Password changed.',
  );
  expect(await storedToken(page)).not.toBe(before);
  await page.getByRole('link', { name: 'Profile', exact: true }).click();
  await expect(page.getByRole('definition').filter({ hasText: name })).toBeVisible();
  // The server has the last word on the new token: a reload asks it again.
  const accepted = page.waitForResponse((response) => response.url() === `${apiOrigin}/protected`);
  await page.reload();
  expect((await accepted).status()).toBe(200);
  await expect(page.getByRole('definition').filter({ hasText: name })).toBeVisible();
  await expect(page).toHaveURL(/\/profile$/);

  await sessionEndsOnNextRequest(other.page, apiOrigin);
  await other.close();
});

test('log out everywhere ends this browser’s session and the other’s', async ({
  page,
  browser,
  baseURL,
  apiOrigin,
}) => {
  const name = await signUpAndLogIn(page);
  const other = await otherDevice(browser, requireBaseURL(baseURL), name);
  await page.getByRole('link', { name: 'Account', exact: true }).click();
  const done = page.waitForResponse(
    (response) => response.url() === `${apiOrigin}/logout-everywhere`,
  );

  await page.getByRole('button', { name: 'Log out everywhere' }).click();

  expect((await done).status()).toBe(200);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('status').filter({ hasText: 'logged out' })).toHaveText(
    'You were logged out on every device.',
  );
  expect(await storedToken(page)).toBeNull();

  await sessionEndsOnNextRequest(other.page, apiOrigin);
  await other.close();
});
