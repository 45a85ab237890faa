/**
 * The account routes as the app uses them: a reset link by e-mail, a new password with its token,
 * a password change, and log-out-everywhere. Paths and bodies are the build's dialect's.
 */
import type { AccountRoutes } from '../backends/api-dialect';
import { env } from '../config/env';
import { apiRequest } from './api-client';
import { sessionStartParser, type SessionStart } from './endpoints';

function accountRoutes(): AccountRoutes {
  const { account } = env.dialect;
  // vite.config.ts refuses VITE_PASSWORD_RESET=true for a dialect without them, and the account
  // page is not offered then: no page calls this.
  if (account === null) throw new Error(`The ${env.dialect.profile} dialect has no account routes`);
  return account;
}

const ignoreBody = () => undefined;

/** Asks for a reset link; the server answers the same whether the account exists or not. */
export function requestPasswordReset(identifier: string, signal?: AbortSignal): Promise<void> {
  const { resetRequest } = accountRoutes();
  return apiRequest(resetRequest.path, {
    method: 'POST',
    body: resetRequest.body(identifier, env.loginIdentifier),
    parse: ignoreBody,
    authenticated: false,
    signal,
  });
}

/** Sets the new password with the link's token. */
export function confirmPasswordReset(
  token: string,
  password: string,
  signal?: AbortSignal,
): Promise<void> {
  const { resetConfirm } = accountRoutes();
  return apiRequest(resetConfirm.path, {
    method: 'POST',
    body: resetConfirm.body(token, password),
    parse: ignoreBody,
    authenticated: false,
    signal,
  });
}

/** Changes the logged-in person's password; resolves with the new tokens the server issued. */
export function changePassword(
  currentPassword: string,
  newPassword: string,
  signal?: AbortSignal,
): Promise<SessionStart> {
  const { passwordChange } = accountRoutes();
  return apiRequest(passwordChange.path, {
    method: 'POST',
    body: passwordChange.body(currentPassword, newPassword),
    parse: sessionStartParser(passwordChange.parse),
    signal,
  });
}

/** Revokes every token of the logged-in person, on every device. */
export function logOutEverywhere(signal?: AbortSignal): Promise<void> {
  return apiRequest(accountRoutes().logoutEverywhere.path, {
    method: 'POST',
    parse: ignoreBody,
    signal,
  });
}
