/**
 * Properties of the one fetch wrapper, checked on generated answers and URLs: whatever the server
 * sends, `apiRequest` resolves with the parsed value or rejects with an ApiError, and the token
 * goes to the API and nowhere else.
 */
import fc from 'fast-check';
import { delay, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { clearSessionEndReason } from '../auth/session';
import { getToken, removeToken, setToken } from '../auth/token-storage';
import { env } from '../config/env';
import { createAccessToken } from '../backends/flask-jwt-extended/mock/flask-jwt';
import { mockServer } from '../mock-api/node';
import { apiRequest } from './api-client';
import { ApiError, type ApiErrorKind } from './api-error';
import { ShapeError } from '../lib/parse';

const RESPONSE_RUNS = 500;
const URL_RUNS = 400;
const AWKWARD_URL_RUNS = 100;

const ALL_KINDS: readonly ApiErrorKind[] = [
  'http',
  'network',
  'timeout',
  'aborted',
  'invalid-response',
];

const originalApiUrl = env.apiUrl;

afterEach(() => {
  env.apiUrl = originalApiUrl;
});

function freshToken(): Promise<string> {
  return createAccessToken({
    identity: '1',
    lifetimeSeconds: 900,
    nowSeconds: Math.floor(Date.now() / 1000),
  });
}

/** A clean slate for one run: no token, no end reason, only the handlers this run installs. */
function startRun(token: string | null, ...handlers: Parameters<typeof mockServer.use>) {
  removeToken();
  clearSessionEndReason();
  if (token !== null) setToken(token);
  mockServer.resetHandlers();
  mockServer.use(...handlers);
}

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

function settle(request: Promise<unknown>): Promise<Settled> {
  return request.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

function parsedJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** An answer of nothing but whitespace counts as empty: there is nothing to parse. */
const isBlank = (text: string) => text.trim() === '';

/** The text a caller of fetch reads: decoding as UTF-8 drops a leading byte order mark. */
const decoded = (text: string) => text.replace(/^\uFEFF/, '');

// ——— Answers ———

const jsonBody = fc.oneof(
  fc.json(),
  // The backend's error bodies, with a msg of any kind.
  fc
    .record(
      { msg: fc.oneof(fc.string(), fc.integer(), fc.constant(null)) },
      { noNullPrototype: true },
    )
    .map((value) => JSON.stringify(value)),
);

const notJson = (text: string) => !isBlank(decoded(text)) && !parsedJson(decoded(text)).ok;

const invalidJsonBody = fc.oneof(
  // JSON cut short, as by a dropped connection.
  fc
    .json()
    .filter((text) => text.length > 1)
    .chain((text) => fc.integer({ min: 1, max: text.length - 1 }).map((end) => text.slice(0, end)))
    .filter(notJson),
  fc.string({ unit: 'binary', minLength: 1 }).filter(notJson),
  fc.constantFrom(
    'OK',
    'undefined',
    "{'single': 'quotes'}",
    '{"a": 1,}',
    'NaN',
    '<?xml version="1.0"?><a/>',
  ),
);

const htmlBody = fc
  .string()
  .map((text) => `<!doctype html><html><title>${text}</title><h1>${text}</h1></html>`);

const blankBody = fc.constantFrom('', ' ', '\n', '\r\n\t ', '\u00A0');

type Body = { kind: 'json' | 'invalid-json' | 'html' | 'blank'; text: string };

const body: fc.Arbitrary<Body> = fc.oneof(
  jsonBody.map((text): Body => ({ kind: 'json', text })),
  invalidJsonBody.map((text): Body => ({ kind: 'invalid-json', text })),
  htmlBody.map((text): Body => ({ kind: 'html', text })),
  blankBody.map((text): Body => ({ kind: 'blank', text })),
);

const NOW = Date.now();
const DAY_MS = 86_400_000;

type RetryAfter =
  | { kind: 'seconds'; value: string }
  | { kind: 'date'; value: string; date: number }
  | { kind: 'other'; value: string };

const retryAfter: fc.Arbitrary<RetryAfter> = fc.oneof(
  fc
    .oneof(fc.nat(), fc.bigInt({ min: 0n, max: 10n ** 30n }))
    .map((n): RetryAfter => ({ kind: 'seconds', value: String(n) })),
  fc
    .oneof(
      fc.date({
        min: new Date(NOW - 2 * DAY_MS),
        max: new Date(NOW + 2 * DAY_MS),
        noInvalidDate: true,
      }),
      fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
    )
    .map((date): RetryAfter => {
      const value = date.toUTCString();
      return { kind: 'date', value, date: Date.parse(value) };
    }),
  fc
    .oneof(
      fc.string(),
      fc.constantFrom('-5', '5.5', '1e3', '0x10', 'soon', 'Wed, 21 Oct 2015', 'in 5 seconds'),
    )
    .filter((value) => !/^\s*\d+\s*$/.test(value))
    .map((value): RetryAfter => ({ kind: 'other', value })),
);

/**
 * Redirects are left out: without a Location header a browser hands them to the caller as they
 * are, but MSW's fetch interceptor follows them to `…/null` again and again, without its limit of
 * 20 (the count sits on the request it replaces), until the test process runs out of memory.
 */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Statuses whose answers cannot carry a body. */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/** What the server (or the network) does with the request. */
type Answer =
  | {
      kind: 'response';
      status: number;
      body: Body;
      contentType: string | null;
      retryAfter: RetryAfter | null;
    }
  | { kind: 'network-error' }
  | { kind: 'no-answer' }
  | { kind: 'caller-aborts' };

const answer: fc.Arbitrary<Answer> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('response' as const),
      status: fc
        .oneof(
          fc.integer({ min: 200, max: 599 }),
          fc.constantFrom(200, 201, 204, 304, 400, 401, 403, 404, 422, 429, 500, 502, 503, 504),
        )
        .filter((status) => !REDIRECT_STATUSES.has(status)),
      body,
      contentType: fc.constantFrom(
        null,
        'application/json',
        'application/problem+json',
        'text/html; charset=utf-8',
        'text/plain',
      ),
      retryAfter: fc.option(retryAfter, { nil: null }),
    }),
  },
  fc.constant({ kind: 'network-error' as const }),
  fc.constant({ kind: 'no-answer' as const }),
  fc.constant({ kind: 'caller-aborts' as const }),
);

