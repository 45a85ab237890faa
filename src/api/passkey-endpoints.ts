/**
 * Passkeys as the app uses them: adding one to the account, listing and removing them, and
 * signing in with one (docs/api/flask-jwt-extended.md). The WebAuthn options and credentials go
 * as WebAuthn's own JSON forms; the browser's ceremony is the caller's.
 */
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import { env } from '../config/env';
import { expectRecord, expectString, isRecord, ShapeError } from '../lib/parse';
import { apiRequest } from './api-client';
import { loginAnswerParser, type LoginAnswer } from './endpoints';
import { factorRoutes } from './factor-routes';

export interface Passkey {
  /** The credential's id (base64url), which also names it in the API. */
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** A sign-in under way: the options for the browser, and the server's state that goes back. */
export interface PasskeyLoginStart {
  options: PublicKeyCredentialRequestOptionsJSON;
  state: string;
}

function expectDate(record: Record<string, unknown>, key: string, what: string): Date {
  const date = new Date(expectString(record, key, what));
  if (Number.isNaN(date.getTime())) throw new ShapeError(`${what}.${key} is not a date`);
  return date;
}

function parsePasskey(data: unknown): Passkey {
  const what = 'a passkey';
  const record = expectRecord(data, what);
  return {
    id: expectString(record, 'id', what),
    name: expectString(record, 'name', what),
    createdAt: expectDate(record, 'created_at', what),
    lastUsedAt: record.last_used_at == null ? null : expectDate(record, 'last_used_at', what),
  };
}

/** The `publicKey` options of an answer; the browser itself checks them in depth. */
function publicKeyOf(data: unknown, what: string): Record<string, unknown> {
  const options = expectRecord(data, what).publicKey;
  if (!isRecord(options) || typeof options.challenge !== 'string') {
    throw new ShapeError(`${what}.publicKey has no challenge`);
  }
  return options;
}

function isRequestOptions(
  options: Record<string, unknown>,
): options is Record<string, unknown> & PublicKeyCredentialRequestOptionsJSON {
  return typeof options.challenge === 'string';
}

function isCreationOptions(
  options: Record<string, unknown>,
): options is Record<string, unknown> & PublicKeyCredentialCreationOptionsJSON {
  return isRecord(options.rp) && isRecord(options.user) && Array.isArray(options.pubKeyCredParams);
}

const passkeysPath = () => factorRoutes().passkeys;

export function beginPasskeyRegistration(
  signal?: AbortSignal,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return apiRequest(`${passkeysPath()}/register/begin`, {
    method: 'POST',
    parse: (data) => {
      const options = publicKeyOf(data, 'the passkey options');
      if (!isCreationOptions(options)) {
        throw new ShapeError('the passkey options are not creation options');
      }
      return options;
    },
    signal,
  });
}

export function completePasskeyRegistration(
  credential: RegistrationResponseJSON,
  name: string,
  signal?: AbortSignal,
): Promise<Passkey> {
  return apiRequest(`${passkeysPath()}/register/complete`, {
    method: 'POST',
    body: { json: { credential, name } },
    parse: (data) => parsePasskey({ last_used_at: null, ...expectRecord(data, 'a passkey') }),
    signal,
  });
}

export function fetchPasskeys(signal?: AbortSignal): Promise<Passkey[]> {
  return apiRequest(`${passkeysPath()}/credentials`, {
    parse: (data) => {
      if (!Array.isArray(data)) throw new ShapeError('the passkeys are not a list');
      return data.map(parsePasskey);
    },
    signal,
  });
}

export function removePasskey(id: string, signal?: AbortSignal): Promise<void> {
  return apiRequest(`${passkeysPath()}/credentials/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    parse: () => undefined,
    signal,
  });
}

export function beginPasskeyLogin(signal?: AbortSignal): Promise<PasskeyLoginStart> {
  return apiRequest(`${passkeysPath()}/login/begin`, {
    method: 'POST',
    parse: (data) => {
      const what = 'the sign-in options';
      const options = publicKeyOf(data, what);
      if (!isRequestOptions(options)) throw new ShapeError(`${what} are not request options`);
      return { options, state: expectString(expectRecord(data, what), 'state', what) };
    },
    authenticated: false,
    signal,
  });
}

/** Answers the login's body, or the second step when the passkey did not verify the person. */
export function completePasskeyLogin(
  state: string,
  credential: AuthenticationResponseJSON,
  signal?: AbortSignal,
): Promise<LoginAnswer> {
  return apiRequest(`${passkeysPath()}/login/complete`, {
    method: 'POST',
    body: { json: { state, credential } },
    parse: loginAnswerParser(env.dialect.login.parse),
    authenticated: false,
    signal,
  });
}
