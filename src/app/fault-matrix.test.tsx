/**
 * Every fault a request can meet (docs/api/flask-jwt-extended.md), for both calls the app makes: the login
 * (POST /token, through the real form) and the profile (GET /protected, a logged-in user on
 * /profile). For each cell: a human message, a way to retry, a coherent session, a clean console.
 */
import { act, screen } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TIMEOUT_MS } from '../api/api-client';
import { TOKEN_STORAGE_KEY } from '../auth/token-storage';
import { createAccessToken } from '../backends/flask-jwt-extended/mock/flask-jwt';
import { apiPath } from '../mock-api/handlers';
import { mockServer } from '../mock-api/node';
import { mockUser, renderApp } from '../test/render-app';

const USERNAME = 'alesanchezr';
const { id: USER_ID, password: PASSWORD } = mockUser(USERNAME);

const MESSAGE = {
  network: 'Can’t reach the server. Check your connection and try again.',
  timeout: 'The server took too long to answer. Please try again.',
  server: (status: number) =>
    `The server had a problem (error ${status}). Please try again in a moment.`,
  rateLimited: 'Too many attempts. Please try again in 30 seconds.',
  notUnderstood: 'The server sent an answer we could not understand. Please try again later.',
  unexpected: (status: number) => `The request failed (error ${status}). Please try again.`,
  badCredentials: 'Wrong username or password. Check both and try again.',
  badRequest: 'The server could not read these details. Check your username and password.',
  expired: 'Your session has expired. Please log in again.',
  revoked: 'Your session was ended by the server. Please log in again.',
  invalid: 'Your session is no longer valid. Please log in again.',
};

type Answer = () => Response | Promise<Response>;

/** What the profile page shows for a fault: an error with "Try again", or the login page. */
type ProfileOutcome = { retry: string } | { sessionEnded: string };

interface Fault {
  name: string;
  /** Answers POST /token. */
  token: Answer;
  /** Answers GET /protected. */
  protected: Answer;
  /** The alert on the login form. */
  login: string;
  profile: ProfileOutcome;
  /** The test moves the clock past DEFAULT_TIMEOUT_MS, then `lateBy` ms more. */
  clock?: { lateBy: number };
}

const html = (status: number, page: string, headers: Record<string, string> = {}) =>
  new HttpResponse(page, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers },
  });

const nowSeconds = () => Math.floor(Date.now() / 1000);

async function validLoginAnswer() {
  const token = await createAccessToken({
    identity: String(USER_ID),
    lifetimeSeconds: 900,
    nowSeconds: nowSeconds(),
  });
  return HttpResponse.json({ token, user_id: USER_ID });
}

const neverAnswers: Answer = async () => {
  await delay('infinite');
  return HttpResponse.json({});
};

/** flask-jwt-extended 4.7's rejections of a protected request (docs/api/flask-jwt-extended.md). */
const FLASK_JWT_REJECTIONS: readonly (readonly [401 | 422, string])[] = [
  [401, 'Missing Authorization Header'],
  [401, "Missing 'Bearer' type in 'Authorization' header. Expected 'Authorization: Bearer <JWT>'"],
  [422, "Bad Authorization header. Expected 'Authorization: Bearer <JWT>'"],
  [422, 'Not enough segments'],
  [422, 'Invalid header padding'],
  [422, 'The specified alg value is not allowed'],
  [422, 'Signature verification failed'],
  [422, 'The token is not yet valid (iat)'],
  [401, 'Token has expired'],
  [401, 'Token has been revoked'],
];

function sessionEndMessage(msg: string): string {
  if (msg === 'Token has expired') return MESSAGE.expired;
  if (msg === 'Token has been revoked') return MESSAGE.revoked;
  return MESSAGE.invalid;
}

