import { otherTabWrites } from '../test/other-tab';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAccessToken } from '../backends/flask-jwt-extended/mock/flask-jwt';
import { signClaims } from '../emulation/jwt-signing';
import { CLOCK_SKEW_SECONDS } from '../lib/jwt-claims';
import {
  clearSessionEndReason,
  dropUnusableToken,
  endSession,
  endSessionIfCurrent,
  getSession,
  getSessionEndReason,
  subscribeToSessionEndReason,
  watchSession,
} from './session';
import { getToken, setToken } from './token-storage';

const LIFETIME = 60;
const nowSeconds = () => Math.floor(Date.now() / 1000);

function tokenIssuedAt(issuedAtSeconds: number, lifetimeSeconds = LIFETIME): Promise<string> {
  return createAccessToken({ identity: '1', lifetimeSeconds, nowSeconds: issuedAtSeconds });
}

const validToken = () => tokenIssuedAt(nowSeconds());
/** Expired longer ago than the clock skew we tolerate. */
const expiredToken = () => tokenIssuedAt(nowSeconds() - LIFETIME - CLOCK_SKEW_SECONDS - 60);

const stops: (() => void)[] = [];

/** watchSession, stopped again after the test. */
function watch(): () => void {
  const stop = watchSession();
  stops.push(stop);
  return stop;
}

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.useRealTimers();
});

describe('getSession', () => {
  it('is anonymous without a token', () => {
    expect(getSession()).toEqual({ status: 'anonymous' });
  });

  it('is authenticated with the claims of a valid token', async () => {
    const issuedAt = nowSeconds();
    const token = await tokenIssuedAt(issuedAt);
    setToken(token);

    expect(getSession()).toEqual({
      status: 'authenticated',
      token,
      claims: { sub: '1', exp: issuedAt + LIFETIME, iat: issuedAt },
    });
  });

  it.each([
    ['a token that is not a JWT', 'not-a-jwt'],
    ['three garbage segments', 'a.b.c'],
    ['a JSON-quoted token', '"eyJhbGciOiJIUzI1NiJ9.e30.sig"'],
  ])('is anonymous for %s', (_case, token) => {
    setToken(token);

    expect(getSession()).toEqual({ status: 'anonymous' });
  });

  it('is anonymous for a token without exp', async () => {
    setToken(await signClaims({ sub: '1' }));

    expect(getSession()).toEqual({ status: 'anonymous' });
  });

  it('is anonymous for an expired token', async () => {
    setToken(await expiredToken());

    expect(getSession()).toEqual({ status: 'anonymous' });
  });

  it('is still authenticated within the tolerated clock skew after exp', async () => {
    setToken(await tokenIssuedAt(nowSeconds() - LIFETIME - 1));

    expect(getSession().status).toBe('authenticated');
  });

  it('returns the same object for the same token, and a new one for another token', async () => {
    setToken(await validToken());
    const first = getSession();

    expect(getSession()).toBe(first);

    setToken(
      await createAccessToken({ identity: '2', lifetimeSeconds: 60, nowSeconds: nowSeconds() }),
    );
    const second = getSession();

    expect(second).not.toBe(first);
    expect(second).toMatchObject({ status: 'authenticated', claims: { sub: '2' } });
    expect(getSession()).toBe(second);
  });

  it('returns the same anonymous object while logged out', () => {
    const first = getSession();
    setToken('not-a-jwt');

    expect(getSession()).toBe(first);
  });
});

describe('ending the session', () => {
  it('endSession removes the token and records why', async () => {
    setToken(await validToken());

    endSession('logout');

    expect(getToken()).toBeNull();
    expect(window.localStorage.getItem('jwt-token')).toBeNull();
    expect(getSession()).toEqual({ status: 'anonymous' });
    expect(getSessionEndReason()).toBe('logout');
  });

  it('endSessionIfCurrent ends the session for the current token', async () => {
    const token = await validToken();
    setToken(token);

    endSessionIfCurrent(token, 'invalid');

    expect(getToken()).toBeNull();
    expect(getSessionEndReason()).toBe('invalid');
  });

  it('endSessionIfCurrent leaves a newer token alone', async () => {
    const old = await validToken();
    const newer = await createAccessToken({
      identity: '2',
      lifetimeSeconds: 60,
      nowSeconds: nowSeconds(),
    });
    setToken(newer);

    endSessionIfCurrent(old, 'expired');

    expect(getToken()).toBe(newer);
    expect(getSessionEndReason()).toBeNull();
  });

  it('tells reason subscribers, and clearSessionEndReason forgets the reason', async () => {
    setToken(await validToken());
    const listener = vi.fn();
    const unsubscribe = subscribeToSessionEndReason(listener);

    endSession('expired');
    expect(listener).toHaveBeenCalledTimes(1);

    clearSessionEndReason();
    expect(getSessionEndReason()).toBeNull();
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
  });
});

describe('dropUnusableToken', () => {
  it('drops a garbage token with the reason invalid', () => {
    setToken('not-a-jwt');

    dropUnusableToken();

    expect(getToken()).toBeNull();
    expect(window.localStorage.getItem('jwt-token')).toBeNull();
    expect(getSessionEndReason()).toBe('invalid');
  });

  it('drops an expired token with the reason expired', async () => {
    setToken(await expiredToken());

    dropUnusableToken();

    expect(getToken()).toBeNull();
    expect(getSessionEndReason()).toBe('expired');
  });

  it('keeps a valid token', async () => {
    const token = await validToken();
    setToken(token);

    dropUnusableToken();

    expect(getToken()).toBe(token);
    expect(getSessionEndReason()).toBeNull();
  });

  it('records nothing when there is no token', () => {
    dropUnusableToken();

    expect(getSessionEndReason()).toBeNull();
  });
});

