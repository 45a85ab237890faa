/**
 * One request, sent the same way to the mock API's handlers and to a real backend, and what came
 * back in a form that compares: status, and the body's JSON or the fact that it was not JSON.
 */
import { getResponse, type RequestHandler } from 'msw';

export interface Exchange {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Answer {
  status: number;
  /** The parsed JSON body, or `not JSON` with the content type for an HTML error page. */
  body: unknown;
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    return {
      status: response.status,
      body: `not JSON (${response.headers.get('content-type') ?? 'no content type'})`,
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
  if (response === undefined) return { status: 404, body: 'no mock handler' };
  return answerOf(response);
}

/**
 * The parts of an answer that must agree: the status, and the body with every token in it
 * replaced by its anatomy (its header and its claim names), since the two sides sign different
 * claims at different instants.
 */
export function comparable(answer: Answer): unknown {
  const anatomy = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const [header, payload, signature] = value.split('.');
      if (header === undefined || payload === undefined || signature === undefined) return value;
      try {
        const decode = (part: string) =>
          JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
        return { jwtHeader: decode(header), claimNames: Object.keys(decode(payload)).sort() };
      } catch {
        return value;
      }
    }
    if (Array.isArray(value)) return value.map(anatomy);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, anatomy(item)]));
    }
    return value;
  };
  return { status: answer.status, body: anatomy(answer.body) };
}
