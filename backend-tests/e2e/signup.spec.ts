/** Sign-up on the real backend, in the tutorial's username mode. */
import {
  anyOf,
  expect,
  failedRequestLog,
  freshIdentifier,
  identifierField,
  signUp,
  storedToken,
  test,
} from './fixtures';

test('sign up, log in with the new account, and reach the private page', async ({ page }) => {
  const name = freshIdentifier('username');
  const created = page.waitForResponse((response) => response.url().endsWith('/signup'));
  await page.goto('/login');
  await page.getByRole('link', { name: 'Create an account' }).click();

  await signUp(page, name);

  expect((await created).status()).toBe(201);
  await expect(page.getByRole('status').filter({ hasText: 'Account created' })).toBeVisible();
  await expect(identifierField(page)).toHaveValue(name);
  await page.getByLabel('Password').fill('hopper1906');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${name}!` })).toBeVisible();
  expect(await storedToken(page)).not.toBeNull();
});

test.describe('a username that is taken', () => {
  test.use({ allowConsoleErrors: [failedRequestLog(409)] });

  test('gets the real 409, said under the field', async ({ page }) => {
    await page.goto('/signup');
    await signUp(page, 'alesanchezr');

    await expect(page.getByRole('alert')).toContainText('This username is taken');
    await expect(page.getByLabel('Username')).toBeFocused();
    await expect(page).toHaveURL(/\/signup$/);
  });
});

test.describe('on a backend without sign-up (the tutorial’s own)', () => {
  // Through the proxy the 404 arrives; cross-origin the browser fails the CORS preflight (the
  // OPTIONS gets 404 too) and logs it, and fetch fails as if the network were down.
  test.use({
    backend: 'short-lived',
    allowConsoleErrors: [
      anyOf(
        failedRequestLog(404),
        /^Access to fetch at '[^']+\/signup' from origin '[^']+' has been blocked by CORS policy/,
        /^Failed to load resource: net::ERR_FAILED$/,
      ),
    ],
  });

  test('says what it can tell, and loses nothing', async ({ page, mode }) => {
    await page.goto('/signup');
    await signUp(page, freshIdentifier('username'));

    await expect(page.getByRole('alert')).toHaveText(
      mode === 'proxy'
        ? 'Sign-ups are not available on this server.'
        : 'Can’t reach the sign-up service. Check your connection and try again; if this keeps happening, this server may not offer sign-ups.',
    );
    await expect(page.getByLabel('Confirm password')).toHaveValue('hopper1906');
  });
});
