/**
 * What a submitted login does: ask the backend for a token and start the session with it, or
 * hand over to the second step. Its own chunk, with the API client it brings along: the login
 * page's first load needs none of it, the form downloads it when someone starts filling it in.
 */
import { ApiError } from '../../api/api-error';
import {
  needsSecondStep,
  requestToken,
  type Credentials,
  type LoginAnswer,
} from '../../api/endpoints';
import { clearSessionEndReason } from '../../auth/session';
import { privateApp } from '../../guard/private-app-loader';
import { beginSession, failed, failedWith, type LoginOutcome } from './begin-session';
import { secondStep } from './second-step-loader';

export type { LoginOutcome } from './begin-session';

/** A login's answer: the session it starts, or its second step, once that step's code is here. */
export async function settleLogin(
  answer: LoginAnswer,
  identifier: string | null,
): Promise<LoginOutcome> {
  if (!needsSecondStep(answer)) return beginSession(answer, identifier);
  try {
    await secondStep.preload();
  } catch (error) {
    return failed(
      new ApiError('network', 'the second step could not be downloaded', { cause: error }),
    );
  }
  return { status: 'second-step', mfaToken: answer.mfaToken, identifier };
}

export async function requestLogin(
  credentials: Credentials,
  signal: AbortSignal,
): Promise<LoginOutcome> {
  clearSessionEndReason();
  // Fetch the private pages' code while the server checks the password.
  privateApp.prefetch();
  try {
    const answer = await requestToken(credentials, signal);
    if (signal.aborted) return null;
    return await settleLogin(answer, credentials.identifier);
  } catch (error) {
    return signal.aborted ? null : failedWith(error);
  }
}
