/** The backend issues 3-second tokens: the session ends while the page is open. */
import { sessionExpiresWhileOpen } from './backend-flows';
import { test } from './fixtures';

test.use({ backend: 'short-lived' });

test('a token that expires while the page is open ends the session, with the reason', ({ page }) =>
  sessionExpiresWhileOpen(page, { timeout: 15_000 }));
