/**
 * Password reset by e-mail, password change and log out everywhere, against every reference
 * backend that has the account routes (Flask, FastAPI, Django + SimpleJWT): the link read from the
 * e-mail the server wrote (its MAIL_FILE), and a second browser logged in as the same person, whose
 * session must end when the first one changes the password or logs out everywhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { pageRecordingViolations } from '../../e2e/fixtures';
import { DIALECTS } from '../../src/backends/registry';
import type { AccountRoutes } from '../../src/backends/api-dialect';
import { mailFile } from '../reference-backends';
import { appOrigin, BACKENDS, type BackendName, type Mode } from '../topology';
import { expect, failedRequestLog, logIn, storedToken, test } from './fixtures';

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

interface Person {
  username: string;
  email: string;
}

const JOHNDOE: Person = { username: 'johndoe', email: 'johndoe@example.com' };
const ALICE: Person = { username: 'alice', email: 'alice@example.com' };

type AccountBackend = Extract<BackendName, 'standard' | 'fastapi' | 'simplejwt'>;

/** Where the backends differ: whom the flows use, and the server's own words. */
interface AccountBackendCase {
  /** The tests' titles. */
  label: string;
  /**
   * Whose password the flows change and whose tokens they revoke, per mode: a seed user no other
   * spec logs in as on that backend, since neither FastAPI nor SimpleJWT has sign-up.
   */
  people: Record<Mode, Person>;
  /** The server's 400 to a reset link used a second time. */
  usedLinkAnswer: unknown;
  /** The server's 401 at the current-user path to a token revoked by a change or log out everywhere. */
  revokedTokenAnswer: unknown;
  /** What the login page then says. */
  sessionEnded: string;
}

const CASES: Record<AccountBackend, AccountBackendCase> = {
  // Two people, so that the two projects' flows never redeem links of the same person (a used
  // link voids that person's others). alice is disabled only on the backends with the notion;
  // Flask's tutorial has none, and she logs in there like anyone.
  standard: {
    label: 'Flask',
    people: { 'cross-origin': JOHNDOE, proxy: ALICE },
    usedLinkAnswer: { msg: 'Invalid or expired reset token' },
    revokedTokenAnswer: { msg: 'Token has been revoked' },
    sessionEnded: 'Your session was ended by the server. Please log in again.',
  },
  // alice is disabled here, so johndoe serves both projects, one after the other (one worker):
  // 4 reset requests for him in a run, under the backends' limit of 5 an hour per account.
  // FastAPI answers a revoked token as it answers a forged one: the app cannot say more than that
  // the session is no longer valid.
  fastapi: {
    label: 'FastAPI',
    people: { 'cross-origin': JOHNDOE, proxy: JOHNDOE },
    usedLinkAnswer: { detail: 'Invalid or expired reset token' },
    revokedTokenAnswer: { detail: 'Could not validate credentials' },
    sessionEnded: 'Your session is no longer valid. Please log in again.',
  },
  // SimpleJWT: token_not_valid for every refused access token; the revocation shows in the
  // per-token-class messages, which the app reads.
  simplejwt: {
    label: 'Django + SimpleJWT',
    people: { 'cross-origin': JOHNDOE, proxy: JOHNDOE },
    usedLinkAnswer: { token: ['Invalid or expired reset token'] },
    revokedTokenAnswer: {
      detail: 'Given token not valid for any token type',
      code: 'token_not_valid',
      messages: [
        { token_class: 'AccessToken', token_type: 'access', message: 'Token is blacklisted' },
      ],
    },
    sessionEnded: 'Your session was ended by the server. Please log in again.',
  },
};

function accountRoutes(backend: BackendName): AccountRoutes {
  const { account } = DIALECTS[BACKENDS[backend].profile];
  if (account === null) throw new Error(`The ${backend} backend’s dialect has no account routes`);
  return account;
}

const currentUserPath = (backend: BackendName) =>
  DIALECTS[BACKENDS[backend].profile].currentUser.path;

/** The next answer from `url`, exactly. */
const answerFrom = (page: Page, url: string) =>
  page.waitForResponse((response) => response.url() === url);

/**
 * A password that no earlier test set, and that every backend's policy accepts: Django's
 * validators too, so nothing like the username or the e-mail address.
 */
