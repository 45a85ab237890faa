import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, failedRequestLog, logIn, signUp, test } from './fixtures';

/** Axe findings of impact serious or critical, as `rule: selector` lines. */
async function seriousFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
    );
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme, allowConsoleErrors: [failedRequestLog(401)] });

    test('/login, empty and with an error, has no serious axe finding', async ({ page }) => {
      await page.goto('/login');
      await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
      expect(await seriousFindings(page)).toEqual([]);

      await logIn(page, 'alesanchezr', 'wrong');
      await expect(page.getByRole('alert')).toBeVisible();
      expect(await seriousFindings(page)).toEqual([]);
    });

    test.describe('/signup', () => {
      test.use({ allowConsoleErrors: [failedRequestLog(409)] });

      test('empty, and with problems under a field and in the alert, has no serious axe finding', async ({
        page,
      }) => {
        await page.goto('/signup');
        await expect(page.getByRole('button', { name: 'Sign up' })).toBeVisible();
        expect(await seriousFindings(page)).toEqual([]);

        await signUp(page, 'alesanchezr');
        await expect(page.getByRole('alert')).toContainText('This username is taken');
        expect(await seriousFindings(page)).toEqual([]);

        await page.getByLabel('Confirm password').fill('something else');
        await page.getByRole('button', { name: 'Sign up' }).click();
        await expect(page.getByRole('alert')).toContainText('do not match');
        expect(await seriousFindings(page)).toEqual([]);
      });
    });

    test.describe('the password pages', () => {
      test.use({ allowConsoleErrors: [failedRequestLog(400)] });

      test('/forgot-password and /reset-password have no serious axe finding', async ({ page }) => {
        // Three axe runs: more than 30 s when the two cores are busy with the other worker.
        test.slow();
        await page.goto('/forgot-password');
        await page.getByLabel('Username').fill('ada');
        await page.getByRole('button', { name: 'Send reset link' }).click();
        await expect(page.getByText('If an account matches')).toBeVisible();
        expect(await seriousFindings(page)).toEqual([]);

        await page.goto('/reset-password#token=not-a-real-token');
        await page.getByLabel('New password', { exact: true }).fill('password');
        await page.getByLabel('Confirm new password').fill('password');
        await expect(page.getByRole('meter', { name: 'Password strength' })).toBeVisible();
        expect(await seriousFindings(page)).toEqual([]);
        await page.getByRole('button', { name: 'Set new password' }).click();
        await expect(page.getByRole('alert')).toContainText('invalid or has expired');
        expect(await seriousFindings(page)).toEqual([]);
      });

      test('/account has no serious axe finding', async ({ page }) => {
        await page.goto('/account');
        await logIn(page);
        await page.getByRole('button', { name: 'Change password' }).click();
        await expect(page.getByText('Enter your current password.')).toBeVisible();
        expect(await seriousFindings(page)).toEqual([]);
      });
    });

    test('/, /profile and the 404 page have no serious axe finding', async ({ page }) => {
      await page.goto('/login');
      await logIn(page);
      await expect(page.getByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();
      expect(await seriousFindings(page)).toEqual([]);

      await page.getByRole('link', { name: 'Profile', exact: true }).click();
      await expect(page.getByRole('definition').filter({ hasText: 'alesanchezr' })).toBeVisible();
      expect(await seriousFindings(page)).toEqual([]);

      await page.goto('/no-such-page');
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
      expect(await seriousFindings(page)).toEqual([]);
    });
  });
}