type Parser = 'as-is' | 'throws-shape-error' | 'throws-type-error';

const parsers: Record<Parser, (data: unknown) => unknown> = {
  'as-is': (data) => data,
  'throws-shape-error': () => {
    throw new ShapeError('the answer is not what the caller wants');
  },
  'throws-type-error': () => {
    throw new TypeError('cannot read properties of undefined');
  },
};

function responseFor(answer: Extract<Answer, { kind: 'response' }>): Response {
  const headers = new Headers();
  if (answer.contentType !== null) headers.set('Content-Type', answer.contentType);
  if (answer.retryAfter !== null) headers.set('Retry-After', answer.retryAfter.value);
  const text = NULL_BODY_STATUSES.has(answer.status) ? null : answer.body.text;
  return new HttpResponse(text, { status: answer.status, headers });
}

/** Retry-After in whole seconds (RFC 9110 §10.2.3): delay-seconds or an HTTP-date, else nothing. */
function expectRetryAfter(
  actual: number | undefined,
  header: RetryAfter | null,
  before: number,
  after: number,
) {
  if (header === null || header.kind === 'other') {
    expect(actual).toBeUndefined();
  } else if (header.kind === 'seconds') {
    expect(actual).toBe(Number(header.value));
  } else {
    const secondsFrom = (now: number) => Math.max(0, Math.ceil((header.date - now) / 1000));
    expect(actual).toBeGreaterThanOrEqual(secondsFrom(after));
    expect(actual).toBeLessThanOrEqual(secondsFrom(before));
  }
}