const newPassword = () =>
  `lantern-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

/**
 * Asks for a reset link from the login page, as the person would, and returns the link from the
 * e-mail the server sent, to be opened on `baseURL`.
 */
async function resetLinkFromMail(
  page: Page,
  { person, backend, baseURL }: { person: Person; backend: BackendName; baseURL: string },
): Promise<string> {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  const before = mailbox(backend).length;
  await page.getByLabel('Username').fill(person.username);
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
          .find((message) => message.to === person.email)),
    )
    .toBeDefined();
  if (mail === undefined) throw new Error(`No e-mail to ${person.email}`);
  expect(mail.subject).toBe('Reset your password');
  const link = /(\S+\/reset-password#token=\S+)/.exec(mail.body)?.[1];
  if (link === undefined) throw new Error(`No reset link in the e-mail:\n${mail.body}`);
  const url = new URL(link);
  // One server serves both modes' apps and has one APP_URL, the cross-origin app's: the proxy's
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

/** The username on the profile page; FastAPI's e-mail address beside it holds it too. */
const profileOf = (page: Page, username: string) =>
  page.getByRole('definition').getByText(username, { exact: true });

async function logInAndGreet(page: Page, username: string, password: string) {
  await page.goto('/login');
  await logIn(page, username, password);
  await expect(page.getByRole('heading', { name: `Welcome, ${username}!` })).toBeVisible();
}

/**
 * Another browser (storage of its own, as another device) logged in as `username`, held to the
 * rules of the `page` fixture: no console error but the revoked token's 401, no policy violation.
 */
async function otherDevice(browser: Browser, baseURL: string, username: string, password: string) {
  const { context, page, violations } = await pageRecordingViolations(browser, baseURL);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !failedRequestLog(401).test(message.text())) {
      problems.push(`console.error: ${message.text()}`);
    }
  });
  await logInAndGreet(page, username, password);
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
 * the session on /login saying so.
 */
async function sessionEndsOnNextRequest(
  page: Page,
  { backend, apiOrigin }: { backend: AccountBackend; apiOrigin: string },
) {
  const url = `${apiOrigin}${currentUserPath(backend)}`;
  const answer = answerFrom(page, url);
  // A click on Profile would ask nothing: the app keeps the user it loaded for 30 s. Coming back to
  // the page later, as a reload does, asks the server with the stored token.
  await page.reload();

  expect((await answer).status()).toBe(401);
  expect(await (await answer).json()).toEqual(CASES[backend].revokedTokenAnswer);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('alert')).toHaveText(CASES[backend].sessionEnded);
  expect(await storedToken(page)).toBeNull();
}

for (const backend of Object.keys(CASES) as AccountBackend[]) {
  test.describe(CASES[backend].label, () => {
    test.use({ backend });
    // Every test goes on with the password the one before it set: in order, and none after a
    // failure, which leaves that password unknown.
    test.describe.configure({ mode: 'serial' });

    const routes = accountRoutes(backend);
    let password: string | null = null;
    const knownPassword = () => {
      if (password === null) throw new Error('Run with the tests before it: they set the password');
      return password;
    };

    // First, as the one flow that needs no password of the person's: on FastAPI and SimpleJWT the
    // other project's run of these tests may have changed it already.
    test.describe('a reset link used a second time', () => {
      // The used token is refused: the real 400.
      test.use({ allowConsoleErrors: [failedRequestLog(400)] });

      test('is said to be invalid or expired, and changes nothing', async ({
        page,
        mode,
        baseURL,
        apiOrigin,
      }) => {
        const person = CASES[backend].people[mode];
        const link = await resetLinkFromMail(page, {
          person,
          backend,
          baseURL: requireBaseURL(baseURL),
        });
        const set = newPassword();
        await openLinkAndSetPassword(page, link, set);
        await expect(page).toHaveURL(/\/login$/);
        password = set;
        const refused = answerFrom(page, `${apiOrigin}${routes.resetConfirm.path}`);

        await openLinkAndSetPassword(page, link, newPassword());

        expect((await refused).status()).toBe(400);
        expect(await (await refused).json()).toEqual(CASES[backend].usedLinkAnswer);
        await expect(page.getByRole('alert')).toHaveText(
          'This reset link is invalid or has expired. Request a new link',
        );
        await expect(page.getByLabel('New password', { exact: true })).toHaveCount(0);
        await page.getByRole('link', { name: 'Request a new link' }).click();
        await expect(page).toHaveURL(/\/forgot-password$/);
        await logInAndGreet(page, person.username, set);
      });
    });

    test.describe('a reset link from the e-mail', () => {
      // The old password is refused: the real 401.
      test.use({ allowConsoleErrors: [failedRequestLog(401)] });

      test('sets a new password: it logs in, and the old one is refused', async ({
        page,
        mode,
        baseURL,
      }) => {
        const person = CASES[backend].people[mode];
        const oldPassword = knownPassword();
        const link = await resetLinkFromMail(page, {
          person,
          backend,
          baseURL: requireBaseURL(baseURL),
        });
        const set = newPassword();

        await openLinkAndSetPassword(page, link, set);

        await expect(page).toHaveURL(/\/login$/);
        await expect(page.getByRole('status').filter({ hasText: 'Password changed' })).toHaveText(
          'Password changed. Log in with your new password.',
        );
        password = set;
        await logIn(page, person.username, oldPassword);
        await expect(page.getByRole('alert')).toHaveText(
          'Wrong username or password. Check both and try again.',
        );
        expect(await storedToken(page)).toBeNull();
        await logIn(page, person.username, set);
        await expect(
          page.getByRole('heading', { name: `Welcome, ${person.username}!` }),
        ).toBeVisible();
      });
    });

    test('a password change keeps this browser logged in and ends the other’s session', async ({
      page,
      browser,
      mode,
      baseURL,
      apiOrigin,
    }) => {
      const { username } = CASES[backend].people[mode];
      const oldPassword = knownPassword();
      await logInAndGreet(page, username, oldPassword);
      const other = await otherDevice(browser, requireBaseURL(baseURL), username, oldPassword);
      const before = await storedToken(page);
      await page.getByRole('link', { name: 'Account', exact: true }).click();
      const changed = answerFrom(page, `${apiOrigin}${routes.passwordChange.path}`);
      const set = newPassword();

      await page.getByLabel('Current password', { exact: true }).fill(oldPassword);
      await page.getByLabel('New password', { exact: true }).fill(set);
      await page.getByLabel('Confirm new password', { exact: true }).fill(set);
      await page.getByRole('button', { name: 'Change password' }).click();

      expect((await changed).status()).toBe(200);
      password = set;
      await expect(page.getByRole('status').filter({ hasText: 'Password changed' })).toHaveText(
        'Password changed.',
      );
      expect(await storedToken(page)).not.toBe(before);
      await page.getByRole('link', { name: 'Profile', exact: true }).click();
      await expect(profileOf(page, username)).toBeVisible();
      // The server has the last word on the new token: a reload asks it again.
      const accepted = answerFrom(page, `${apiOrigin}${currentUserPath(backend)}`);
      await page.reload();
      expect((await accepted).status()).toBe(200);
      await expect(profileOf(page, username)).toBeVisible();
      await expect(page).toHaveURL(/\/profile$/);

      await sessionEndsOnNextRequest(other.page, { backend, apiOrigin });
      await other.close();
    });

    test('log out everywhere ends this browser’s session and the other’s', async ({
      page,
      browser,
      mode,
      baseURL,
      apiOrigin,
    }) => {
      const { username } = CASES[backend].people[mode];
      await logInAndGreet(page, username, knownPassword());
      const other = await otherDevice(browser, requireBaseURL(baseURL), username, knownPassword());
      await page.getByRole('link', { name: 'Account', exact: true }).click();
      const done = answerFrom(page, `${apiOrigin}${routes.logoutEverywhere.path}`);

      await page.getByRole('button', { name: 'Log out everywhere' }).click();

      expect((await done).status()).toBe(200);
      await expect(page).toHaveURL(/\/login$/);
      await expect(page.getByRole('status').filter({ hasText: 'logged out' })).toHaveText(
        'You were logged out on every device.',
      );
      expect(await storedToken(page)).toBeNull();

      await sessionEndsOnNextRequest(other.page, { backend, apiOrigin });
      await other.close();
    });
  });
}
