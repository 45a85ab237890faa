/**
 * Password reset, password change and log out everywhere on the mock, as in `npm run dev`: the
 * reset e-mail is read in the Mock API panel's Mailbox. Each browser context has its own mock
 * server (its state lives in the context's localStorage), so changing a seed user's password here
 * touches no other test.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { anyOf, appUrl, expect, failedRequestLog, logIn, test } from './fixtures';

const ADA = { username: 'ada', password: 'lovelace1815' };
const NEW_PASSWORD = 'analytical-engine-1843';

/** Opens the Mock API panel and follows the newest message's link, as a person reading mail. */
async function openResetLinkFromMailbox(page: Page) {
  await page.getByRole('button', { name: /^Mock API/ }).click();
  const mailbox = page.getByRole('group', { name: 'Mailbox' });
  await expect(mailbox.getByRole('listitem')).toHaveCount(1);
  await expect(mailbox).toContainText('To ada@example.com');
  await mailbox.getByRole('link', { name: 'Open the reset link' }).click();
}

async function askForResetLink(page: Page) {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Username').fill(ADA.username);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(
    page.getByText('If an account matches, we sent a link to reset the password.'),
  ).toBeVisible();
}

async function setNewPassword(page: Page, password: string) {
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Confirm new password').fill(password);
  await page.getByRole('button', { name: 'Set new password' }).click();
}

test.describe('forgot password, on the mock', () => {
  test.use({ allowConsoleErrors: [anyOf(failedRequestLog(400), failedRequestLog(401))] });

  test('the Mailbox link sets a new password; the old one is refused, the new one logs in', async ({
    page,
  }) => {
    await askForResetLink(page);
    await openResetLinkFromMailbox(page);

    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    await expect.poll(() => appUrl(page)).toBe('/reset-password');
    await setNewPassword(page, NEW_PASSWORD);

    const changed = page.getByText('Password changed. Log in with your new password.');
    await expect(changed).toBeVisible();
    // History state keeps the news across a reload, which the prerendered /login does not have.
    await page.reload();
    await expect(changed).toBeVisible();
    await logIn(page, ADA.username, ADA.password);
    await expect(page.getByRole('alert')).toContainText('Wrong username or password');
    await logIn(page, ADA.username, NEW_PASSWORD);
    await expect(page.getByRole('heading', { name: 'Welcome, ada!' })).toBeVisible();
  });

  test('the same link a second time is said to be spent', async ({ page }) => {
    await askForResetLink(page);
    await openResetLinkFromMailbox(page);
    await setNewPassword(page, NEW_PASSWORD);
    await expect(page.getByText('Password changed. Log in with your new password.')).toBeVisible();

    await openResetLinkFromMailbox(page);
    await setNewPassword(page, 'difference-engine-1822');

    await expect(page.getByRole('alert')).toContainText(
      'This reset link is invalid or has expired.',
    );
    await expect(page.getByRole('link', { name: 'Request a new link' })).toBeVisible();
  });

  test('the link’s token leaves the address bar before the page’s code has arrived', async ({
    page,
  }) => {
    await askForResetLink(page);
    await page.getByRole('button', { name: /^Mock API/ }).click();
    const link = await page
      .getByRole('group', { name: 'Mailbox' })
      .getByRole('link', { name: 'Open the reset link' })
      .getAttribute('href');
    expect(link).toMatch(/#token=/);
    // The reset pages' code, held back as a slow connection would. On the context, not the page:
    // the mock's service worker makes the page's requests, and only a context's routes see them.
    let release = () => {};
    const arrived = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.context().route('**/*password-reset-pages*', async (route) => {
      await arrived;
      await route.continue();
    });

    await page.goto(link ?? '', { waitUntil: 'domcontentloaded' });
    await expect.poll(() => appUrl(page)).toBe('/reset-password');
    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeHidden();
    release();

    await setNewPassword(page, NEW_PASSWORD);
    await expect(page.getByText('Password changed. Log in with your new password.')).toBeVisible();
  });
});

/** Logs ada in, and opens her profile in a second tab of the same browser. */
async function logInWithSecondTab(page: Page, context: BrowserContext): Promise<Page> {
  await page.goto('/login');
  await logIn(page, ADA.username, ADA.password);
  const second = await context.newPage();
  await second.goto('/profile');
  await expect(second.getByText('ada', { exact: true })).toBeVisible();
  return second;
}

test.describe('the account page, on the mock', () => {
  test.use({ allowConsoleErrors: [failedRequestLog(401)] });

  test('change password: this tab stays in, a second tab follows the new token', async ({
    page,
    context,
  }) => {
    const second = await logInWithSecondTab(page, context);

    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByLabel('Current password').fill(ADA.password);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();

    await expect(page.getByText('Password changed.', { exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'Profile' }).click();
    await expect(page.getByText('ada', { exact: true })).toBeVisible();
    await second.reload();
    await expect(second.getByText('ada', { exact: true })).toBeVisible();
  });

  test('log out everywhere ends the session, here and in the other tab', async ({
    page,
    context,
  }) => {
    const second = await logInWithSecondTab(page, context);

    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('button', { name: 'Log out everywhere' }).click();

    await expect(page.getByText('You were logged out on every device.')).toBeVisible();
    await expect.poll(() => appUrl(page)).toBe('/login');
    await expect(second.getByRole('button', { name: 'Log in' })).toBeVisible();
  });
});
