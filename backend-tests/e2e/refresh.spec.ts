/**
 * The backend issues 3-second access tokens and 15-second refresh tokens (POST /refresh): the
 * session renews itself, then ends when the refresh token runs out.
 */
import { expect, failedRequestLog, test } from './fixtures';
import { sessionExpiresWhileOpen, sessionRenewsItself } from './backend-flows';

test.use({ backend: 'refresh' });

test('renews the access token with POST /refresh and stays on the page', async ({ page }) => {
  const renewals = await sessionRenewsItself(page, {
    renewalPath: '/refresh',
    currentUserPath: '/protected',
  });

  const statuses = await Promise.all(
    renewals.map(async (request) => (await request.response())?.status()),
  );
  expect(statuses).toEqual([200]);
});

test.describe('once the refresh token has expired too', () => {
  // The refused renewal: 401 "Token has expired" from POST /refresh.
  test.use({ allowConsoleErrors: [failedRequestLog(401)] });

  test('the session ends with the expiry message', ({ page }) =>
    sessionExpiresWhileOpen(page, { timeout: 30_000 }));
});
