/**
 * The Mock API's controls, as tests and the panel use them: latency, failures for the next request
 * or a share of them, the token lifetime, expiring or revoking the current token, reset. Each is
 * checked where it matters: what `apiRequest` returns, or what the app shows.
 */
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TIMEOUT_MS } from '../../api/api-client';
import { ApiError } from '../../api/api-error';
import { fetchCurrentUser } from '../../api/endpoints';
import { loginTokens } from '../../test/login-tokens';
import { getSessionEndReason } from '../../auth/session';
import { getToken, TOKEN_STORAGE_KEY } from '../../auth/token-storage';
import { logInAs, mockUser, renderApp } from '../../test/render-app';
import { decodeBase64Url } from '../../emulation/base64url';
import { defaultMockConfig, type MockConfig, type MockFailureKind } from '../server/mock-config';
import { mockUsers } from '../server/users';
import { createMockControls } from './mock-controls';
import {
  configureMockApi,
  expireMockToken,
  mockServer,
  mockServerState,
  revokeMockToken,
  setMockApiRandom,
} from '../node';
import { latencyFor } from '../server/simulated-network';

const USERNAME = 'alesanchezr';
const { password: PASSWORD } = mockUser(USERNAME);

const MESSAGE = {
  server: 'The server had a problem (error 500). Please try again in a moment.',
  network: 'Can’t reach the server. Check your connection and try again.',
  rateLimited: 'Too many attempts. Please try again in 30 seconds.',
  timeout: 'The server took too long to answer. Please try again.',
  expired: 'Your session has expired. Please log in again.',
  revoked: 'Your session was ended by the server. Please log in again.',
};

const logIn = () => loginTokens({ identifier: USERNAME, password: PASSWORD });

/** How a request ended: `ok`, or the kind (and status) of its ApiError. */
async function outcome(request: Promise<unknown>): Promise<string> {
  try {
    await request;
    return 'ok';
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return error.status === undefined ? error.kind : `${error.kind} ${error.status}`;
  }
}

/** A random source that returns `values` in turn, and fails the test when it runs out. */
function sequence(...values: number[]): () => number {
  return () => {
    const next = values.shift();
    if (next === undefined) throw new Error('the mock drew more random numbers than expected');
    return next;
  };
}

function claimsOf(token: string): Record<string, unknown> {
  const bytes = decodeBase64Url(token.split('.')[1] ?? '');
  if (bytes === null) throw new Error(`not a JWT: ${token}`);
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/** Resolves when the mock API has received a request for `path`. */
function requestSent(path: string): Promise<void> {
  return new Promise((resolve) => {
    mockServer.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname === path) resolve();
    });
  });
}

async function elapsedMs(request: Promise<unknown>): Promise<number> {
  const start = performance.now();
  await request;
  return performance.now() - start;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('latency', () => {
  const config = (changes: Partial<MockConfig>): MockConfig => ({
    ...defaultMockConfig,
    ...changes,
  });

  it('is latencyMs in fixed mode, whatever the random source says', () => {
    const random = vi.fn(() => 0.5);

    expect(latencyFor(config({ latencyMs: 750 }), random)).toBe(750);
    expect(random).not.toHaveBeenCalled();
  });

  it.each([
    [0, 200],
    [0.5, 600],
    [0.999, 999],
  ])('is between min and max in random mode: random %d gives %i ms', (draw, ms) => {
    const random = () => draw;

    expect(
      latencyFor(config({ latencyMode: 'random', latencyMinMs: 200, latencyMaxMs: 1000 }), random),
    ).toBe(ms);
    // A range typed the wrong way round still works.
    expect(
      latencyFor(config({ latencyMode: 'random', latencyMinMs: 1000, latencyMaxMs: 200 }), random),
    ).toBe(ms);
  });

  it('delays the answer by a fixed latency', async () => {
    configureMockApi({ latencyMs: 150 });

    // Timers may fire a millisecond early; the point is the order of magnitude.
    expect(await elapsedMs(logIn())).toBeGreaterThanOrEqual(145);
  });

  it('delays the answer by a random latency, drawn from the mock’s random source', async () => {
    configureMockApi({ latencyMode: 'random', latencyMinMs: 100, latencyMaxMs: 300 });
    setMockApiRandom(sequence(0.5));

    expect(await elapsedMs(logIn())).toBeGreaterThanOrEqual(195);
  });
});

describe('fail the next request', () => {
  it('fails one request, switches itself off, and the following request succeeds', async () => {
    configureMockApi({ failNext: true });

    expect(await outcome(logIn())).toBe('http 500');
    expect(mockServerState.config.read().failNext).toBe(false);
    expect(await outcome(logIn())).toBe('ok');
  });

  it('fails only one of two requests in flight', async () => {
    configureMockApi({ failNext: true, latencyMs: 50 });

    const outcomes = await Promise.all([outcome(logIn()), outcome(logIn())]);

    expect(outcomes.sort()).toEqual(['http 500', 'ok']);
  });
});

describe('a share of requests fails', () => {
  it('0 %: every request succeeds, and no random number is drawn', async () => {
    const random = vi.fn(() => 0);
    setMockApiRandom(random);
    configureMockApi({ failurePercent: 0 });

    const outcomes = await Promise.all(Array.from({ length: 10 }, () => outcome(logIn())));

    expect(outcomes).toEqual(Array(10).fill('ok'));
    expect(random).not.toHaveBeenCalled();
  });

  it('100 %: every request fails', async () => {
    setMockApiRandom(sequence(0, 0.5, 0.999, 0.25, 0.75));
    configureMockApi({ failurePercent: 100 });

    const outcomes = await Promise.all(Array.from({ length: 5 }, () => outcome(logIn())));

    expect(outcomes).toEqual(Array(5).fill('http 500'));
  });

  it('30 %: a request fails when the random draw falls under the share', async () => {
    setMockApiRandom(sequence(0.29, 0.3, 0.05, 0.95));
    configureMockApi({ failurePercent: 30 });

    const outcomes: string[] = [];
    for (let i = 0; i < 4; i += 1) outcomes.push(await outcome(logIn()));

    expect(outcomes).toEqual(['http 500', 'ok', 'http 500', 'ok']);
  });

  it('fails every endpoint, not only the login', async () => {
    await logInAs(USERNAME);
    configureMockApi({ failurePercent: 100, failureKind: 'network-error' });

    expect(await outcome(fetchCurrentUser())).toBe('network');
  });
});

describe('each kind of failure, as the login form shows it', () => {
  it.each<[MockFailureKind, string]>([
    ['server-error', MESSAGE.server],
    ['network-error', MESSAGE.network],
    ['rate-limited', MESSAGE.rateLimited],
    ['timeout', MESSAGE.timeout],
  ])('%s: "%s", and a retry logs in', async (failureKind, message) => {
    const logs = { error: vi.spyOn(console, 'error'), warn: vi.spyOn(console, 'warn') };
    if (failureKind === 'timeout') vi.useFakeTimers({ shouldAdvanceTime: true });
    configureMockApi({ failNext: true, failureKind, retryAfterSeconds: 30 });
    const sent = requestSent('/token');
    const { user } = await renderApp({ route: '/login' });

    await user.type(screen.getByLabelText('Username'), USERNAME);
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await sent;
    if (failureKind === 'timeout') {
      await act(async () => {
        await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS + 1_000);
      });
    }

    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(getToken()).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(
      await screen.findByRole('heading', { name: `Welcome, ${USERNAME}!` }),
    ).toBeInTheDocument();
    expect(logs.error).not.toHaveBeenCalled();
    expect(logs.warn).not.toHaveBeenCalled();
  });
});

