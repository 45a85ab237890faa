import { expect, storedToken, test } from './fixtures';

/** A JWT-shaped token; the app only decodes it, and the routes below stand in for the server. */
function unsignedToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const exp = Math.floor(Date.now() / 1000) + 900;
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: '1', exp })}.c2ln`;
}

test.describe('with the API unreachable', () => {
  // Without the mock's service worker, requests reach the network, where the test cuts them off.
  test.use({
    serviceWorkers: 'block',
    allowConsoleErrors: [/^Failed to load resource: net::ERR_FAILED$/],
  });

  test('login shows a message, loses nothing, and can be retried', async ({ page }) => {
    let cutOff = true;
    await page.route('**/token', async (route) => {
      if (cutOff) await route.abort('failed');
      else await route.fulfill({ json: { token: unsignedToken(), user_id: 1 } });
    });
    await page.route('**/protected', (route) =>
      route.fulfill({ json: { id: 1, username: 'alesanchezr' } }),
    );
    await page.goto('/login');
    await page.getByLabel('Username').fill('alesanchezr');
    await page.getByLabel('Password').fill('12341234');
    await page.getByRole('button', { name: 'Log in' }).click();

    await expect(page.getByRole('alert')).toContainText('Can’t reach the server');
    await expect(page.getByLabel('Username')).toHaveValue('alesanchezr');
    await expect(page.getByLabel('Password')).toHaveValue('12341234');
    expect(await storedToken(page)).toBeNull();

    cutOff = false;
    await expect(page.getByRole('button', { name: 'Log in' })).toBeEnabled();
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();
  });
});