const FAULTS: readonly Fault[] = [
  {
    name: 'no network',
    token: () => HttpResponse.error(),
    protected: () => HttpResponse.error(),
    login: MESSAGE.network,
    profile: { retry: MESSAGE.network },
  },
  {
    name: 'no answer before the timeout',
    token: neverAnswers,
    protected: neverAnswers,
    login: MESSAGE.timeout,
    profile: { retry: MESSAGE.timeout },
    clock: { lateBy: 0 },
  },
  {
    name: 'a 500 with Flask’s HTML error page',
    token: () =>
      html(
        500,
        '<!doctype html><title>500 Internal Server Error</title><h1>Internal Server Error</h1>',
      ),
    protected: () =>
      html(
        500,
        '<!doctype html><title>500 Internal Server Error</title><h1>Internal Server Error</h1>',
      ),
    login: MESSAGE.server(500),
    profile: { retry: MESSAGE.server(500) },
  },
  {
    name: 'a 502 from the proxy',
    token: () => html(502, '<html><body><center><h1>502 Bad Gateway</h1></center></body></html>'),
    protected: () =>
      html(502, '<html><body><center><h1>502 Bad Gateway</h1></center></body></html>'),
    login: MESSAGE.server(502),
    profile: { retry: MESSAGE.server(502) },
  },
  {
    name: 'a 503 with Retry-After: 5',
    token: () => html(503, '<h1>Service Unavailable</h1>', { 'Retry-After': '5' }),
    protected: () => html(503, '<h1>Service Unavailable</h1>', { 'Retry-After': '5' }),
    login: MESSAGE.server(503),
    profile: { retry: MESSAGE.server(503) },
  },
  {
    name: 'a 429 with Retry-After: 30',
    token: () => html(429, '<h1>Too Many Requests</h1>', { 'Retry-After': '30' }),
    protected: () =>
      HttpResponse.json(
        { msg: 'Too Many Requests' },
        { status: 429, headers: { 'Retry-After': '30' } },
      ),
    login: MESSAGE.rateLimited,
    profile: { retry: MESSAGE.rateLimited },
  },
  {
    name: 'a 200 whose body is not JSON',
    token: () => html(200, '<!doctype html><title>Captive portal</title><p>Sign in to the Wi-Fi'),
    protected: () =>
      html(200, '<!doctype html><title>Captive portal</title><p>Sign in to the Wi-Fi'),
    login: MESSAGE.notUnderstood,
    profile: { retry: MESSAGE.notUnderstood },
  },
  {
    name: 'a 200 with an empty body',
    token: () => new HttpResponse(null, { status: 200 }),
    protected: () => new HttpResponse(null, { status: 200 }),
    login: MESSAGE.notUnderstood,
    profile: { retry: MESSAGE.notUnderstood },
  },
  {
    name: 'a 200 with a field missing (no token; a user without username)',
    token: () => HttpResponse.json({ user_id: USER_ID }),
    protected: () => HttpResponse.json({ id: USER_ID }),
    login: MESSAGE.notUnderstood,
    profile: { retry: MESSAGE.notUnderstood },
  },
  {
    name: 'a 200 with a field of the wrong type (token not a JWT; id a string)',
    token: () => HttpResponse.json({ token: 'not-a-jwt', user_id: USER_ID }),
    protected: () => HttpResponse.json({ id: String(USER_ID), username: USERNAME }),
    login: MESSAGE.notUnderstood,
    profile: { retry: MESSAGE.notUnderstood },
  },
  {
    name: 'a 400 for input the server cannot read',
    token: () =>
      HttpResponse.json({ msg: 'The request body must be a JSON object' }, { status: 400 }),
    protected: () => HttpResponse.json({ msg: 'Bad Request' }, { status: 400 }),
    login: MESSAGE.badRequest,
    profile: { retry: MESSAGE.unexpected(400) },
  },
  ...FLASK_JWT_REJECTIONS.map(([status, msg]): Fault => ({
    name: `a ${status} ${JSON.stringify({ msg })}`,
    token: () => HttpResponse.json({ msg }, { status }),
    protected: () => HttpResponse.json({ msg }, { status }),
    login: status === 401 ? MESSAGE.badCredentials : MESSAGE.unexpected(status),
    profile: { sessionEnded: sessionEndMessage(msg) },
  })),
  {
    name: 'a right answer that comes after the timeout',
    token: async () => {
      await delay(DEFAULT_TIMEOUT_MS + 2_000);
      return validLoginAnswer();
    },
    protected: async () => {
      await delay(DEFAULT_TIMEOUT_MS + 2_000);
      return HttpResponse.json({ id: USER_ID, username: USERNAME });
    },
    login: MESSAGE.timeout,
    profile: { retry: MESSAGE.timeout },
    clock: { lateBy: 5_000 },
  },
];

/** Either logged out (on /login, nothing stored) or logged in (a token and a private page). */
function sessionState(): string {
  const token = window.localStorage.getItem(TOKEN_STORAGE_KEY);
  const logOut = screen.queryByRole('button', { name: 'Log out' });
  const path = window.location.pathname;
  if (path === '/login' && token === null && logOut === null) return 'logged out';
  if (path !== '/login' && token !== null && logOut !== null) return 'logged in';
  return `incoherent: at ${path}, token ${token === null ? 'absent' : 'stored'}, Log out ${
    logOut === null ? 'absent' : 'shown'
  }`;
}

