/**
 * Two-step verification as the app uses it: its state, the set-up with an authenticator app, and
 * the login's second step (docs/api/flask-jwt-extended.md).
 */
import { expectNumber, expectRecord, expectString, ShapeError } from '../lib/parse';
import { apiRequest } from './api-client';
import { sessionStartParser, type SessionStart } from './endpoints';
import { factorRoutes } from './factor-routes';
import { env } from '../config/env';

export interface TwoFactorStatus {
  enabled: boolean;
  recoveryCodesLeft: number;
}

/** A pending set-up: the secret to put in an authenticator app, as text and as a QR code's URI. */
export interface TwoFactorSetup {
  secret: string;
  otpauthUri: string;
}

/** What the second step sends: the app's current code, or one of the recovery codes. */
export type SecondFactor = { code: string } | { recoveryCode: string };

export function fetchTwoFactorStatus(signal?: AbortSignal): Promise<TwoFactorStatus> {
  return apiRequest(factorRoutes().twoFactor, {
    parse: (data) => {
      const record = expectRecord(data, 'the two-step status');
      if (typeof record.enabled !== 'boolean') {
        throw new ShapeError('the two-step status.enabled is not a boolean');
      }
      return {
        enabled: record.enabled,
        recoveryCodesLeft: expectNumber(record, 'recovery_codes_left', 'the two-step status'),
      };
    },
    signal,
  });
}

/** A new secret, replacing any earlier one not yet confirmed. */
export function startTwoFactorSetup(signal?: AbortSignal): Promise<TwoFactorSetup> {
  return apiRequest(`${factorRoutes().twoFactor}/setup`, {
    method: 'POST',
    parse: (data) => {
      const record = expectRecord(data, 'the two-step set-up');
      return {
        secret: expectString(record, 'secret', 'the two-step set-up'),
        otpauthUri: expectString(record, 'otpauth_uri', 'the two-step set-up'),
      };
    },
    signal,
  });
}

/** Turns two-step verification on with a code from the app; answers the recovery codes. */
export function enableTwoFactor(code: string, signal?: AbortSignal): Promise<string[]> {
  return apiRequest(`${factorRoutes().twoFactor}/enable`, {
    method: 'POST',
    body: { json: { code } },
    parse: (data) => {
      const codes = expectRecord(data, 'the two-step answer').recovery_codes;
      if (!Array.isArray(codes) || !codes.every((code) => typeof code === 'string')) {
        throw new ShapeError('the two-step answer.recovery_codes is not a list of strings');
      }
      return codes;
    },
    signal,
  });
}

export function disableTwoFactor(password: string, signal?: AbortSignal): Promise<void> {
  return apiRequest(`${factorRoutes().twoFactor}/disable`, {
    method: 'POST',
    body: { json: { password } },
    parse: () => undefined,
    signal,
  });
}

/** The login's second step: the password step's token with a code; answers the login's body. */
export function verifySecondStep(
  mfaToken: string,
  factor: SecondFactor,
  signal?: AbortSignal,
): Promise<SessionStart> {
  return apiRequest(factorRoutes().secondStep, {
    method: 'POST',
    body: {
      json:
        'code' in factor
          ? { mfa_token: mfaToken, code: factor.code }
          : { mfa_token: mfaToken, recovery_code: factor.recoveryCode },
    },
    parse: sessionStartParser(env.dialect.login.parse),
    authenticated: false,
    signal,
  });
}
