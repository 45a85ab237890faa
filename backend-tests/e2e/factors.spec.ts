/**
 * Two-step verification and passkeys on the real Flask backend (pyotp, fido2), cross-origin, in the
 * build with both switched on, opened on localhost: the flows of e2e/factor-flows.ts, which the
 * mock suite runs too, and the server's own answers to what the page shows as refused.
 */
import type { Page } from '@playwright/test';
import {
  addPasskeyThenSignIn,
  passkeyFromAutofill,
  recoveryCodeWorksOnce,
  removePasskey,
  setUpThenLogInWithCode,
  turnOffWithThePassword,
  wrongCodeIsSaid,
} from '../../e2e/factor-flows';
import { anyOf, expect, failedRequestLog, test } from './fixtures';

test.use({ backend: 'factors' });

/**
 * The server's first answer from `url` with `status`. Awaited once the flow is over, which may be
 * after waitForResponse's own 30 s: the test's timeout bounds it instead.
 */
const refusalFrom = (page: Page, url: string, status: number) =>
  page.waitForResponse((response) => response.url() === url && response.status() === status, {
    timeout: 0,
  });

test.describe('two-step verification', () => {
  test('set up on the account page, then a login asks for the app’s code', ({ page, identifier }) =>
    setUpThenLogInWithCode(page, identifier));

  test.describe('refusals', () => {
    test.use({ allowConsoleErrors: [anyOf(failedRequestLog(400), failedRequestLog(401))] });

    test('a wrong code is said and cleared; the right one logs in', async ({
      page,
      identifier,
      apiOrigin,
    }) => {
      const refused = refusalFrom(page, `${apiOrigin}/token/2fa`, 401);

      await wrongCodeIsSaid(page, identifier);

      expect(await (await refused).json()).toEqual({ msg: 'Invalid code' });
    });

    test('a recovery code logs in once, and is refused the second time', async ({
      page,
      identifier,
      apiOrigin,
    }) => {
      const refused = refusalFrom(page, `${apiOrigin}/token/2fa`, 401);

      await recoveryCodeWorksOnce(page, identifier);

      expect(await (await refused).json()).toEqual({ msg: 'Invalid code' });
    });

    test('turning it off takes the current password', async ({ page, identifier, apiOrigin }) => {
      const refused = refusalFrom(page, `${apiOrigin}/2fa/disable`, 400);

      await turnOffWithThePassword(page, identifier);

      expect(await (await refused).json()).toEqual({ msg: 'Current password is incorrect' });
    });
  });
});

test.describe('passkeys', () => {
  test('one added on the account page signs in, with no second step', ({
    page,
    identifier,
    authenticator,
  }) => addPasskeyThenSignIn(page, identifier, authenticator));

  test('one the browser offers among the field’s suggestions signs in without a click', ({
    page,
    identifier,
    authenticator,
  }) => passkeyFromAutofill(page, identifier, authenticator));

  test.describe('removed', () => {
    test.use({ allowConsoleErrors: [failedRequestLog(401)] });

    test('is gone from the list, and the server no longer knows it', async ({
      page,
      identifier,
      authenticator,
      apiOrigin,
    }) => {
      const refused = refusalFrom(page, `${apiOrigin}/webauthn/login/complete`, 401);

      await removePasskey(page, identifier, authenticator);

      expect(await (await refused).json()).toEqual({ msg: 'Passkey not recognised' });
    });
  });
});