describe('apiRequest on generated answers', () => {
  it('resolves with the parsed value or rejects with an ApiError, and nothing else', async () => {
    const token = await freshToken();

    await fc.assert(
      fc.asyncProperty(
        answer,
        fc.constantFrom<Parser>(
          'as-is',
          'as-is',
          'as-is',
          'throws-shape-error',
          'throws-type-error',
        ),
        fc.boolean(),
        fc.constantFrom<'GET' | 'POST'>('GET', 'POST'),
        async (answer, parser, loggedIn, method) => {
          let arrive = () => {};
          const arrived = new Promise<void>((resolve) => {
            arrive = resolve;
          });
          startRun(
            loggedIn ? token : null,
            http.all('*', async () => {
              arrive();
              if (answer.kind === 'network-error') return HttpResponse.error();
              if (answer.kind === 'response') return responseFor(answer);
              await delay('infinite');
              return HttpResponse.json(null);
            }),
          );
          const controller = new AbortController();

          const before = Date.now();
          const request = apiRequest('/probe', {
            method,
            body: method === 'POST' ? { json: { probe: true } } : undefined,
            parse: parsers[parser],
            signal: controller.signal,
            ...(answer.kind === 'no-answer' ? { timeoutMs: 5 } : {}),
          });
          if (answer.kind === 'caller-aborts') {
            await arrived;
            controller.abort();
          }
          const outcome = await settle(request);
          const after = Date.now();

          if (outcome.ok) {
            // Only a 2xx that is JSON (or empty) and that the caller's parse accepts.
            expect(answer.kind).toBe('response');
            if (answer.kind !== 'response') return;
            expect(answer.status).toBeGreaterThanOrEqual(200);
            expect(answer.status).toBeLessThan(300);
            expect(parser).toBe('as-is');
            const text = NULL_BODY_STATUSES.has(answer.status) ? '' : decoded(answer.body.text);
            const json = parsedJson(text);
            expect(json.ok || isBlank(text)).toBe(true);
            expect(outcome.value).toEqual(json.ok ? json.value : undefined);
            expect(getToken()).toBe(loggedIn ? token : null);
            return;
          }

          const { error } = outcome;
          expect(error).toBeInstanceOf(ApiError);
          if (!(error instanceof ApiError)) return;
          expect(ALL_KINDS).toContain(error.kind);

          if (answer.kind !== 'response') {
            const kinds = {
              'network-error': 'network',
              'no-answer': 'timeout',
              'caller-aborts': 'aborted',
            } as const;
            expect(error.kind).toBe(kinds[answer.kind]);
            expect(error.status).toBeUndefined();
            expect(getToken()).toBe(loggedIn ? token : null);
            return;
          }

          expect(error.status).toBe(answer.status);
          if (answer.status >= 200 && answer.status < 300) {
            expect(error.kind).toBe('invalid-response');
            expect(getToken()).toBe(loggedIn ? token : null);
            return;
          }

          expect(error.kind).toBe('http');
          const json = NULL_BODY_STATUSES.has(answer.status)
            ? { ok: false as const }
            : parsedJson(decoded(answer.body.text));
          const msg =
            json.ok && typeof json.value === 'object' && json.value !== null && 'msg' in json.value
              ? json.value.msg
              : undefined;
          expect(error.serverMessage).toBe(typeof msg === 'string' ? msg : undefined);
          expectRetryAfter(error.retryAfterSeconds, answer.retryAfter, before, after);
          // The API rejecting the token ends the session; nothing else does.
          const endsSession = loggedIn && (answer.status === 401 || answer.status === 422);
          expect(getToken()).toBe(loggedIn && !endsSession ? token : null);
        },
      ),
      { numRuns: RESPONSE_RUNS },
    );
  });
});

// ——— URLs ———

const API_URLS = ['', 'https://api.example.com', 'https://api.example.com/v1'] as const;

/** A path as the app writes it: one leading slash, then anything a URL path may hold. */
const apiPathArb = fc
  .tuple(
    fc.oneof(fc.webPath(), fc.constantFrom('/../admin', '/./protected', '/%2e%2e/admin', '/v1/x')),
    fc.option(fc.webQueryParameters(), { nil: undefined }),
  )
  .map(([path, query]) => `/${path.replace(/^\/+/, '')}${query === undefined ? '' : `?${query}`}`);

/** Where the URL points, relative to the API base in use. */
type Target =
  | { kind: 'api-path'; path: string }
  | { kind: 'api-absolute'; path: string }
  | { kind: 'api-origin'; path: string }
  | { kind: 'look-alike'; make: (origin: URL) => string; path: string }
  | { kind: 'other-origin'; url: string };

const lookAlikes: readonly ((origin: URL) => string)[] = [
  (o) => `${o.protocol === 'https:' ? 'http:' : 'https:'}//${o.host}`,
  (o) => `${o.protocol}//${o.hostname}:8443`,
  (o) => `${o.protocol}//${o.hostname}.evil.example`,
  (o) => `${o.protocol}//evil.${o.hostname}`,
  (o) => `${o.protocol}//${o.host}@evil.example`,
  (o) => `https://evil.example/${o.host}`,
  (o) => `${o.protocol}//${o.hostname}.${o.port === '' ? '' : `:${o.port}`}`,
];

