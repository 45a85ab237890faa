/**
 * What a submitted login does: ask the backend for a token and start the session with it. Its own
 * chunk, with the API client it brings along: the login page's first load needs none of it, the
 * form downloads it when someone starts filling it in.
 */
import { ApiError } from '../../api/api-error';
import { requestToken, type Credentials, type CurrentUser } from '../../api/endpoints';
import { clearSessionEndReason, startSession } from '../../auth/session';
import { getToken } from '../../auth/token-storage';
import { privateApp } from '../../guard/private-app-loader';
import type { Messages } from '../../i18n/messages';
import {
  describeLoginFailure,
  type LoginFailure,
  type LoginProblem,
} from './describe-login-failure';

/**
 * How a login failed, said in the page's language when it renders; null once the session has
 * started (or the request was called off).
 */
export type LoginOutcome = ((messages: Messages) => LoginProblem) | null;

const failed =
  (failure: LoginFailure): LoginOutcome =>
  (messages) =>
    describeLoginFailure(failure, messages);

// A failed download of the private code is shown, with a retry, by the page that needs it.
const ignoreLoadFailure = () => undefined;

export async function requestLogin(
  credentials: Credentials,
  signal: AbortSignal,
): Promise<LoginOutcome> {
  clearSessionEndReason();
  // Fetch the private pages' code while the server checks the password.
  const privateCode = privateApp.preload();
  privateCode.catch(ignoreLoadFailure);
  try {
    const { tokens, userId } = await requestToken(credentials, signal);
    if (signal.aborted) return null;
    // A login answer that names the user (the tutorial's user_id) seeds the cache before the
    // token is stored, so the first private render can greet them; the current-user endpoint
    // confirms it. Other answers leave the greeting to that endpoint.
    const user: CurrentUser | null =
      userId === null
        ? null
        : { id: userId, identifier: credentials.identifier, email: null, fullName: null };
    const token = startSession(tokens, (started) => {
      const app = privateApp.getState();
      if (user !== null && app.status === 'loaded') app.module.seedSession(started, user);
    });
    if (token === null) {
      return failed(tokens === null ? 'cookies-unreadable' : 'token-already-expired');
    }
    privateCode.then((module) => {
      if (user !== null && getToken() === token) module.seedSession(token, user);
    }, ignoreLoadFailure);
    return null;
  } catch (error) {
    if (signal.aborted) return null;
    return failed(
      error instanceof ApiError ? error : new ApiError('invalid-response', String(error)),
    );
  }
}
