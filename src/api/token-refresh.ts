/**
 * Renews an expired access token with the refresh token, as the build's dialect does it
 * (flask-jwt-extended's `POST /refresh` with the refresh token as Bearer, SimpleJWT's
 * `POST /api/token/refresh/` with it in the body, and a new refresh token when it rotates them).
 * One renewal at a time: concurrent 401s in this tab share one request, and across tabs a Web
 * Lock makes the others wait and pick up the tokens the first one stored.
 */
import { decodeJwtClaims, isExpired } from '../lib/jwt-claims';
import { endSessionIfCurrent } from '../auth/session';
import {
  getToken,
  peekCsrfCookie,
  refreshToken,
  reloadTokenFromStorage,
  setToken,
  subscribeToToken,
  takeRenewedCookie,
} from '../auth/token-storage';
import { cookieMode } from '../config/cookie-mode';
import { COOKIE_SESSIONS, env } from '../config/env';
import { clearCookiesOnServer } from './logout';
import { ApiError } from './api-error';
import { resolveApiUrl, sendRequest } from './http';

const LOCK_NAME = 'gatehouse:token-refresh';

/** A token that is still valid and belongs to the same user as `expiredToken`. */
function usableInstead(token: string | null, expiredToken: string): token is string {
  // Cookies are the browser's, shared by every tab: requests carry what another tab renewed.
  if (COOKIE_SESSIONS) return token !== null;
  const claims = token === null ? null : decodeJwtClaims(token);
  const owner = decodeJwtClaims(expiredToken)?.sub ?? null;
  // A token that names no user cannot be shown to be the same user's.
  return (
    claims !== null && !isExpired(claims, Date.now()) && owner !== null && claims.sub === owner
  );
}

/** How long a tab that waited for another tab's renewal gives its tokens to arrive. */
const HANDOFF_MS = 300;

/**
 * Resolves when another tab's write of the access token reaches this tab, or after `ms`.
 * Chromium hands over a Web Lock and another tab's localStorage writes on separate channels: the
 * tab that waited may hold the lock before it sees the tokens stored under it, and would renew
 * again with a refresh token that rotation has just retired.
 */
function tokenWriteFromAnotherTab(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const unsubscribe = subscribeToToken(done);
  });
}

function reloadTokens() {
  // Cookies another tab renewed are the same session's: read as a renewal, the cached data stays.
  if (COOKIE_SESSIONS) takeRenewedCookie();
  else reloadTokenFromStorage();
  refreshToken.reload();
}

async function renew(expiredToken: string, waitedForAnotherTab: boolean): Promise<string | null> {
  // Another tab may have renewed while we waited for the lock.
  reloadTokens();
  if (waitedForAnotherTab && getToken() === expiredToken && !COOKIE_SESSIONS) {
    await tokenWriteFromAnotherTab(HANDOFF_MS);
    reloadTokens();
  }
  const current = getToken();
  // Renewed meanwhile (by another tab): use it, unless someone else has logged in since.
  if (current !== expiredToken) return usableInstead(current, expiredToken) ? current : null;
  const refresh = refreshToken.get();
  const renewal = env.dialect.refresh;
  if (refresh === null || renewal === null) {
    // Nothing can renew it (say, a refresh token left by a build for a backend with renewal).
    endSessionIfCurrent(expiredToken, 'expired');
    return null;
  }
  try {
    if (COOKIE_SESSIONS) return await renewCookie(expiredToken, refresh);
    const { bearer, body } = renewal.request(refresh);
    const renewed = await sendRequest(resolveApiUrl(renewal.path), bearer, {
      method: 'POST',
      body,
      parse: renewal.parse,
    });
    if (getToken() !== expiredToken) return null;
    // The new refresh token first: a tab that sees the new access token must find it.
    if (renewed.refresh !== null) refreshToken.set(renewed.refresh);
    setToken(renewed.access);
    return renewed.access;
  } catch (error) {
    // The refresh token itself was refused: the session is over. Anything else (offline, 5xx)
    // leaves it as it is, for the next request to try again.
    const status = error instanceof ApiError ? error.status : undefined;
    if (status !== undefined && renewal.refusedStatuses.includes(status)) {
      endSessionIfCurrent(expiredToken, 'expired');
      return null;
    }
    throw error;
  }
}

/**
 * Renewal of a session in cookies: the browser sends the refresh cookie, the page its CSRF value,
 * and the answer sets a new access cookie.
 */
async function renewCookie(expiredToken: string, refreshCsrf: string): Promise<string | null> {
  await sendRequest(resolveApiUrl(cookieMode().refreshPath), null, {
    method: 'POST',
    csrf: peekCsrfCookie('refresh') ?? refreshCsrf,
    parse: () => undefined,
  });
  if (getToken() === null) {
    // Logged out while the renewal was on its way, and its answer set the cookies again.
    clearCookiesOnServer(peekCsrfCookie());
    return null;
  }
  takeRenewedCookie();
  const renewed = getToken();
  if (renewed !== expiredToken) return renewed;
  // Answered, but no new cookie reached this page: nothing more can renew it.
  endSessionIfCurrent(expiredToken, 'expired');
  return null;
}

let inFlight: Promise<string | null> | null = null;

/**
 * A fresh access token to replace `expiredToken`, or null when the session could not be renewed
 * (and has ended). Rejects with an ApiError when the refresh request could not be made.
 */
export function renewAccessToken(expiredToken: string): Promise<string | null> {
  if (inFlight !== null) return inFlight;
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  inFlight = (locks ? renewUnderLock(locks, expiredToken) : renew(expiredToken, false)).finally(
    () => {
      inFlight = null;
    },
  );
  return inFlight;
}

const LOCK_HELD = Symbol('the lock is held by another tab');

/** Renews at once when no other tab is renewing; else after it, with what it stored. */
async function renewUnderLock(locks: LockManager, expiredToken: string): Promise<string | null> {
  const atOnce = await locks.request(LOCK_NAME, { ifAvailable: true }, (lock) =>
    lock === null ? LOCK_HELD : renew(expiredToken, false),
  );
  if (atOnce !== LOCK_HELD) return atOnce;
  return locks.request(LOCK_NAME, () => renew(expiredToken, true));
}
