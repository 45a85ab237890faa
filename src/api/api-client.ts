/**
 * The one door to the network. Every API call goes through `apiRequest`: it builds the URL from
 * VITE_API_URL, adds the Bearer token for the API's origin only, and decides when the session is
 * over: the build's dialect says which refusals of the current token end it, and why. An expired
 * access token with a refresh token stored is renewed instead, and the request retried once.
 */
import { decodeJwtClaims, hasExpiredForServer } from '../lib/jwt-claims';
import { canRenew, endSessionIfCurrent } from '../auth/session';
import { getToken, peekCsrfCookie } from '../auth/token-storage';
import { COOKIE_SESSIONS, env } from '../config/env';
import type { Refusal, Rejection } from '../backends/api-dialect';
import { ApiError } from './api-error';
import { isApiUrl, resolveApiUrl, sendRequest, type HttpRequestOptions } from './http';

export { DEFAULT_TIMEOUT_MS, isApiUrl, resolveApiUrl } from './http';

export interface ApiRequestOptions<T> extends HttpRequestOptions<T> {
  /** false for requests that must not carry the token, such as the login itself. */
  authenticated?: boolean;
}

/** The server's answer inside an HTTP error, as the dialect reads it; null for other failures. */
function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof ApiError) || error.kind !== 'http' || error.status === undefined) {
    return null;
  }
  const { status, serverMessage, serverCode } = error;
  return { status, serverMessage, serverCode };
}

/** What the API's refusal of `token` means for the session; null when it goes on. */
function rejectionOf(error: unknown, token: string): Rejection | null {
  const refusal = refusalOf(error);
  if (refusal === null) return null;
  // FastAPI and SimpleJWT refuse an expired token and a forged one alike: its `exp` tells them apart.
  const claims = decodeJwtClaims(token);
  const expiredByExp = claims !== null && hasExpiredForServer(claims, Date.now());
  return env.dialect.rejection(refusal, expiredByExp);
}

/** Renewal code is loaded only by sessions that need it: most backends issue no refresh token. */
export async function renewExpiredToken(expiredToken: string): Promise<string | null> {
  let renewal: typeof import('./token-refresh');
  try {
    renewal = await import('./token-refresh');
  } catch (cause) {
    throw new ApiError('network', 'the token renewal code could not be downloaded', { cause });
  }
  return renewal.renewAccessToken(expiredToken);
}

/**
 * Sends with `token`, and ends that token's session if the API refuses it for good. A session in
 * cookies sends no token: the browser adds the cookies, and `token`, its CSRF value, goes in the
 * CSRF header.
 */
async function sendAs<T>(url: URL, token: string | null, options: HttpRequestOptions<T>) {
  try {
    return await (COOKIE_SESSIONS
      ? // The cookie's value as it is now: another tab may have renewed it since.
        sendRequest(url, null, {
          ...options,
          csrf: token === null ? null : (peekCsrfCookie() ?? token),
        })
      : sendRequest(url, token, options));
  } catch (error) {
    // A refusal that means the backend itself is misconfigured: the console says what to change.
    const refusal = refusalOf(error);
    if (refusal !== null) env.dialect.explainMisconfiguration?.(refusal);
    const rejection = token === null ? null : rejectionOf(error, token);
    if (token !== null && rejection !== null && !(rejection === 'expired' && canRenew())) {
      endSessionIfCurrent(token, rejection);
    }
    throw error;
  }
}

export async function apiRequest<T>(pathOrUrl: string, options: ApiRequestOptions<T>): Promise<T> {
  let url: URL;
  try {
    url = resolveApiUrl(pathOrUrl);
  } catch (cause) {
    const method = options.method ?? 'GET';
    throw new ApiError('network', `${method} ${pathOrUrl} is not a URL we can request`, { cause });
  }
  const token = options.authenticated === false || !isApiUrl(url) ? null : getToken();
  try {
    return await sendAs(url, token, options);
  } catch (error) {
    if (token === null || rejectionOf(error, token) !== 'expired' || !canRenew()) throw error;
    const renewed = await renewExpiredToken(token);
    if (renewed === null) throw error;
    return sendAs(url, renewed, options);
  }
}
