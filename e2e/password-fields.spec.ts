/**
 * The password fields' details in Chromium: the show/hide toggle, the Caps Lock note and the
 * strength meter, whose code is its own chunk under the build's security policy.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Playwright's CapsLock press does not change getModifierState('CapsLock') in Chromium, and the
 * DevTools protocol has no Caps Lock modifier: the keyboard events are dispatched on the field.
 */
async function typeKeyWithCapsLock(field: Locator, capsLock: boolean) {
  await field.evaluate((input, locked) => {
    for (const type of ['keydown', 'keyup']) {
      input.dispatchEvent(
        new KeyboardEvent(type, { key: 'A', bubbles: true, modifierCapsLock: locked }),
      );
    }
  }, capsLock);
}

test('Show password reveals the password until Hide password, and logging in hides it', async ({
  page,
}) => {
  await page.goto('/login');
  const password = page.getByLabel('Password', { exact: true });
  await password.fill('12341234');

  await page.getByRole('button', { name: 'Show password' }).click();
  await expect(password).toHaveAttribute('type', 'text');
  await expect(page.getByRole('button', { name: 'Hide password' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.getByRole('button', { name: 'Hide password' }).click();
  await expect(password).toHaveAttribute('type', 'password');

  await page.getByRole('button', { name: 'Show password' }).click();
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(password).toHaveAttribute('type', 'password');
});

test('Caps Lock is said while it is on and the password field has focus', async ({ page }) => {
  await page.goto('/login');
  // Keys pressed in the prerendered page before its script has taken over reach no listener;
  // the toggle is enabled when it has.
  await expect(page.getByRole('button', { name: 'Show password' })).toBeEnabled();
  const password = page.getByLabel('Password', { exact: true });
  await password.focus();

  await typeKeyWithCapsLock(password, true);
  await expect(page.getByRole('status').filter({ hasText: 'Caps Lock is on' })).toBeVisible();
  await expect(password).toHaveAccessibleDescription('Caps Lock is on');

  await typeKeyWithCapsLock(password, false);
  await expect(page.getByText('Caps Lock is on')).toBeHidden();

  await typeKeyWithCapsLock(password, true);
  await page.getByLabel('Username').focus();
  await expect(page.getByText('Caps Lock is on')).toBeHidden();
});

test('a new password’s strength is judged in the page, its code fetched only then', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto('/signup');
  const password = page.getByLabel('Password', { exact: true });
  await expect(password).toBeEditable();
  expect(scripts.filter((path) => path.includes('estimate-strength'))).toEqual([]);

  await password.fill('password1');
  const meter = page.getByRole('meter', { name: 'Password strength' });
  await expect(meter).toHaveAttribute('aria-valuetext', 'Weak');
  await expect(page.getByText('This is a commonly used password.')).toBeVisible();

  await password.fill('violet tractor almanac');
  await expect(meter).toHaveAttribute('aria-valuetext', 'Strong');
  expect(scripts.filter((path) => path.includes('estimate-strength'))).toHaveLength(1);
});