describe('token lifetime', () => {
  it('sets the exp of the tokens the mock issues from then on', async () => {
    configureMockApi({ tokenLifetimeSeconds: 5 });

    const { iat, exp } = claimsOf((await logIn()).token);

    expect(exp).toBe(Number(iat) + 5);
  });

  it('ends the app’s session when the short lifetime runs out', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    configureMockApi({ tokenLifetimeSeconds: 5 });
    await renderApp({ route: '/', as: USERNAME });
    expect(
      await screen.findByRole('heading', { name: `Welcome, ${USERNAME}!` }),
    ).toBeInTheDocument();

    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_000);
    });

    expect(await screen.findByRole('alert')).toHaveTextContent(MESSAGE.expired);
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });
});

describe('expire or revoke the current token', () => {
  const controls = () => createMockControls(mockServerState, getToken);

  it('expire now: the server says 401 "Token has expired" and the app’s session ends', async () => {
    await logInAs(USERNAME);
    expect(controls().expireCurrentToken()).toBe('done');

    await renderApp({ route: '/profile' });

    expect(await screen.findByRole('alert')).toHaveTextContent(MESSAGE.expired);
    expect(window.location.pathname).toBe('/login');
    expect(getToken()).toBeNull();
    expect(getSessionEndReason()).toBe('expired');
  });

  it('revoke: the server says 401 "Token has been revoked" and the app’s session ends', async () => {
    await logInAs(USERNAME);
    expect(controls().revokeCurrentToken()).toBe('done');

    await renderApp({ route: '/profile' });

    expect(await screen.findByRole('alert')).toHaveTextContent(MESSAGE.revoked);
    expect(getToken()).toBeNull();
  });

  it('touches only that token: the next login works', async () => {
    const first = await logInAs(USERNAME);
    expireMockToken(first);

    await logInAs(USERNAME);

    expect(await outcome(fetchCurrentUser())).toBe('ok');
  });

  it('says so when no one is logged in, or the token is not a JWT', () => {
    expect(controls().expireCurrentToken()).toBe('no-token');
    expect(expireMockToken('not-a-jwt')).toBe('not-a-jwt');
    expect(revokeMockToken(null)).toBe('no-token');
    expect(mockServerState.expiredJtis.size).toBe(0);
    expect(mockServerState.revokedJtis.size).toBe(0);
  });
});

describe('reset', () => {
  it('restores the users, forgets expired and revoked tokens, and the default settings', async () => {
    const controls = createMockControls(mockServerState, getToken);
    const token = await logInAs(USERNAME);
    controls.expireCurrentToken();
    revokeMockToken((await logIn()).token);
    const [seed] = mockServerState.users;
    if (seed === undefined) throw new Error('no mock users');
    seed.password = 'changed';
    mockServerState.users.push({
      id: 99,
      username: 'extra',
      email: null,
      password: 'extra',
      fullName: null,
      disabled: false,
    });
    configureMockApi({ latencyMs: 40, failurePercent: 50, tokenLifetimeSeconds: 5 });

    controls.reset();

    expect(mockServerState.config.read()).toEqual(defaultMockConfig);
    expect(mockServerState.users).toEqual(mockUsers);
    expect(mockServerState.expiredJtis.size).toBe(0);
    expect(mockServerState.revokedJtis.size).toBe(0);
    expect(getToken()).toBe(token);
    expect(await outcome(fetchCurrentUser())).toBe('ok');
  });
});
