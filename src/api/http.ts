/**
 * One HTTP exchange with the API: JSON in and out, an optional Bearer token, a timeout, and every
 * failure turned into an ApiError. No session logic here: that is api-client.ts's job.
 */
import { cookieMode } from '../config/cookie-mode';
import { COOKIE_SESSIONS, env } from '../config/env';
import type { RequestBody } from '../backends/api-dialect';
import { ApiError } from './api-error';
import { ShapeError } from '../lib/parse';
import { policyBlockSince, policyViolationMark } from './policy-violations';

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface HttpRequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: RequestBody;
  /** Turns the parsed JSON into the value the caller wants; throws ShapeError on a wrong shape. */
  parse: (data: unknown) => T;
  signal?: AbortSignal;
  timeoutMs?: number;
  /**
   * With the tokens in httpOnly cookies: the CSRF value that a request that changes something
   * sends back in a header (the double submit), proving it comes from a page that can read it.
   */
  csrf?: string | null;
}

/** VITE_API_URL as a URL: an origin with a path, or a path on this page's origin (`/api`). */
function apiBase(): URL {
  return new URL(env.apiUrl === '' ? '/' : env.apiUrl, window.location.origin);
}

/** `/protected` becomes `${VITE_API_URL}/protected`; absolute URLs are left as they are. */
export function resolveApiUrl(pathOrUrl: string): URL {
  if (pathOrUrl.startsWith('/') && !pathOrUrl.startsWith('//')) {
    const base = apiBase();
    return new URL(base.pathname.replace(/\/$/, '') + pathOrUrl, base.origin);
  }
  return new URL(pathOrUrl);
}

/** True for URLs on the API's origin and under its path prefix: the only ones that get the token. */
export function isApiUrl(url: URL): boolean {
  const base = apiBase();
  if (url.origin !== base.origin) return false;
  const prefix = base.pathname.replace(/\/$/, '');
  return prefix === '' || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
}

function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // Only an HTTP-date (`Wed, 21 Oct 2015 07:28:00 GMT`); Date.parse accepts far too much.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(trimmed))
    return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - nowMs) / 1000));
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function encode(body: RequestBody): { contentType: string; text: string } {
  if ('json' in body) return { contentType: 'application/json', text: JSON.stringify(body.json) };
  return {
    contentType: 'application/x-www-form-urlencoded',
    text: new URLSearchParams(body.form).toString(),
  };
}

/** Sends one request to `url`, with `Authorization: Bearer <bearer>` when a token is given. */
export async function sendRequest<T>(
  url: URL,
  bearer: string | null,
  options: HttpRequestOptions<T>,
): Promise<T> {
  const { method = 'GET', body, parse, signal, timeoutMs = DEFAULT_TIMEOUT_MS, csrf } = options;
  const label = `${method} ${url.pathname}`;

  const headers = new Headers({ Accept: 'application/json' });
  const encoded = body === undefined ? null : encode(body);
  if (encoded !== null) headers.set('Content-Type', encoded.contentType);
  if (bearer !== null) headers.set('Authorization', `Bearer ${bearer}`);
  if (COOKIE_SESSIONS && csrf != null && method !== 'GET') {
    headers.set(cookieMode().csrfHeader, csrf);
  }

  if (signal?.aborted) throw new ApiError('aborted', `${label} was cancelled`);

  // Our own timer rather than AbortSignal.timeout(), so that fake timers in tests control it.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forwardAbort = () => {
    controller.abort();
  };
  signal?.addEventListener('abort', forwardAbort, { once: true });

  const violationMark = policyViolationMark();
  const failure = async (cause: unknown) => {
    if (timedOut)
      return new ApiError('timeout', `${label} took longer than ${timeoutMs} ms`, { cause });
    if (signal?.aborted) return new ApiError('aborted', `${label} was cancelled`, { cause });
    const block = await policyBlockSince(violationMark, url);
    if (block === null) {
      return new ApiError('network', `${label} could not reach the server`, { cause });
    }
    // The explanation for the console is fetched only by a page whose server sends the wrong headers.
    import('./developer-warnings').then(
      ({ warnAboutPolicyBlock }) => {
        warnAboutPolicyBlock(block);
      },
      () => undefined,
    );
    return new ApiError('blocked-by-policy', `${label} was blocked by the page's security policy`, {
      blockedOrigin: block.origin,
      cause,
    });
  };

  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: encoded?.text ?? null,
      signal: controller.signal,
      // The session's cookies go to the API only, and only when the session lives in them.
      credentials: COOKIE_SESSIONS && isApiUrl(url) ? 'include' : 'omit',
    });
    text = await response.text();
  } catch (cause) {
    throw await failure(cause);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }

  const json = parseJson(text);

  if (!response.ok) {
    const { status } = response;
    const { serverMessage, serverCode } = json.ok ? env.dialect.readError(json.value) : {};
    throw new ApiError(
      'http',
      `${label} failed with ${status}${serverMessage ? `: ${serverMessage}` : ''}`,
      {
        status,
        serverMessage,
        serverCode,
        retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After'), Date.now()),
      },
    );
  }

  if (!json.ok) {
    throw new ApiError('invalid-response', `${label} answered with something that is not JSON`, {
      status: response.status,
    });
  }
  try {
    return parse(json.value);
  } catch (cause) {
    const detail = cause instanceof ShapeError ? cause.message : 'an unexpected shape';
    throw new ApiError('invalid-response', `${label} answered with ${detail}`, {
      status: response.status,
      cause,
    });
  }
}
