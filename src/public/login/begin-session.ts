/**
 * Starting the session a login's answer carries, whichever step answered it: the password, the
 * second step, or a passkey.
 */
import { ApiError } from '../../api/api-error';
import type { CurrentUser, SessionStart } from '../../api/endpoints';
import { startSession } from '../../auth/session';
import { getToken } from '../../auth/token-storage';
import { privateApp } from '../../guard/private-app-loader';
import type { Messages } from '../../i18n/messages';
import {
  describeLoginFailure,
  type LoginFailure,
  type LoginProblem,
} from './describe-login-failure';
import type { LoginState } from './use-login';

/**
 * Where a login stands once its request has answered: failed (said in the page's language when it
 * renders) or waiting for its second step; null once the session has started (or the request was
 * called off).
 */
export type LoginOutcome = Exclude<LoginState, { status: 'idle' | 'pending' }> | null;

export const failed = (failure: LoginFailure): LoginOutcome => ({
  status: 'failed',
  describe: (messages: Messages): LoginProblem => describeLoginFailure(failure, messages),
});

// A failed download of the private code is shown, with a retry, by the page that needs it.
const ignoreLoadFailure = () => undefined;

/** An error from a login's request, or a broken answer, as the failure to show. */
export const failedWith = (error: unknown): LoginOutcome =>
  failed(error instanceof ApiError ? error : new ApiError('invalid-response', String(error)));

/**
 * Starts the session a login's answer carries. `identifier`, when known, greets the person at
 * once: an answer that names the user (the tutorial's user_id) seeds the cache before the token
 * is stored, and the current-user endpoint confirms it.
 */
export function beginSession({ tokens, userId }: SessionStart, identifier: string | null) {
  const user: CurrentUser | null =
    userId === null || identifier === null
      ? null
      : { id: userId, identifier, email: null, fullName: null };
  const token = startSession(tokens, (started) => {
    const app = privateApp.getState();
    if (user !== null && app.status === 'loaded') app.module.seedSession(started, user);
  });
  if (token === null) {
    return failed(tokens === null ? 'cookies-unreadable' : 'token-already-expired');
  }
  privateApp.preload().then((module) => {
    if (user !== null && getToken() === token) module.seedSession(token, user);
  }, ignoreLoadFailure);
  return null;
}
