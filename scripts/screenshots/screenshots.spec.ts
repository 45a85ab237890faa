import { expect, test, type Page } from '@playwright/test';
import { addVirtualAuthenticator } from '../../e2e/fixtures';
import { totpCode } from '../../src/backends/flask-jwt-extended/mock/totp';

const OUT = 'docs/screenshots';

async function fillAndSubmit(page: Page, password: string) {
  await page.getByLabel('Username').fill('alesanchezr');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [device, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['mobile', { width: 375, height: 740 }],
  ] as const) {
    test(`login page, ${colorScheme}, ${device}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      await page.goto('/login');
      await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
      await page.screenshot({ path: `${OUT}/login-${colorScheme}-${device}.png` });
    });
  }
}

test('login error state', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/login');
  await fillAndSubmit(page, 'wrong-password');
  await expect(page.getByRole('alert')).toBeVisible();
  await page.screenshot({ path: `${OUT}/login-error.png` });
});

test('sign-up page, with a confirmation that does not match', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/signup');
  await page.getByLabel('Username').fill('grace');
  await page.getByLabel('Password', { exact: true }).fill('hopper1906');
  await page.getByLabel('Confirm password').fill('hopper1960');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.screenshot({ path: `${OUT}/signup.png` });
});

test('profile page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/profile');
  await fillAndSubmit(page, '12341234');
  await expect(page.getByRole('definition').filter({ hasText: 'alesanchezr' })).toBeVisible();
  await page.screenshot({ path: `${OUT}/profile.png` });
});

test('forgot password, after sending, with the Mailbox open', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/forgot-password');
  await page.getByLabel('Username').fill('ada');
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText('If an account matches')).toBeVisible();
  await page.screenshot({ path: `${OUT}/forgot-password.png` });
  await page.getByRole('button', { name: /^Mock API/ }).click();
  const mailbox = page.getByRole('group', { name: 'Mailbox' });
  await mailbox.scrollIntoViewIfNeeded();
  await expect(mailbox.getByRole('link', { name: 'Open the reset link' })).toBeVisible();
  await page.screenshot({ path: `${OUT}/mock-mailbox.png` });

  await mailbox.getByRole('link', { name: 'Open the reset link' }).click();
  await page.getByLabel('New password', { exact: true }).fill('lovelace');
  await page.getByLabel('Confirm new password').fill('lovelace');
  await expect(page.getByText('Weak', { exact: true })).toBeVisible();
  await page.screenshot({ path: `${OUT}/reset-password.png` });
});

test('account page, after a password change', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/account');
  await fillAndSubmit(page, '12341234');
  await page.getByLabel('Current password').fill('12341234');
  await page.getByLabel('New password', { exact: true }).fill('analytical-engine-1843');
  await page.getByLabel('Confirm new password').fill('analytical-engine-1843');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed.', { exact: true })).toBeVisible();
  await page.screenshot({ path: `${OUT}/account.png` });
});

/** The build with two-step verification and passkeys, opened by name: WebAuthn refuses IPs. */
const FACTORS = 'http://localhost:4177';

test('two-step verification and passkeys: set-up, recovery codes, account, second step', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const { cdp, authenticatorId } = await addVirtualAuthenticator(page);
  await page.goto(`${FACTORS}/account`);
  await fillAndSubmit(page, '12341234');
  const twoStep = page.getByRole('region', { name: 'Two-step verification' });
  await twoStep.getByRole('button', { name: 'Set up two-step verification' }).click();
  await expect(
    twoStep.getByRole('img', { name: 'QR code for your authenticator app' }),
  ).toBeVisible();
  await twoStep.screenshot({ path: `${OUT}/two-step-setup.png` });

  const setupKey = /Setup key\s*([A-Z2-7 ]+[A-Z2-7])/.exec(await twoStep.innerText())?.[1] ?? '';
  await twoStep.getByLabel('Authentication code').fill(await totpCode(setupKey.replace(/ /g, '')));
  await twoStep.getByRole('button', { name: 'Turn on' }).click();
  await expect(twoStep.getByRole('button', { name: 'Done' })).toBeVisible();
  await twoStep.screenshot({ path: `${OUT}/two-step-recovery-codes.png` });
  await twoStep.getByRole('button', { name: 'Done' }).click();

  const passkeys = page.getByRole('region', { name: 'Passkeys' });
  await passkeys.getByLabel('Passkey name').fill('Work laptop');
  await passkeys.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(passkeys.getByText('Work laptop', { exact: true })).toBeVisible();
  await page.locator('.account').screenshot({ path: `${OUT}/account-factors.png` });

  // The passkey stays with the person, not in this browser: the login page asks for the code.
  await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign in with a passkey' })).toBeVisible();
  await page.screenshot({ path: `${OUT}/login-passkey.png` });
  await fillAndSubmit(page, '12341234');
  await expect(page.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
  await page.getByLabel('Authentication code').fill('000000');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.screenshot({ path: `${OUT}/login-second-step.png` });
});
