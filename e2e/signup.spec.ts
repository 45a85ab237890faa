/**
 * Sign-up against the mock, in the build's identifier (the username and email projects): the
 * flows of signup-flows.ts, which the real Flask backend runs too.
 */
import { failedRequestLog, test } from './fixtures';
import {
  existingAccountIsSaid,
  mismatchCaughtBeforeAnyRequest,
  newAccountOutlivesAReload,
  signUpThenLogIn,
} from './signup-flows';

test('sign up, log in with the new account, and reach the private page', async ({
  page,
  identifier,
}) => {
  await signUpThenLogIn(page, identifier);
});

test('an account created on the mock is still there after a reload', ({ page, identifier }) =>
  newAccountOutlivesAReload(page, identifier));

test.describe('an identifier that has an account already', () => {
  test.use({ allowConsoleErrors: [failedRequestLog(409)] });

  test('is said under the field, with nothing lost', ({ page, identifier }) =>
    existingAccountIsSaid(page, identifier));
});

test('a mismatched confirmation is said before any request', ({ page, identifier }) =>
  mismatchCaughtBeforeAnyRequest(page, identifier));
