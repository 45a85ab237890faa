/**
 * One request, sent the same way to the mock API's handlers and to a real backend, and what came
 * back in a form that compares: status, the body's JSON or the fact that it was not JSON, and the
 * cookies it sets.
 */
import { getResponse, type RequestHandler } from 'msw';

export interface Exchange {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Answer {
  status: number;
  /** The parsed JSON body, or `not JSON` with the content type for an HTML error page. */
  body: unknown;
  /** The Set-Cookie lines, as sent. */
  setCookies: string[];
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  const setCookies = response.headers.getSetCookie();
  try {
    return { status: response.status, body: JSON.parse(text) as unknown, setCookies };
  } catch {
    return {
      status: response.status,
      body: `not JSON (${response.headers.get('content-type') ?? 'no content type'})`,
      setCookies,
    };
  }
}

const init = ({ method, headers, body }: Exchange): RequestInit => ({ method, headers, body });

/**
 * The ways a reused connection that the server had closed fails: the request never reached it.
 * After a 500, uvicorn closes the kept-alive connection, and fetch may try it for the next request
 * before it notices (a reset, or undici's "other side closed").
 */
const CLOSED_CONNECTION = new Set(['ECONNRESET', 'UND_ERR_SOCKET']);

/** Sent again once when the connection it went out on turns out to be closed. */
export async function sendToBackend(origin: string, exchange: Exchange): Promise<Answer> {
  const send = async () => answerOf(await fetch(`${origin}${exchange.path}`, init(exchange)));
  try {
    return await send();
  } catch (error) {
    const cause =
      error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
    if (cause?.code === undefined || !CLOSED_CONNECTION.has(cause.code)) throw error;
    return send();
  }
}

const MOCK_ORIGIN = 'http://mock.test';

export async function sendToMock(handlers: RequestHandler[], exchange: Exchange): Promise<Answer> {
  const request = new Request(`${MOCK_ORIGIN}${exchange.path}`, init(exchange));
  const response = await getResponse(handlers, request, { baseUrl: MOCK_ORIGIN });
  if (response === undefined) return { status: 404, body: 'no mock handler', setCookies: [] };
  return answerOf(response);
}

/** The claims of a JWT, read without verifying it; null for anything else. */
function jwtParts(value: string): [Record<string, unknown>, Record<string, unknown>] | null {
  const [header, payload, signature] = value.split('.');
  if (header === undefined || payload === undefined || signature === undefined) return null;
  try {
    const decode = (part: string) =>
      JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
    return [decode(header), decode(payload)];
  } catch {
    return null;
  }
}

/** A Set-Cookie line's name and value, and its attributes as written. */
export function parseSetCookie(line: string) {
  const [pair = '', ...attributes] = line.split('; ');
  const equals = pair.indexOf('=');
  return { name: pair.slice(0, equals), value: pair.slice(equals + 1), attributes };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The cookies an answer sets, values replaced by what they are (a token's anatomy, a uuid, empty),
 * and whether each csrf cookie holds its token's `csrf` claim, as the double submit needs.
 */
function cookieAnatomy(lines: string[]) {
  const cookies = lines.map(parseSetCookie);
  const values = new Map(cookies.map(({ name, value }) => [name, value]));
  return cookies.map(({ name, value, attributes }) => {
    const parts = jwtParts(value);
    const csrfOf = (tokenCookie: string) => {
      const token = jwtParts(values.get(tokenCookie) ?? '');
      return token === null ? 'no token beside it' : token[1].csrf === value;
    };
    return {
      name,
      value:
        parts !== null
          ? { jwtHeader: parts[0], claimNames: Object.keys(parts[1]).sort() }
          : UUID.test(value)
            ? 'a uuid'
            : value,
      attributes,
      ...(name === 'csrf_access_token' && value !== ''
        ? { isTheTokensCsrfClaim: csrfOf('access_token_cookie') }
        : {}),
      ...(name === 'csrf_refresh_token' && value !== ''
        ? { isTheTokensCsrfClaim: csrfOf('refresh_token_cookie') }
        : {}),
    };
  });
}

/**
 * The parts of an answer that must agree: the status, the body with every token in it replaced
 * by its anatomy (its header and its claim names), since the two sides sign different claims at
 * different instants, and the cookies it sets, their attributes and the anatomy of their values.
 */
export function comparable(answer: Answer): unknown {
  const anatomy = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const parts = jwtParts(value);
      if (parts === null) return value;
      return { jwtHeader: parts[0], claimNames: Object.keys(parts[1]).sort() };
    }
    if (Array.isArray(value)) return value.map(anatomy);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, anatomy(item)]));
    }
    return value;
  };
  return {
    status: answer.status,
    body: anatomy(answer.body),
    ...(answer.setCookies.length > 0 ? { cookies: cookieAnatomy(answer.setCookies) } : {}),
  };
}
