import { delay, http, HttpResponse, type JsonBodyType } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getSessionEndReason } from '../auth/session';
import { getToken, setToken } from '../auth/token-storage';
import { env } from '../config/env';
import { createAccessToken } from '../backends/flask-jwt-extended/mock/flask-jwt';
import { signClaims } from '../emulation/jwt-signing';
import { apiPath } from '../mock-api/handlers';
import { mockServer, mockServerState } from '../mock-api/node';
import { logInAs } from '../test/render-app';
import { apiRequest, DEFAULT_TIMEOUT_MS, isApiUrl, resolveApiUrl } from './api-client';
import { ApiError, type ApiErrorKind } from './api-error';
import { fetchCurrentUser } from './endpoints';
import { loginTokens } from '../test/login-tokens';
import { ShapeError } from '../lib/parse';

const nowSeconds = () => Math.floor(Date.now() / 1000);
const asIs = (data: unknown) => data;

const OTHER_ORIGIN = 'https://other.example';

/** The error a request fails with; fails the test when it succeeds or throws something else. */
async function failureOf(request: Promise<unknown>): Promise<ApiError> {
  try {
    await request;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw new Error(`expected an ApiError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected the request to fail, but it succeeded');
}

/** Answers `GET path` with `{}` and remembers the requests it saw. */
function recordGets(path: string): Request[] {
  const seen: Request[] = [];
  mockServer.use(
    http.get(path, ({ request }) => {
      seen.push(request);
      return HttpResponse.json({});
    }),
  );
  return seen;
}

function answerGet(path: string, response: () => Response | Promise<Response>) {
  mockServer.use(http.get(apiPath(path), response));
}

/** A promise that settles when the handler has received the request. */
function arrival(): { arrived: Promise<void>; arrive: () => void } {
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  return { arrived, arrive };
}

const originalApiUrl = env.apiUrl;

afterEach(() => {
  env.apiUrl = originalApiUrl;
  vi.useRealTimers();
});

describe('resolveApiUrl and isApiUrl', () => {
  describe('with VITE_API_URL empty (the app’s own origin)', () => {
    it('resolves an API path on the app’s origin and counts it as the API', () => {
      env.apiUrl = '';

      const url = resolveApiUrl('/protected');

      expect(url.href).toBe(`${window.location.origin}/protected`);
      expect(isApiUrl(url)).toBe(true);
    });

    it('leaves an absolute URL as it is and does not count another origin as the API', () => {
      env.apiUrl = '';

      const url = resolveApiUrl(`${OTHER_ORIGIN}/protected`);

      expect(url.href).toBe(`${OTHER_ORIGIN}/protected`);
      expect(isApiUrl(url)).toBe(false);
    });
  });

  describe('with VITE_API_URL /api (one host serves the app and its API)', () => {
    it('resolves an API path under the prefix on the app’s origin', () => {
      env.apiUrl = '/api';

      expect(resolveApiUrl('/token?x=1').href).toBe(`${window.location.origin}/api/token?x=1`);
    });

    it.each([
      ['/api/protected', true],
      ['/api', true],
      ['/apix/protected', false],
      ['/protected', false],
      ['/login', false],
    ])('counts %s on the app’s origin as the API: %s', (path, expected) => {
      env.apiUrl = '/api';

      expect(isApiUrl(new URL(path, window.location.origin))).toBe(expected);
      expect(isApiUrl(new URL(`${OTHER_ORIGIN}${path}`))).toBe(false);
    });
  });

  describe('with VITE_API_URL https://api.example.com/v1', () => {
    it.each([
      ['/token', 'https://api.example.com/v1/token'],
      ['/protected?x=1', 'https://api.example.com/v1/protected?x=1'],
    ])('resolves %s under the prefix', (path, expected) => {
      env.apiUrl = 'https://api.example.com/v1';

      expect(resolveApiUrl(path).href).toBe(expected);
    });

    it.each([
      ['https://api.example.com/v1', true],
      ['https://api.example.com/v1/protected', true],
      ['https://api.example.com/v10/protected', false],
      ['https://api.example.com/admin', false],
      ['http://api.example.com/v1/protected', false],
      ['https://api.example.com:8443/v1/protected', false],
      ['https://api.example.com.evil.example/v1/protected', false],
      [`${OTHER_ORIGIN}/v1/protected`, false],
    ])('counts %s as the API: %s', (url, expected) => {
      env.apiUrl = 'https://api.example.com/v1';

      expect(isApiUrl(new URL(url))).toBe(expected);
    });
  });
});

describe('the Authorization header', () => {
  it('carries the stored token to the API, which answers with the user', async () => {
    const token = await logInAs('alesanchezr');
    const seen = recordGets(apiPath('/echo'));

    await apiRequest('/echo', { parse: asIs });

    expect(seen[0]?.headers.get('Authorization')).toBe(`Bearer ${token}`);
    expect(await fetchCurrentUser()).toMatchObject({ id: 1, identifier: 'alesanchezr' });
  });

  it('is left out when there is no token', async () => {
    const seen = recordGets(apiPath('/echo'));

    await apiRequest('/echo', { parse: asIs });

    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers.has('Authorization')).toBe(false);
  });

  it('is never sent to another origin', async () => {
    await logInAs('alesanchezr');
    const seen = recordGets(`${OTHER_ORIGIN}/protected`);

    await apiRequest(`${OTHER_ORIGIN}/protected`, { parse: asIs });

    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers.has('Authorization')).toBe(false);
  });

  it('is not sent with authenticated: false', async () => {
    await logInAs('alesanchezr');
    const seen = recordGets(apiPath('/echo'));

    await apiRequest('/echo', { parse: asIs, authenticated: false });

    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers.has('Authorization')).toBe(false);
  });

  it('is not sent with the login request', async () => {
    await logInAs('alesanchezr');
    const seen: Request[] = [];
    mockServer.use(
      http.post(apiPath('/token'), ({ request }) => {
        seen.push(request);
        return HttpResponse.json({ msg: 'Bad username or password' }, { status: 401 });
      }),
    );

    await failureOf(loginTokens({ identifier: 'alesanchezr', password: 'wrong' }));

    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers.has('Authorization')).toBe(false);
  });

  it('goes to the API under a path prefix, but not to the same host outside it', async () => {
    const token = await logInAs('alesanchezr');
    env.apiUrl = 'https://api.example.com/v1';
    const underPrefix = recordGets('https://api.example.com/v1/protected');
    const outsidePrefix = recordGets('https://api.example.com/admin');

    await apiRequest('/protected', { parse: asIs });
    await apiRequest('https://api.example.com/admin', { parse: asIs });

    expect(underPrefix[0]?.headers.get('Authorization')).toBe(`Bearer ${token}`);
    expect(outsidePrefix).toHaveLength(1);
    expect(outsidePrefix[0]?.headers.has('Authorization')).toBe(false);
  });
});

describe('JSON', () => {
  it('sends the body as JSON with its Content-Type and returns what parse makes of the answer', async () => {
    let contentType: string | null = null;
    let accept: string | null = null;
    let received: unknown;
    mockServer.use(
      http.post(apiPath('/things'), async ({ request }) => {
        contentType = request.headers.get('Content-Type');
        accept = request.headers.get('Accept');
        received = await request.json();
        return HttpResponse.json({ id: 7, name: 'seven' }, { status: 201 });
      }),
    );

    const result = await apiRequest('/things', {
      method: 'POST',
      body: { json: { name: 'seven', tags: ['a'] } },
      parse: (data) => ({ parsed: data }),
    });

    expect(contentType).toBe('application/json');
    expect(accept).toBe('application/json');
    expect(received).toEqual({ name: 'seven', tags: ['a'] });
    expect(result).toEqual({ parsed: { id: 7, name: 'seven' } });
  });

  it('sends no Content-Type without a body', async () => {
    const seen = recordGets(apiPath('/echo'));

    await apiRequest('/echo', { parse: asIs });

    expect(seen[0]?.headers.has('Content-Type')).toBe(false);
  });

  it('logs in through POST /token with the credentials as JSON', async () => {
    const result = await loginTokens({ identifier: 'ada', password: 'lovelace1815' });

    expect(result.userId).toBe(2);
    expect(result.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it.each<[string, () => Error]>([
    ['a ShapeError', () => new ShapeError('the thing.id is not a number')],
    ['any other error', () => new TypeError('cannot read properties of undefined')],
  ])('turns %s thrown by parse into an invalid-response', async (_case, makeError) => {
    answerGet('/thing', () => HttpResponse.json({ id: 'seven' }));

    const error = await failureOf(
      apiRequest('/thing', {
        parse: () => {
          throw makeError();
        },
      }),
    );

    expect(error.kind).toBe('invalid-response');
    expect(error.status).toBe(200);
  });
});

describe('failures', () => {
  it('gives kind http with the status and the server’s msg', async () => {
    answerGet('/thing', () => HttpResponse.json({ msg: 'Nope' }, { status: 400 }));

    const error = await failureOf(apiRequest('/thing', { parse: asIs }));

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'http', status: 400, serverMessage: 'Nope' });
  });

  it('gives kind http with no serverMessage for an HTML error page', async () => {
    answerGet(
      '/thing',
      () =>
        new HttpResponse('<h1>Bad Gateway</h1>', {
          status: 502,
          headers: { 'Content-Type': 'text/html' },
        }),
    );

    const error = await failureOf(apiRequest('/thing', { parse: asIs }));

    expect(error).toMatchObject({ kind: 'http', status: 502, serverMessage: undefined });
  });

  it('gives the login’s 401 with its msg', async () => {
    const error = await failureOf(loginTokens({ identifier: 'alesanchezr', password: 'wrong' }));

    expect(error).toMatchObject({
      kind: 'http',
      status: 401,
      serverMessage: 'Bad username or password',
    });
  });

  it('gives kind network when the server cannot be reached', async () => {
    answerGet('/thing', () => HttpResponse.error());

    const error = await failureOf(apiRequest('/thing', { parse: asIs }));

    expect(error.kind).toBe('network');
    expect(error.status).toBeUndefined();
  });

  it('gives kind timeout when the answer takes longer than timeoutMs', async () => {
    answerGet('/slow', async () => {
      await delay('infinite');
      return HttpResponse.json({});
    });

    const error = await failureOf(apiRequest('/slow', { parse: asIs, timeoutMs: 20 }));

    expect(error.kind).toBe('timeout');
  });

  it(`waits DEFAULT_TIMEOUT_MS (${DEFAULT_TIMEOUT_MS} ms) by default`, async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { arrived, arrive } = arrival();
    answerGet('/slow', async () => {
      arrive();
      await delay('infinite');
      return HttpResponse.json({});
    });
    let settled = false;
    const pending = failureOf(apiRequest('/slow', { parse: asIs })).finally(() => {
      settled = true;
    });
    await arrived;

    await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS - 1);
    expect(settled).toBe(false);

    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).kind).toBe('timeout');
  });

  it('gives kind aborted when the caller’s signal aborts during the request', async () => {
    const { arrived, arrive } = arrival();
    answerGet('/slow', async () => {
      arrive();
      await delay('infinite');
      return HttpResponse.json({});
    });
    const controller = new AbortController();

    const pending = failureOf(apiRequest('/slow', { parse: asIs, signal: controller.signal }));
    await arrived;
    controller.abort();

    expect((await pending).kind).toBe('aborted');
  });

  it('gives kind aborted, and sends nothing, when the signal is already aborted', async () => {
    const seen = recordGets(apiPath('/echo'));

    const error = await failureOf(
      apiRequest('/echo', { parse: asIs, signal: AbortSignal.abort() }),
    );

    expect(error.kind).toBe('aborted');
    expect(seen).toHaveLength(0);
  });

  it.each<[string, () => Response]>([
    [
      'an HTML page',
      () =>
        new HttpResponse('<!doctype html><title>Welcome</title>', {
          headers: { 'Content-Type': 'text/html' },
        }),
    ],
    ['text that is not JSON', () => new HttpResponse('OK')],
    [
      'truncated JSON',
      () =>
        new HttpResponse('{"id": 1, "user', { headers: { 'Content-Type': 'application/json' } }),
    ],
  ])('gives kind invalid-response for a 200 with %s', async (_case, response) => {
    answerGet('/thing', response);

    const error = await failureOf(apiRequest('/thing', { parse: asIs }));

    expect(error).toMatchObject({ kind: 'invalid-response', status: 200 });
  });

  it('always throws an ApiError', async () => {
    const kinds: ApiErrorKind[] = [];
    answerGet('/a', () => HttpResponse.json({}, { status: 500 }));
    answerGet('/b', () => HttpResponse.error());
    answerGet('/c', () => new HttpResponse('nope'));

    for (const path of ['/a', '/b', '/c']) {
      kinds.push((await failureOf(apiRequest(path, { parse: asIs }))).kind);
    }

    expect(kinds).toEqual(['http', 'network', 'invalid-response']);
  });
});

describe('the shape of the answers', () => {
  it.each<[string, () => Promise<JsonBodyType>]>([
    ['no token', () => Promise.resolve({ user_id: 1 })],
    ['a token that is not a JWT', () => Promise.resolve({ token: 'not-a-jwt', user_id: 1 })],
    ['an empty token', () => Promise.resolve({ token: '', user_id: 1 })],
    ['a JWT without exp', async () => ({ token: await signClaims({ sub: '1' }), user_id: 1 })],
    [
      'a user_id that is a string',
      async () => ({
        token: await createAccessToken({
          identity: '1',
          lifetimeSeconds: 900,
          nowSeconds: nowSeconds(),
        }),
        user_id: '1',
      }),
    ],
    ['an array', () => Promise.resolve([])],
    ['null', () => Promise.resolve(null)],
  ])('a login answer with %s is an invalid-response and stores nothing', async (_case, body) => {
    const answer = await body();
    mockServer.use(http.post(apiPath('/token'), () => HttpResponse.json(answer)));

    const error = await failureOf(loginTokens({ identifier: 'alesanchezr', password: '12341234' }));

    expect(error).toMatchObject({ kind: 'invalid-response', status: 200 });
    expect(getToken()).toBeNull();
  });

  it.each([
    ['the tutorial’s', 'token'],
    ['flask-jwt-extended’s own docs’', 'access_token'],
  ])('accepts %s answer, with no user_id', async (_case, key) => {
    const token = await createAccessToken({
      identity: '1',
      lifetimeSeconds: 900,
      nowSeconds: nowSeconds(),
    });
    mockServer.use(http.post(apiPath('/token'), () => HttpResponse.json({ [key]: token })));

    await expect(loginTokens({ identifier: 'alesanchezr', password: '12341234' })).resolves.toEqual(
      { token, refreshToken: null, userId: null },
    );
  });

  it('an empty login answer is an invalid-response', async () => {
    mockServer.use(http.post(apiPath('/token'), () => new HttpResponse(null, { status: 200 })));

    const error = await failureOf(loginTokens({ identifier: 'alesanchezr', password: '12341234' }));

    expect(error.kind).toBe('invalid-response');
  });

  it.each<[string, JsonBodyType]>([
    ['no username', { id: 1 }],
    ['an empty username', { id: 1, username: '' }],
    ['a username that is not a string', { id: 1, username: 42 }],
    ['no id', { username: 'alesanchezr' }],
    ['an id that is a string', { id: '1', username: 'alesanchezr' }],
    ['an array', [{ id: 1, username: 'alesanchezr' }]],
  ])('a user with %s is an invalid-response', async (_case, body) => {
    await logInAs('alesanchezr');
    answerGet('/protected', () => HttpResponse.json(body));

    const error = await failureOf(fetchCurrentUser());

    expect(error).toMatchObject({ kind: 'invalid-response', status: 200 });
  });
});

describe('Retry-After', () => {
  it.each([
    [429, '120', 120],
    [503, '5', 5],
    [503, ' 30 ', 30],
    [429, '0', 0],
  ])('a %i with Retry-After %j gives retryAfterSeconds %i', async (status, header, seconds) => {
    answerGet('/thing', () =>
      HttpResponse.json({ msg: 'Slow down' }, { status, headers: { 'Retry-After': header } }),
    );

    const error = await failureOf(apiRequest('/thing', { parse: asIs }));

    expect(error).toMatchObject({ kind: 'http', status, retryAfterSeconds: seconds });
  });

  it('reads an HTTP date as the seconds until then', async () => {
    const inOneMinute = new Date(Date.now() + 60_000).toUTCString();
    answerGet(
      '/thing',
      () => new HttpResponse(null, { status: 503, headers: { 'Retry-After': inOneMinute } }),
    );

    const error = await failureOf(apiRequest('/thing', { parse: asIs }));

    // toUTCString drops the milliseconds, so the date is up to one second earlier.
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('reads a date in the past as 0', async () => {
    answerGet(
      '/thing',
      () =>
        new HttpResponse(null, {
          status: 503,
          headers: { 'Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT' },
        }),
    );

    const error = await failureOf(apiRequest('/thing', { parse: asIs }));

    expect(error.retryAfterSeconds).toBe(0);
  });

  it.each([
    ['no Retry-After', {}],
    ['a Retry-After that is neither seconds nor a date', { 'Retry-After': 'soon' }],
    ['a negative Retry-After', { 'Retry-After': '-5' }],
    ['a fractional Retry-After', { 'Retry-After': '1.5' }],
  ])('leaves retryAfterSeconds undefined for %s', async (_case, headers) => {
    answerGet('/thing', () => new HttpResponse(null, { status: 429, headers }));

    const error = await failureOf(apiRequest('/thing', { parse: asIs }));

    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBeUndefined();
  });
});

describe('ending the session when the API rejects the token', () => {
  it('ends it with reason expired on 401 "Token has expired"', async () => {
    const expired = await createAccessToken({
      identity: '1',
      lifetimeSeconds: 900,
      nowSeconds: nowSeconds() - 901,
    });
    setToken(expired);

    const error = await failureOf(fetchCurrentUser());

    expect(error).toMatchObject({ kind: 'http', status: 401, serverMessage: 'Token has expired' });
    expect(getToken()).toBeNull();
    expect(window.localStorage.getItem('jwt-token')).toBeNull();
    expect(getSessionEndReason()).toBe('expired');
  });

  it('ends it with reason invalid on a 422 (signature verification failed)', async () => {
    setToken(
      await createAccessToken({
        identity: '1',
        lifetimeSeconds: 900,
        nowSeconds: nowSeconds(),
        secret: 'not-the-server-secret',
      }),
    );

    const error = await failureOf(fetchCurrentUser());

    expect(error).toMatchObject({ status: 422, serverMessage: 'Signature verification failed' });
    expect(window.localStorage.getItem('jwt-token')).toBeNull();
    expect(getSessionEndReason()).toBe('invalid');
  });

  it.each<[number, JsonBodyType]>([
    [401, { msg: 'Missing Authorization Header' }],
    [401, { msg: 'Token has expired, sort of' }],
    [401, '<h1>Unauthorized</h1>'],
    [422, { msg: 'Token has expired' }],
  ])('ends it with reason invalid on a %i with %j', async (status, body) => {
    await logInAs('alesanchezr');
    answerGet('/protected', () =>
      typeof body === 'string'
        ? new HttpResponse(body, { status, headers: { 'Content-Type': 'text/html' } })
        : HttpResponse.json(body, { status }),
    );

    await failureOf(fetchCurrentUser());

    expect(window.localStorage.getItem('jwt-token')).toBeNull();
    expect(getSessionEndReason()).toBe('invalid');
  });

  it('ends it with reason revoked on 401 "Token has been revoked"', async () => {
    const token = await logInAs('alesanchezr');
    const [, payload = ''] = token.split('.');
    const { jti } = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as {
      jti: string;
    };
    mockServerState.revokedJtis.add(jti);

    const error = await failureOf(fetchCurrentUser());

    expect(error.serverMessage).toBe('Token has been revoked');
    expect(getToken()).toBeNull();
    expect(getSessionEndReason()).toBe('revoked');
  });

  it('does not end the session of a token stored while the request was under way', async () => {
    const sent = await logInAs('alesanchezr');
    const replacement = await createAccessToken({
      identity: '2',
      lifetimeSeconds: 900,
      nowSeconds: nowSeconds(),
    });
    let authorization: string | null = null;
    mockServer.use(
      http.get(apiPath('/protected'), ({ request }) => {
        authorization = request.headers.get('Authorization');
        // Someone logs in again (here or in another tab) before the old request is answered.
        setToken(replacement);
        return HttpResponse.json({ msg: 'Token has expired' }, { status: 401 });
      }),
    );

    const error = await failureOf(fetchCurrentUser());

    expect(authorization).toBe(`Bearer ${sent}`);
    expect(error.status).toBe(401);
    expect(getToken()).toBe(replacement);
    expect(window.localStorage.getItem('jwt-token')).toBe(replacement);
    expect(getSessionEndReason()).toBeNull();
  });

  it('does not end the session on a failed login', async () => {
    const token = await logInAs('alesanchezr');

    const error = await failureOf(loginTokens({ identifier: 'alesanchezr', password: 'wrong' }));

    expect(error.status).toBe(401);
    expect(getToken()).toBe(token);
    expect(window.localStorage.getItem('jwt-token')).toBe(token);
    expect(getSessionEndReason()).toBeNull();
  });

  it('does not end the session on a 401 from another origin', async () => {
    const token = await logInAs('alesanchezr');
    mockServer.use(
      http.get(`${OTHER_ORIGIN}/protected`, () =>
        HttpResponse.json({ msg: 'Token has expired' }, { status: 401 }),
      ),
    );

    await failureOf(apiRequest(`${OTHER_ORIGIN}/protected`, { parse: asIs }));

    expect(getToken()).toBe(token);
    expect(getSessionEndReason()).toBeNull();
  });

  it.each([403, 404, 500, 503])('does not end the session on a %i', async (status) => {
    const token = await logInAs('alesanchezr');
    answerGet('/protected', () => HttpResponse.json({ msg: 'Something else' }, { status }));

    await failureOf(fetchCurrentUser());

    expect(getToken()).toBe(token);
    expect(getSessionEndReason()).toBeNull();
  });

  it('does not end the session on a network failure', async () => {
    const token = await logInAs('alesanchezr');
    answerGet('/protected', () => HttpResponse.error());

    await failureOf(fetchCurrentUser());

    expect(getToken()).toBe(token);
  });
});
