/**
 * The session as the app sees it, derived from the stored token, and the one place that starts and
 * ends it.
 * Plain module: the API client, the expiry timer and React all go through here.
 */
import { COOKIE_SESSIONS, env } from '../config/env';
import { decodeJwtClaims, isExpired, msUntilExpiry, type JwtClaims } from '../lib/jwt-claims';
import {
  getToken,
  cookieEndReason,
  peekCsrfCookie,
  reloadRefreshCookie,
  refreshToken,
  reloadTokenFromStorage,
  removeToken,
  setToken,
  subscribeToToken,
} from './token-storage';

export type Session =
  | { status: 'anonymous' }
  /**
   * `claims`: null for a session in httpOnly cookies, whose token the page cannot read (`token` is
   * then its CSRF value): only the server can say it has expired.
   */
  | { status: 'authenticated'; token: string; claims: JwtClaims | null };

export type SessionEndReason =
  'logout' | 'everywhere' | 'expired' | 'invalid' | 'revoked' | 'disabled' | 'other-tab';

const ANONYMOUS: Session = { status: 'anonymous' };

/** An expired access token can be renewed: the backend's dialect renews, and a refresh token is stored. */
export const canRenew = () => env.dialect.refresh !== null && refreshToken.get() !== null;

let cachedToken: string | null = null;
let cachedSession: Session = ANONYMOUS;

/**
 * A stable snapshot for useSyncExternalStore: the same object for the same token. A token that
 * cannot be decoded counts as no session at all, and so does an expired one, unless a refresh
 * token can renew it (the first API call or the expiry watch will).
 */
export function getSession(): Session {
  const token = getToken();
  if (token === cachedToken) return cachedSession;
  cachedToken = token;
  if (COOKIE_SESSIONS) {
    cachedSession = token === null ? ANONYMOUS : { status: 'authenticated', token, claims: null };
    return cachedSession;
  }
  const claims = token === null ? null : decodeJwtClaims(token);
  const alive = claims !== null && (!isExpired(claims, Date.now()) || canRenew());
  cachedSession =
    token !== null && claims !== null && alive
      ? { status: 'authenticated', token, claims }
      : ANONYMOUS;
  return cachedSession;
}

export const subscribeToSession = subscribeToToken;

type ReasonListener = () => void;
const reasonListeners = new Set<ReasonListener>();
let lastEndReason: SessionEndReason | null = null;

export function getSessionEndReason(): SessionEndReason | null {
  return lastEndReason;
}

export function subscribeToSessionEndReason(listener: ReasonListener): () => void {
  reasonListeners.add(listener);
  return () => reasonListeners.delete(listener);
}

function setEndReason(reason: SessionEndReason | null) {
  if (lastEndReason === reason) return;
  lastEndReason = reason;
  for (const listener of [...reasonListeners]) listener();
}

/** Forgets why the last session ended, once the person has seen it or starts a new one. */
export function clearSessionEndReason(): void {
  setEndReason(null);
}

/** The tokens a login answer carries. */
export interface SessionTokens {
  token: string;
  refreshToken: string | null;
}

/**
 * Starts a session with a login's tokens, or with the cookies its answer set (null: the tokens are
 * in httpOnly cookies). Answers the session's token, or null, storing nothing, when this
 * browser's clock sees the access token as expired already, or when this page cannot see the
 * cookies. `beforeStart` runs just before the token is stored (everything private follows it),
 * to prepare what the first private render shows.
 */
export function startSession(
  tokens: SessionTokens | null,
  beforeStart?: (token: string) => void,
): string | null {
  const token = tokens === null ? peekCsrfCookie() : tokens.token;
  if (token === null) return null;
  if (tokens !== null) {
    const claims = decodeJwtClaims(token);
    if (claims === null || isExpired(claims, Date.now())) return null;
  }
  setEndReason(null);
  // The refresh token first: a tab that sees the new access token must find it.
  if (tokens === null) reloadRefreshCookie();
  else if (tokens.refreshToken === null) refreshToken.remove();
  else refreshToken.set(tokens.refreshToken);
  beforeStart?.(token);
  setToken(token);
  return token;
}

