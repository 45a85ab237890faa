/** Nothing listens where the backend should be. */
import { anyOf, expect, failedRequestLog, storedToken, test } from './fixtures';

test.use({ backend: 'down' });

test.describe('with the backend down', () => {
  // The browser logs the refused connection, or the proxy's 502.
  test.use({
    allowConsoleErrors: [
      anyOf(/^Failed to load resource: net::ERR_CONNECTION_REFUSED$/, failedRequestLog(502)),
    ],
  });

  test('login says what happened and loses nothing', async ({ page, mode }) => {
    await page.goto('/login');
    await page.getByLabel('Username').fill('alesanchezr');
    await page.getByLabel('Password').fill('12341234');
    await page.getByRole('button', { name: 'Log in' }).click();

    // Cross-origin the browser cannot connect; through the proxy, the preview server answers 502.
    await expect(page.getByRole('alert')).toContainText(
      mode === 'cross-origin' ? 'Can’t reach the server' : 'The server had a problem (error 502)',
    );
    await expect(page.getByLabel('Username')).toHaveValue('alesanchezr');
    await expect(page.getByLabel('Password')).toHaveValue('12341234');
    await expect(page.getByRole('button', { name: 'Log in' })).toBeEnabled();
    expect(await storedToken(page)).toBeNull();
  });
});