describe('watchSession', () => {
  const START_MS = Date.UTC(2030, 0, 1, 12, 0, 0);

  async function startWithFreshToken(): Promise<string> {
    vi.useFakeTimers({ now: START_MS });
    const token = await tokenIssuedAt(START_MS / 1000);
    setToken(token);
    return token;
  }

  const expiryMs = (LIFETIME + CLOCK_SKEW_SECONDS) * 1000;

  it('ends the session with reason expired once exp plus the clock skew has passed', async () => {
    const token = await startWithFreshToken();
    watch();

    await vi.advanceTimersByTimeAsync(expiryMs - 1);
    expect(getToken()).toBe(token);
    expect(getSessionEndReason()).toBeNull();

    await vi.advanceTimersByTimeAsync(1);
    expect(getToken()).toBeNull();
    expect(window.localStorage.getItem('jwt-token')).toBeNull();
    expect(getSession()).toEqual({ status: 'anonymous' });
    expect(getSessionEndReason()).toBe('expired');
  });

  it('times a token stored after it started watching (a login)', async () => {
    vi.useFakeTimers({ now: START_MS });
    watch();
    setToken(await tokenIssuedAt(START_MS / 1000));

    await vi.advanceTimersByTimeAsync(expiryMs - 1);
    expect(getToken()).not.toBeNull();

    await vi.advanceTimersByTimeAsync(1);
    expect(getToken()).toBeNull();
    expect(getSessionEndReason()).toBe('expired');
  });

  it('drops a garbage token at once with reason invalid', () => {
    setToken('not-a-jwt');

    watch();

    expect(getToken()).toBeNull();
    expect(getSessionEndReason()).toBe('invalid');
  });

  it('drops an expired token at once with reason expired', async () => {
    setToken(await expiredToken());

    watch();

    expect(getToken()).toBeNull();
    expect(getSessionEndReason()).toBe('expired');
  });

  it('does nothing more once stopped', async () => {
    const token = await startWithFreshToken();
    const stop = watch();

    stop();
    await vi.advanceTimersByTimeAsync(expiryMs * 2);

    expect(getToken()).toBe(token);
    expect(getSessionEndReason()).toBeNull();
  });

  it('gives the reason other-tab when another tab removes the token', async () => {
    await startWithFreshToken();
    watch();

    otherTabWrites(null);

    expect(getToken()).toBeNull();
    expect(getSession()).toEqual({ status: 'anonymous' });
    expect(getSessionEndReason()).toBe('other-tab');
  });

  it('gives the reason other-tab when another tab clears localStorage', async () => {
    await startWithFreshToken();
    watch();

    window.localStorage.clear();
    window.dispatchEvent(new StorageEvent('storage', { key: null }));

    expect(getToken()).toBeNull();
    expect(getSessionEndReason()).toBe('other-tab');
  });

  it('keeps the reason logout for a logout in this tab', async () => {
    await startWithFreshToken();
    watch();

    endSession('logout');

    expect(getSessionEndReason()).toBe('logout');
  });

  it('follows a login in another tab, then ends that session when it expires', async () => {
    vi.useFakeTimers({ now: START_MS });
    watch();
    const token = await tokenIssuedAt(START_MS / 1000);

    otherTabWrites(token);
    expect(getSession()).toMatchObject({ status: 'authenticated', token });

    await vi.advanceTimersByTimeAsync(expiryMs);
    expect(getToken()).toBeNull();
    expect(getSessionEndReason()).toBe('expired');
  });

  it('forgets why the last session ended when a new one starts', async () => {
    setToken('not-a-jwt');
    watch();
    expect(getSessionEndReason()).toBe('invalid');

    setToken(await validToken());

    expect(getSessionEndReason()).toBeNull();
  });

  it('re-checks expiry when the tab becomes visible after timers were held back', async () => {
    await startWithFreshToken();
    watch();

    // A sleeping laptop: the clock moves on but the timer has not fired.
    vi.setSystemTime(START_MS + expiryMs + 60_000);
    expect(document.visibilityState).toBe('visible');
    document.dispatchEvent(new Event('visibilitychange'));

    expect(getToken()).toBeNull();
    expect(getSessionEndReason()).toBe('expired');
  });

  it('picks up a token another tab wrote when the tab becomes visible', async () => {
    watch();
    const token = await validToken();
    window.localStorage.setItem('jwt-token', token);

    document.dispatchEvent(new Event('visibilitychange'));

    expect(getSession()).toMatchObject({ status: 'authenticated', token });
  });

  it('keeps an in-memory session when the tab becomes visible and storage throws', async () => {
    for (const method of ['getItem', 'setItem', 'removeItem'] as const) {
      vi.spyOn(Storage.prototype, method).mockImplementation(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
    }
    const token = await validToken();
    setToken(token);
    watch();

    document.dispatchEvent(new Event('visibilitychange'));

    expect(getToken()).toBe(token);
    expect(getSessionEndReason()).toBeNull();
  });
});