const target: fc.Arbitrary<Target> = fc.oneof(
  apiPathArb.map((path): Target => ({ kind: 'api-path', path })),
  apiPathArb.map((path): Target => ({ kind: 'api-absolute', path })),
  apiPathArb.map((path): Target => ({ kind: 'api-origin', path })),
  fc
    .tuple(fc.constantFrom(...lookAlikes), apiPathArb)
    .map(([make, path]): Target => ({ kind: 'look-alike', make, path })),
  fc
    .webUrl({ withQueryParameters: true, withFragments: true })
    .map((url): Target => ({ kind: 'other-origin', url })),
);

function apiBase(apiUrl: string): URL {
  return new URL(apiUrl === '' ? window.location.origin : apiUrl);
}

function urlFor(target: Target, apiUrl: string): string {
  const base = apiBase(apiUrl);
  const prefix = base.pathname.replace(/\/$/, '');
  switch (target.kind) {
    case 'api-path':
      return target.path;
    case 'api-absolute':
      return `${base.origin}${prefix}${target.path}`;
    case 'api-origin':
      return `${base.origin}${target.path}`;
    case 'look-alike':
      return `${target.make(base)}${prefix}${target.path}`;
    case 'other-origin':
      return target.url;
  }
}

/** The token goes only to the API: its origin, under its path prefix when VITE_API_URL has one. */
function isTheApi(url: URL, apiUrl: string): boolean {
  const base = apiBase(apiUrl);
  const prefix = base.pathname.replace(/\/$/, '');
  const underPrefix =
    prefix === '' || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
  return url.protocol === base.protocol && url.host === base.host && underPrefix;
}

describe('the Authorization header on generated URLs', () => {
  it('goes with a request only when it goes to the API', async () => {
    const token = await freshToken();

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...API_URLS),
        target,
        fc.boolean(),
        fc.constantFrom<boolean | undefined>(undefined, true, false),
        async (apiUrl, target, loggedIn, authenticated) => {
          env.apiUrl = apiUrl;
          const seen: Request[] = [];
          startRun(
            loggedIn ? token : null,
            http.all('*', ({ request }) => {
              seen.push(request);
              return HttpResponse.json({});
            }),
          );
          const url = urlFor(target, apiUrl);

          const outcome = await settle(apiRequest(url, { parse: (data) => data, authenticated }));

          if (seen.length === 0) {
            // Not sent at all (a URL fetch refuses, such as one with credentials in it).
            expect(outcome.ok).toBe(false);
            if (!outcome.ok) expect(outcome.error).toBeInstanceOf(ApiError);
            return;
          }
          expect(seen).toHaveLength(1);
          const [request] = seen;
          if (request === undefined) return;
          const goesToApi = isTheApi(new URL(request.url), apiUrl);
          const expected =
            loggedIn && authenticated !== false && goesToApi ? `Bearer ${token}` : null;
          expect(request.headers.get('Authorization')).toBe(expected);
        },
      ),
      { numRuns: URL_RUNS },
    );
  });

  it('settles with a value or an ApiError for any URL string, and keeps the token home', async () => {
    const token = await freshToken();
    const awkward = fc.oneof(
      // Protocol-relative URLs: a browser would take the page's scheme.
      fc.webUrl().map((url) => url.replace(/^https?:/, '')),
      fc.constantFrom('http://localhost:3000./protected', 'https://', 'http://exa mple.com/', ''),
      // Anything at all that is neither an API path nor an absolute URL.
      fc.string().filter((value) => !value.startsWith('/') && !URL.canParse(value)),
    );

    await fc.assert(
      fc.asyncProperty(awkward, async (url) => {
        const seen: Request[] = [];
        startRun(
          token,
          http.all('*', ({ request }) => {
            seen.push(request);
            return HttpResponse.json({});
          }),
        );

        const outcome = await settle(apiRequest(url, { parse: (data) => data }));

        if (!outcome.ok) {
          expect(outcome.error).toBeInstanceOf(ApiError);
          if (outcome.error instanceof ApiError) expect(ALL_KINDS).toContain(outcome.error.kind);
        }
        for (const request of seen) {
          if (!isTheApi(new URL(request.url), env.apiUrl)) {
            expect(request.headers.has('Authorization')).toBe(false);
          }
        }
      }),
      { numRuns: AWKWARD_URL_RUNS },
    );
  });
});