/** Ends the session: the token is removed and everything private that listens follows. */
export function endSession(reason: SessionEndReason): void {
  setEndReason(reason);
  refreshToken.remove();
  removeToken(reason);
}

/**
 * Ends the session when the token that was sent is still the current one. A late answer to a
 * request made with an older token must not end the session of whoever logged in since.
 */
export function endSessionIfCurrent(sentToken: string, reason: SessionEndReason): void {
  if (getToken() === sentToken) endSession(reason);
}

/**
 * Drops a stored token that is garbage, or expired with no refresh token to renew it, with the
 * reason the login page will show.
 */
export function dropUnusableToken(): void {
  const token = getToken();
  // A session in cookies has no token to read: the first request to the server tells.
  if (token === null || COOKIE_SESSIONS) return;
  const claims = decodeJwtClaims(token);
  if (claims === null) endSession('invalid');
  else if (isExpired(claims, Date.now()) && !canRenew()) endSession('expired');
}

// setTimeout fires at once for delays beyond a signed 32-bit integer of milliseconds.
const MAX_TIMER_MS = 2_147_483_647;
const RENEW_RETRY_MS = 10_000;

interface WatchOptions {
  /** Renews an expired token with the refresh token, when the backend issued one. */
  renew?: (expiredToken: string) => Promise<unknown>;
}

/**
 * Keeps the session honest while the app is open: drops an unusable token now, ends the session
 * when `exp` passes, and re-checks when the tab becomes visible again (background tabs and
 * sleeping laptops delay timers). Returns a function that stops watching.
 */
export function watchSession({ renew }: WatchOptions = {}): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let previousToken = getToken();

  const schedule = () => {
    clearTimeout(timer);
    dropUnusableToken();
    const session = getSession();
    if (session.status !== 'authenticated' || session.claims === null) return;
    const delay = msUntilExpiry(session.claims, Date.now());
    if (delay > 0) {
      timer = setTimeout(schedule, Math.min(delay, MAX_TIMER_MS));
      return;
    }
    if (renew === undefined) {
      endSession('expired');
      return;
    }
    // Expired with a refresh token: renew now. Success stores a new token (and reschedules);
    // a refused refresh ends the session; a network failure is tried again shortly.
    renew(session.token).catch(() => {
      if (!stopped) timer = setTimeout(schedule, RENEW_RETRY_MS);
    });
  };

  const onTokenChange = () => {
    const token = getToken();
    // A token removed without a reason from this tab was removed by another tab.
    if (previousToken !== null && token === null && lastEndReason === null) {
      // Another tab ended it: by logging out, unless the token had simply run out (which a
      // cookie session's page cannot see: the tab that found out says so).
      const claims = decodeJwtClaims(previousToken);
      const ranOut = COOKIE_SESSIONS
        ? cookieEndReason() === 'expired'
        : claims !== null && isExpired(claims, Date.now());
      setEndReason(ranOut ? 'expired' : 'other-tab');
    }
    if (token !== null) setEndReason(null);
    previousToken = token;
    schedule();
  };

  const onVisible = () => {
    if (document.visibilityState !== 'visible') return;
    refreshToken.reload();
    reloadTokenFromStorage();
    schedule();
  };

  const unsubscribe = subscribeToToken(onTokenChange);
  // Keeps this tab's copy of the refresh token in step with logins and renewals in other tabs:
  // whether there is one decides between renewing an expired session and ending it.
  const unsubscribeRefresh = refreshToken.subscribe(() => undefined);
  document.addEventListener('visibilitychange', onVisible);
  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
    unsubscribeRefresh();
    document.removeEventListener('visibilitychange', onVisible);
  };
}
