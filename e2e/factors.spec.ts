/**
 * Two-step verification and passkeys on the mock, in the build with both switched on (the
 * `factors` project, on localhost): the flows of factor-flows.ts, which the real Flask backend
 * runs too. The mock checks codes and passkeys for real (TOTP over HMAC, ES256 signatures).
 */
import {
  addPasskeyThenSignIn,
  passkeyFromAutofill,
  recoveryCodeWorksOnce,
  removePasskey,
  setUpThenLogInWithCode,
  turnOffWithThePassword,
  wrongCodeIsSaid,
} from './factor-flows';
import { anyOf, failedRequestLog, test } from './fixtures';

test.describe('two-step verification', () => {
  test('set up on the account page, then a login asks for the app’s code', ({ page, identifier }) =>
    setUpThenLogInWithCode(page, identifier));

  test.describe('refusals', () => {
    test.use({ allowConsoleErrors: [anyOf(failedRequestLog(400), failedRequestLog(401))] });

    test('a wrong code is said and cleared; the right one logs in', ({ page, identifier }) =>
      wrongCodeIsSaid(page, identifier));

    test('a recovery code logs in once, and is refused the second time', ({ page, identifier }) =>
      recoveryCodeWorksOnce(page, identifier));

    test('turning it off takes the current password', ({ page, identifier }) =>
      turnOffWithThePassword(page, identifier));
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

    test('is gone from the list, and the server no longer knows it', ({
      page,
      identifier,
      authenticator,
    }) => removePasskey(page, identifier, authenticator));
  });
});
