/**
 * The backend's endpoints as the app uses them: log in, who is logged in, sign up. Paths, bodies
 * and answers are the build's dialect's (env.dialect); the login field is VITE_LOGIN_IDENTIFIER.
 */
import { cookieMode } from '../config/cookie-mode';
import { COOKIE_SESSIONS, env } from '../config/env';
import type { Credentials, CurrentUser, LoginResult } from '../backends/api-dialect';
import type { SessionTokens } from '../auth/session';
import { expectString, isRecord } from '../lib/parse';
import { apiRequest } from './api-client';

export type { Credentials, CurrentUser } from '../backends/api-dialect';

/** What a login answer starts a session with. */
export interface SessionStart {
  /** null when the answer set httpOnly cookies instead. */
  tokens: SessionTokens | null;
  /** The user's id, when the answer says it (the tutorial's `user_id`). */
  userId: number | null;
}

/**
 * Reads an answer that starts a session (a login, a password change): the tokens in its body, as
 * `parse` reads them, or, with cookie sessions, the body that says the cookies are set.
 */
export function sessionStartParser(parse: (data: unknown) => LoginResult) {
  return (data: unknown): SessionStart => {
    if (COOKIE_SESSIONS) return { tokens: null, userId: cookieMode().parseLogin(data).userId };
    const { token, refreshToken, userId } = parse(data);
    return { tokens: { token, refreshToken }, userId };
  };
}

/** A password (or a passkey without user verification) that needs a second step to log in. */
export interface SecondStepNeeded {
  /** Carries the login to the second step: short-lived, and no access token. */
  mfaToken: string;
}

/** A login's answer: a session, or the second step it needs first. */
export type LoginAnswer = SessionStart | SecondStepNeeded;

export const needsSecondStep = (answer: LoginAnswer): answer is SecondStepNeeded =>
  'mfaToken' in answer;

/** Reads a login's answer, which asks for the second step when the account has it on. */
export function loginAnswerParser(parse: (data: unknown) => LoginResult) {
  const sessionStart = sessionStartParser(parse);
  return (data: unknown): LoginAnswer =>
    isRecord(data) && data.mfa_required === true
      ? { mfaToken: expectString(data, 'mfa_token', 'the login answer') }
      : sessionStart(data);
}

export function requestToken(credentials: Credentials, signal?: AbortSignal): Promise<LoginAnswer> {
  const { login } = env.dialect;
  return apiRequest(login.path, {
    method: 'POST',
    body: login.body(credentials, env.loginIdentifier),
    parse: loginAnswerParser(login.parse),
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
