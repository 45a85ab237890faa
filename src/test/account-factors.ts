/**
 * A mock user's second factors, set up through the mock API's own routes as the account page
 * would: two-step verification with the authenticator app's secret, and passkeys.
 */
import { needsSecondStep, requestToken } from '../api/endpoints';
import { totpCode } from '../backends/flask-jwt-extended/mock/totp';
import { env } from '../config/env';
import { apiPath } from '../mock-api/handlers';
import { mockUser } from './render-app';
import type { SoftwareAuthenticator } from './software-authenticator';

async function send(
  token: string,
  path: string,
  body?: unknown,
  method = 'POST',
): Promise<unknown> {
  const response = await fetch(new URL(apiPath(path), window.location.origin), {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

/** A token of the user's, without starting a session in the page. */
async function tokenOf(username: string): Promise<string> {
  const user = mockUser(username);
  const answer = await requestToken({
    identifier: user[env.loginIdentifier],
    password: user.password,
  });
  if (needsSecondStep(answer) || answer.tokens === null) {
    throw new Error(`${username} cannot log in with a password alone`);
  }
  return answer.tokens.token;
}

const field = (body: unknown, name: string): unknown => (body as Record<string, unknown>)[name];

/**
 * Turns two-step verification on for the user. The code that turned it on cannot be used again:
 * move the clock on a step (30 s) before logging in with a code.
 */
export async function turnOnTwoStep(
  username: string,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const token = await tokenOf(username);
  const secret = String(field(await send(token, '/2fa/setup'), 'secret'));
  const enabled = await send(token, '/2fa/enable', { code: await totpCode(secret) });
  return { secret, recoveryCodes: field(enabled, 'recovery_codes') as string[] };
}

/** Adds a passkey of `authenticator` to the user's account; answers its id. */
export async function addPasskey(
  username: string,
  authenticator: SoftwareAuthenticator,
  name = 'Laptop',
): Promise<string> {
  const token = await tokenOf(username);
  const begun = await send(token, '/webauthn/register/begin');
  const options = field(begun, 'publicKey') as PublicKeyCredentialCreationOptionsJSON;
  const credential = await authenticator.register(options, window.location.origin);
  return String(
    field(await send(token, '/webauthn/register/complete', { credential, name }), 'id'),
  );
}

/** Removes a passkey from the user's account; the authenticator still holds it. */
export async function removePasskey(username: string, id: string): Promise<void> {
  await send(await tokenOf(username), `/webauthn/credentials/${id}`, undefined, 'DELETE');
}
