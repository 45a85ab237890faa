/**
 * The one door to the network. Every API call goes through `apiRequest`: it builds the URL from
 * VITE_API_URL, adds the Bearer token for the API's origin only, and decides when the session is
 * over: a 401 or 422 to a request that carried the current token ends it, unless the backend
 * issued a refresh token and the access token had merely expired (then it renews and retries once).
 */
import { endSessionIfCurrent, type SessionEndReason } from '../auth/session';
import { getToken, refreshToken } from '../auth/token-storage';
import { ApiError } from './api-error';
import { isApiUrl, resolveApiUrl, sendRequest, type HttpRequestOptions } from './http';

export { DEFAULT_TIMEOUT_MS, isApiUrl, resolveApiUrl } from './http';

export interface ApiRequestOptions<T> extends HttpRequestOptions<T> {
  /** false for requests that must not carry the token, such as the login itself. */
  authenticated?: boolean;
}

function sessionEndReason(status: number, serverMessage: string | undefined): SessionEndReason {
  if (status === 401 && serverMessage === 'Token has expired') return 'expired';
  if (status === 401 && serverMessage === 'Token has been revoked') return 'revoked';
  return 'invalid';
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

const SUBJECT_NOT_STRING = 'Subject must be a string';
let warnedAboutSubject = false;

/** The tutorial's backend on PyJWT 2.10+ rejects every token it made: tell the developer why. */
function explainBackendMisconfiguration(error: ApiError) {
  if (warnedAboutSubject || error.status !== 422 || error.serverMessage !== SUBJECT_NOT_STRING) {
    return;
  }
  warnedAboutSubject = true;
  console.warn(
    'Gatehouse: the API answered 422 "Subject must be a string". The backend creates tokens with ' +
      'a number as identity (create_access_token(identity=user.id)), which PyJWT 2.10 and later ' +
      'reject. Use create_access_token(identity=str(user.id)) and User.query.get(int(get_jwt_identity())).',
  );
}

const isTokenExpired = (error: ApiError) =>
  error.kind === 'http' && error.status === 401 && error.serverMessage === 'Token has expired';

/** Sends with `token`, and ends that token's session if the API rejects it. */
async function sendAs<T>(url: URL, token: string | null, options: HttpRequestOptions<T>) {
  try {
    return await sendRequest(url, token, options);
  } catch (error) {
    const rejected =
      error instanceof ApiError &&
      error.kind === 'http' &&
      (error.status === 401 || error.status === 422);
    const renewable = rejected && isTokenExpired(error) && refreshToken.get() !== null;
    if (rejected) explainBackendMisconfiguration(error);
    if (token !== null && rejected && !renewable) {
      endSessionIfCurrent(token, sessionEndReason(error.status, error.serverMessage));
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
    if (token === null || !(error instanceof ApiError) || !isTokenExpired(error)) throw error;
    if (refreshToken.get() === null) throw error;
    const renewed = await renewExpiredToken(token);
    if (renewed === null) throw error;
    return sendAs(url, renewed, options);
  }
}
