/**
 * flask-jwt-extended's cookie mode as the mock speaks it: the Set-Cookie headers that
 * set_access_cookies, set_refresh_cookies and unset_jwt_cookies write (Werkzeug's attribute
 * order, the reference backend's SameSite=Lax, session cookies), and the cookies a request
 * carries.
 *
 * MSW keeps a mocked response's cookies in its own store, but only the first Set-Cookie of a
 * response (it hands the joined header to tough-cookie as one cookie), and it sends them whatever
 * the request's credentials. The readable csrf cookies reach document.cookie through MSW; the
 * httpOnly ones, which the browser refuses there, the mock keeps itself, in the page's
 * localStorage like MSW, and sends as a browser would.
 */
import { HttpResponse } from 'msw';
import { csrfClaimOf, CSRF_HEADER, JWT_COOKIES, type CookieRequest } from './flask-jwt';

/** Where the mock keeps the httpOnly cookies in a page (the browser, or jsdom in Vitest). */
export const MOCK_HTTPONLY_COOKIES_KEY = 'gatehouse:mock-httponly-cookies';

const HTTPONLY = new Set<string>([JWT_COOKIES.access, JWT_COOKIES.refresh]);

/** What unset_jwt_cookies writes: an empty value that expired at the epoch. */
const EXPIRED = 'Expires=Thu, 01 Jan 1970 00:00:00 GMT';

function setCookieLine(name: string, value: string | null): string {
  const attributes = [
    `${name}=${value ?? ''}`,
    ...(value === null ? [EXPIRED] : []),
    ...(HTTPONLY.has(name) ? ['HttpOnly'] : []),
    'Path=/',
    'SameSite=Lax',
  ];
  return attributes.join('; ');
}

export type SetCookies = [name: string, value: string | null][];

/** set_access_cookies: the token, httpOnly, and its `csrf` claim in a readable cookie. */
export const accessCookies = (token: string): SetCookies => [
  [JWT_COOKIES.access, token],
  [JWT_COOKIES.csrfAccess, csrfClaimOf(token)],
];

/** set_refresh_cookies. */
export const refreshCookies = (token: string): SetCookies => [
  [JWT_COOKIES.refresh, token],
  [JWT_COOKIES.csrfRefresh, csrfClaimOf(token)],
];

/** unset_jwt_cookies: all four, in its order. */
export const unsetCookies = (): SetCookies => [
  [JWT_COOKIES.access, null],
  [JWT_COOKIES.csrfAccess, null],
  [JWT_COOKIES.refresh, null],
  [JWT_COOKIES.csrfRefresh, null],
];

const inPage = () => typeof document !== 'undefined' && typeof localStorage !== 'undefined';

function readPageJar(): Record<string, string> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(MOCK_HTTPONLY_COOKIES_KEY) ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * The access token the page's cookies hold now, the one the page cannot read: what the Mock API
 * panel's Expire and Revoke act on in a cookie build.
 */
export function pageAccessToken(): string | null {
  return inPage() ? (readPageJar()[JWT_COOKIES.access] ?? null) : null;
}

/**
 * The response's Set-Cookie headers, one per cookie. In a page, the httpOnly ones also go to the
 * mock's own jar, as the browser would keep them.
 */
export function setCookieHeaders(cookies: SetCookies): [string, string][] {
  if (inPage()) {
    const jar = new Map(Object.entries(readPageJar()));
    for (const [name, value] of cookies) {
      if (!HTTPONLY.has(name)) continue;
      if (value === null) jar.delete(name);
      else jar.set(name, value);
    }
    localStorage.setItem(MOCK_HTTPONLY_COOKIES_KEY, JSON.stringify(Object.fromEntries(jar)));
  }
  return cookies.map(([name, value]) => ['Set-Cookie', setCookieLine(name, value)]);
}

/** A JSON answer that sets or clears the cookies, as Flask's `response.set_cookie` does. */
export const jsonWithCookies = (
  body: Record<string, string | number | boolean>,
  cookies: SetCookies,
) => HttpResponse.json(body, { headers: setCookieHeaders(cookies) });

/** Whether a browser sends the page's cookies with this request (its `credentials`). */
function sendsCookies(request: Request): boolean {
  if (request.credentials === 'include') return true;
  if (request.credentials === 'omit') return false;
  return new URL(request.url).origin === location.origin;
}

/**
 * The cookies the request carries, as the server would read them. `cookies` is MSW's (the Cookie
 * header, document.cookie, its store); in a page, the httpOnly cookies come from the mock's jar
 * instead, since MSW's store may hold a stale or missing one.
 */
export function cookieRequest(request: Request, cookies: Record<string, string>): CookieRequest {
  const carried: Record<string, string> = {};
  for (const name of Object.values(JWT_COOKIES)) {
    const value = cookies[name];
    if (value !== undefined && !(inPage() && HTTPONLY.has(name))) carried[name] = value;
  }
  if (inPage() && sendsCookies(request)) {
    for (const [name, value] of Object.entries(readPageJar())) {
      if (HTTPONLY.has(name) && typeof value === 'string') carried[name] = value;
    }
  }
  return {
    method: request.method,
    cookies: carried,
    csrfHeader: request.headers.get(CSRF_HEADER),
  };
}