/** Resolves when the app has sent a request to `path`. */
function requestSent(method: string, path: string): Promise<void> {
  return new Promise((resolve) => {
    mockServer.events.on('request:start', ({ request }) => {
      if (request.method === method && new URL(request.url).pathname === path) resolve();
    });
  });
}

async function advanceClock(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

type User = Awaited<ReturnType<typeof renderApp>>['user'];

/** Types the credentials as a person would, pasting each field to keep the matrix quick. */
async function fillIn(user: User, username: string, password: string) {
  await user.click(screen.getByLabelText('Username'));
  await user.paste(username);
  await user.click(screen.getByLabelText('Password'));
  await user.paste(password);
}

function watchConsole() {
  return { error: vi.spyOn(console, 'error'), warn: vi.spyOn(console, 'warn') };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the fault matrix', () => {
  describe('POST /token, through the login form', () => {
    it.each(FAULTS)('$name: says so, keeps the form, and a retry logs in', async (fault) => {
      const logs = watchConsole();
      if (fault.clock) vi.useFakeTimers({ shouldAdvanceTime: true });
      mockServer.use(http.post(apiPath('/token'), fault.token, { once: true }));
      const sent = requestSent('POST', '/token');
      const { user } = await renderApp({ route: '/login' });

      await fillIn(user, USERNAME, PASSWORD);
      await user.click(screen.getByRole('button', { name: 'Log in' }));
      await sent;
      if (fault.clock) await advanceClock(DEFAULT_TIMEOUT_MS + 1_000);

      expect(await screen.findByRole('alert')).toHaveTextContent(fault.login);
      expect(screen.getByLabelText('Username')).toHaveValue(USERNAME);
      expect(screen.getByLabelText('Password')).toHaveValue(PASSWORD);
      expect(screen.getByRole('button', { name: 'Log in' })).toBeEnabled();
      expect(sessionState()).toBe('logged out');

      if (fault.clock && fault.clock.lateBy > 0) {
        // The late answer changes nothing: the request was given up on.
        await advanceClock(fault.clock.lateBy);
        expect(screen.getByRole('alert')).toHaveTextContent(fault.login);
        expect(sessionState()).toBe('logged out');
      }

      await user.click(screen.getByRole('button', { name: 'Log in' }));

      expect(
        await screen.findByRole('heading', { name: `Welcome, ${USERNAME}!` }),
      ).toBeInTheDocument();
      expect(sessionState()).toBe('logged in');
      expect(logs.error).not.toHaveBeenCalled();
      expect(logs.warn).not.toHaveBeenCalled();
    });
  });

  describe('GET /protected, for a logged-in user on /profile', () => {
    it.each(FAULTS)('$name: says so, and the session stays coherent', async (fault) => {
      const logs = watchConsole();
      if (fault.clock) vi.useFakeTimers({ shouldAdvanceTime: true });
      mockServer.use(http.get(apiPath('/protected'), fault.protected, { once: true }));
      const sent = requestSent('GET', '/protected');
      const { user } = await renderApp({ route: '/profile', as: USERNAME });
      await sent;
      if (fault.clock) await advanceClock(DEFAULT_TIMEOUT_MS + 1_000);

      if ('sessionEnded' in fault.profile) {
        expect(await screen.findByRole('alert')).toHaveTextContent(fault.profile.sessionEnded);
        expect(sessionState()).toBe('logged out');
        expect(screen.queryByText(USERNAME)).not.toBeInTheDocument();

        // Logging in again leads back to the profile.
        await fillIn(user, USERNAME, PASSWORD);
        await user.click(screen.getByRole('button', { name: 'Log in' }));
      } else {
        const alert = await screen.findByRole('alert');
        expect(alert).toHaveTextContent(fault.profile.retry);
        expect(sessionState()).toBe('logged in');
        expect(window.location.pathname).toBe('/profile');
        expect(screen.queryByText(USERNAME)).not.toBeInTheDocument();

        if (fault.clock && fault.clock.lateBy > 0) {
          // The late answer changes nothing: the request was given up on.
          await advanceClock(fault.clock.lateBy);
          expect(screen.getByRole('alert')).toHaveTextContent(fault.profile.retry);
          expect(screen.queryByText(USERNAME)).not.toBeInTheDocument();
        }

        await user.click(screen.getByRole('button', { name: 'Try again' }));
      }

      expect(await screen.findByText(USERNAME, { selector: 'dd' })).toBeInTheDocument();
      expect(window.location.pathname).toBe('/profile');
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
      expect(sessionState()).toBe('logged in');
      expect(logs.error).not.toHaveBeenCalled();
      expect(logs.warn).not.toHaveBeenCalled();
    });
  });
});
