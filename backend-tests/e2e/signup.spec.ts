/**
 * Sign-up on the real Flask backend, in the tutorial's username mode: the flows the mock suite runs
 * too (backend-flows.ts), and what a backend without sign-up makes of the form.
 */
import { describeSignupFlows } from './backend-flows';
import { anyOf, expect, failedRequestLog, freshIdentifier, signUp, test } from './fixtures';

describeSignupFlows();

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
