/**
 * The build served with headers that are not its own, as a server configured for another build
 * would send them: connect-src 'self' only, while the build calls the backend's origin.
 */
import { pageRecordingViolations } from '../../e2e/fixtures';
import { backendOrigin } from '../topology';
import { expect, test } from './fixtures';

test('a policy that blocks the API is named on the page and in the console', async ({
  browser,
  baseURL,
}) => {
  const { context, page, violations } = await pageRecordingViolations(browser, baseURL);
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.route('**/login', async (route) => {
    const response = await route.fetch();
    const headers = response.headers();
    headers['content-security-policy'] = (headers['content-security-policy'] ?? '').replace(
      /connect-src [^;]*/,
      "connect-src 'self'",
    );
    await route.fulfill({ response, headers });
  });

  await page.goto('/login');
  await page.getByLabel('Username').fill('alesanchezr');
  await page.getByLabel('Password').fill('12341234');
  await page.getByRole('button', { name: 'Log in' }).click();

  const api = backendOrigin('standard');
  await expect(page.getByRole('alert')).toContainText(
    `This page’s security policy blocks the API at ${api}: the server’s headers do not match this build`,
  );
  await expect(page.getByLabel('Password')).toHaveValue('12341234');
  expect(violations.map(({ directive }) => directive)).toEqual(['connect-src']);
  // The console's explanation is its own chunk, so it may come after the page's message.
  await expect
    .poll(() => warnings.filter((text) => text.includes('security policy blocks the API')))
    .toEqual([expect.stringContaining(`connect-src does not allow ${api}`)]);
  await context.close();
});
