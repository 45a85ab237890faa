/**
 * What two-step verification does to a user's factors: a secret set up, then turned on with a
 * first code; codes and recovery codes accepted once each; off again.
 */
import type { MockTwoStep } from '../../../mock-api/server/mock-factors';
import type { MockServerState } from '../../../mock-api/server/mock-server-state';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { acceptedStep, newTotpSecret } from './totp';

function twoStepOf(state: MockServerState, userId: number): MockTwoStep {
  const found = state.factors.twoStep.get(userId);
  if (found !== undefined) return found;
  const created: MockTwoStep = {
    secret: null,
    pendingSecret: null,
    lastStep: null,
    recoveryCodeHashes: [],
  };
  state.factors.twoStep.set(userId, created);
  return created;
}

/** A new pending secret, replacing any earlier one, for the authenticator app to scan. */
export function setUpSecret(state: MockServerState, userId: number): string {
  const secret = newTotpSecret();
  twoStepOf(state, userId).pendingSecret = secret;
  state.onChange();
  return secret;
}

/**
 * Turns two-step verification on when `code` comes from the pending secret: the new recovery
 * codes, or null for a wrong code.
 */
export async function turnOn(
  state: MockServerState,
  userId: number,
  code: string,
): Promise<string[] | null> {
  const twoStep = twoStepOf(state, userId);
  const { pendingSecret } = twoStep;
  if (pendingSecret === null) return null;
  const step = await acceptedStep(pendingSecret, code, { lastStep: twoStep.lastStep });
  if (step === null) return null;
  const codes = newRecoveryCodes();
  twoStep.secret = pendingSecret;
  twoStep.pendingSecret = null;
  twoStep.lastStep = step;
  twoStep.recoveryCodeHashes = await Promise.all(codes.map(hashRecoveryCode));
  state.onChange();
  return codes;
}

/** Secret, pending secret and recovery codes gone; the last step stays, so no code works twice. */
export function turnOff(state: MockServerState, userId: number): void {
  const twoStep = state.factors.twoStep.get(userId);
  if (twoStep === undefined) return;
  twoStep.secret = null;
  twoStep.pendingSecret = null;
  twoStep.recoveryCodeHashes = [];
  state.onChange();
}

/** Whether the authenticator app's code is good now; the step it belongs to is used up. */
export async function acceptCode(
  state: MockServerState,
  userId: number,
  code: string,
): Promise<boolean> {
  const twoStep = state.factors.twoStep.get(userId);
  if (twoStep?.secret == null) return false;
  const step = await acceptedStep(twoStep.secret, code, { lastStep: twoStep.lastStep });
  if (step === null) return false;
  twoStep.lastStep = step;
  state.onChange();
  return true;
}

/** Whether the recovery code is one of the user's unused ones; it is used up. */
export async function redeemRecoveryCode(
  state: MockServerState,
  userId: number,
  code: string,
): Promise<boolean> {
  const twoStep = state.factors.twoStep.get(userId);
  if (twoStep?.secret == null) return false;
  const hash = await hashRecoveryCode(code);
  if (!twoStep.recoveryCodeHashes.includes(hash)) return false;
  twoStep.recoveryCodeHashes = twoStep.recoveryCodeHashes.filter((kept) => kept !== hash);
  state.onChange();
  return true;
}
