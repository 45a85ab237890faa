/**
 * The backend's endpoints as the app uses them: log in, who is logged in, sign up. Paths, bodies
 * and answers are the build's dialect's (env.dialect); the login field is VITE_LOGIN_IDENTIFIER.
 */
import { env } from '../config/env';
import type { Credentials, CurrentUser, LoginResult } from '../backends/api-dialect';
import { apiRequest } from './api-client';

export type { Credentials, CurrentUser, LoginResult } from '../backends/api-dialect';

export function requestToken(credentials: Credentials, signal?: AbortSignal): Promise<LoginResult> {
  const { login } = env.dialect;
  return apiRequest(login.path, {
    method: 'POST',
    body: login.body(credentials, env.loginIdentifier),
    parse: login.parse,
    authenticated: false,
    signal,
  });
}

export function fetchCurrentUser(signal?: AbortSignal): Promise<CurrentUser> {
  const { currentUser } = env.dialect;
  return apiRequest(currentUser.path, {
    parse: (data) => currentUser.parse(data, env.loginIdentifier),
    signal,
  });
}

/** Creates the account (201) and answers the user it created. */
export function requestSignup(
  credentials: Credentials,
  signal?: AbortSignal,
): Promise<CurrentUser> {
  const { signup } = env.dialect;
  // vite.config.ts refuses VITE_SIGNUP=true for a dialect without sign-up: no page calls this then.
  if (signup === null) throw new Error(`The ${env.dialect.profile} dialect has no sign-up`);
  return apiRequest(signup.path, {
    method: 'POST',
    body: signup.body(credentials, env.loginIdentifier),
    parse: (data) => signup.parse(data, env.loginIdentifier),
    authenticated: false,
    signal,
  });
}
