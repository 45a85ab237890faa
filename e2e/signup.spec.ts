/** Sign-up against the mock, in the build's identifier (the username and email projects). */
import {
  expect,
  failedRequestLog,
  freshIdentifier,
  identifierField,
  seedIdentifier,
  signUp,
  test,
} from './fixtures';

test('sign up, log in with the new account, and reach the private page', async ({
  page,
  identifier,
}) => {
  const name = freshIdentifier(identifier);
  await page.goto('/profile');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();

  await signUp(page, name);

  await expect(page.getByRole('status').filter({ hasText: 'Account created' })).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  await expect(identifierField(page)).toHaveValue(name);
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page.getByLabel('Password')).toBeFocused();

  await page.getByLabel('Password').fill('hopper1906');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: name })).toBeVisible();
});

test('an account created on the mock is still there after a reload', async ({
  page,
  identifier,
}) => {
  const name = freshIdentifier(identifier);
  await page.goto('/signup');
  await signUp(page, name);
  await expect(page).toHaveURL(/\/login$/);

  await page.reload();
  await identifierField(page).fill(name);
  await page.getByLabel('Password').fill('hopper1906');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
});

test.describe('an identifier that has an account already', () => {
  test.use({ allowConsoleErrors: [failedRequestLog(409)] });

  test('is said under the field, with nothing lost', async ({ page, identifier }) => {
    await page.goto('/signup');
    await signUp(page, seedIdentifier(identifier));

    const field = page.getByLabel(/^(Username|Email)$/);
    await expect(field).toBeFocused();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert')).toContainText(
      identifier === 'email'
        ? 'An account with this email already exists'
        : 'This username is taken',
    );
    await expect(page.getByLabel('Confirm password')).toHaveValue('hopper1906');
    await expect(page).toHaveURL(/\/signup$/);
  });
});
