import { otherTabWrites } from '../test/other-tab';
import { describe, expect, it, vi } from 'vitest';
import { createAccessToken } from '../backends/flask-jwt-extended/mock/flask-jwt';
import {
  getToken,
  reloadTokenFromStorage,
  removeToken,
  setToken,
  subscribeToToken,
  TOKEN_STORAGE_KEY,
} from './token-storage';

const nowSeconds = () => Math.floor(Date.now() / 1000);

function newToken(identity = '1'): Promise<string> {
  return createAccessToken({ identity, lifetimeSeconds: 900, nowSeconds: nowSeconds() });
}

function storageThrows(...methods: ('getItem' | 'setItem' | 'removeItem')[]) {
  for (const method of methods) {
    vi.spyOn(Storage.prototype, method).mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
  }
}

function subscribe(): { calls: () => number; unsubscribe: () => void } {
  const listener = vi.fn();
  const unsubscribe = subscribeToToken(listener);
  return { calls: () => listener.mock.calls.length, unsubscribe };
}

describe('reading and writing the token', () => {
  it('uses the seed’s key, jwt-token', () => {
    expect(TOKEN_STORAGE_KEY).toBe('jwt-token');
  });

  it('has no token to begin with', () => {
    expect(getToken()).toBeNull();
  });

  it('stores the bare token string under jwt-token', async () => {
    const token = await newToken();

    setToken(token);

    expect(getToken()).toBe(token);
    expect(window.localStorage.getItem('jwt-token')).toBe(token);
  });

  it('replaces a stored token with a new one', async () => {
    const first = await newToken('1');
    const second = await newToken('2');

    setToken(first);
    setToken(second);

    expect(getToken()).toBe(second);
    expect(window.localStorage.getItem('jwt-token')).toBe(second);
  });

  it('removes the token from memory and from localStorage', async () => {
    setToken(await newToken());

    removeToken();

    expect(getToken()).toBeNull();
    expect(window.localStorage.getItem('jwt-token')).toBeNull();
  });

  it('reads a token already in localStorage when the module starts (a reload)', async () => {
    const token = await newToken();
    window.localStorage.setItem('jwt-token', token);
    vi.resetModules();

    const fresh = await import('./token-storage');

    expect(fresh.getToken()).toBe(token);
  });

  it('treats an empty stored value as no token', () => {
    window.localStorage.setItem('jwt-token', '');

    reloadTokenFromStorage();

    expect(getToken()).toBeNull();
  });
});

describe('subscribers', () => {
  it('are told when the token is set and when it is removed', async () => {
    const { calls } = subscribe();

    setToken(await newToken());
    expect(calls()).toBe(1);

    removeToken();
    expect(calls()).toBe(2);
  });

  it('are not told when nothing changes', async () => {
    const token = await newToken();
    const { calls } = subscribe();

    removeToken();
    setToken(token);
    setToken(token);
    removeToken();
    removeToken();

    expect(calls()).toBe(2);
  });

  it('are all told, and one that unsubscribes is no longer told', async () => {
    const first = subscribe();
    const second = subscribe();

    first.unsubscribe();
    setToken(await newToken());

    expect(first.calls()).toBe(0);
    expect(second.calls()).toBe(1);
    second.unsubscribe();
  });

  it('are told when reloadTokenFromStorage finds a different token', async () => {
    const token = await newToken();
    const { calls, unsubscribe } = subscribe();
    window.localStorage.setItem('jwt-token', token);

    reloadTokenFromStorage();
    reloadTokenFromStorage();

    expect(getToken()).toBe(token);
    expect(calls()).toBe(1);
    unsubscribe();
  });
});

describe('another tab', () => {
  it('logging in is seen here through the storage event', async () => {
    const token = await newToken();
    const { calls, unsubscribe } = subscribe();

    otherTabWrites(token);

    expect(getToken()).toBe(token);
    expect(calls()).toBe(1);
    unsubscribe();
  });

  it('logging out is seen here through the storage event', async () => {
    setToken(await newToken());
    const { calls, unsubscribe } = subscribe();

    otherTabWrites(null);

    expect(getToken()).toBeNull();
    expect(calls()).toBe(1);
    unsubscribe();
  });

  it('replacing the token with another user’s is seen here', async () => {
    setToken(await newToken('1'));
    const replacement = await newToken('2');
    const { calls, unsubscribe } = subscribe();

    otherTabWrites(replacement);

    expect(getToken()).toBe(replacement);
    expect(calls()).toBe(1);
    unsubscribe();
  });

  it('clearing localStorage (a storage event with key null) removes the token here', async () => {
    setToken(await newToken());
    const { calls, unsubscribe } = subscribe();

    window.localStorage.clear();
    window.dispatchEvent(new StorageEvent('storage', { key: null }));

    expect(getToken()).toBeNull();
    expect(calls()).toBe(1);
    unsubscribe();
  });

  it('changing another key changes nothing here', async () => {
    const token = await newToken();
    setToken(token);
    const { calls, unsubscribe } = subscribe();

    window.localStorage.setItem('gatehouse:mock', '{}');
    window.dispatchEvent(new StorageEvent('storage', { key: 'gatehouse:mock', newValue: '{}' }));

    expect(getToken()).toBe(token);
    expect(calls()).toBe(0);
    unsubscribe();
  });

  it('writing the token this tab already has notifies nobody', async () => {
    const token = await newToken();
    setToken(token);
    const { calls, unsubscribe } = subscribe();

    otherTabWrites(token);

    expect(getToken()).toBe(token);
    expect(calls()).toBe(0);
    unsubscribe();
  });

  it('is no longer heard once the last subscriber has gone', async () => {
    const token = await newToken();
    const { calls, unsubscribe } = subscribe();
    unsubscribe();

    otherTabWrites(token);

    expect(calls()).toBe(0);
  });
});

describe('when localStorage throws (private mode, quota, disabled storage)', () => {
  it('keeps a new token in memory for this tab and tells subscribers', async () => {
    storageThrows('setItem');
    const token = await newToken();
    const { calls, unsubscribe } = subscribe();

    expect(() => {
      setToken(token);
    }).not.toThrow();

    expect(getToken()).toBe(token);
    expect(calls()).toBe(1);
    unsubscribe();
  });

  it('still logs out in memory when removeItem throws', async () => {
    setToken(await newToken());
    storageThrows('removeItem');
    const { calls, unsubscribe } = subscribe();

    expect(() => {
      removeToken();
    }).not.toThrow();

    expect(getToken()).toBeNull();
    expect(calls()).toBe(1);
    unsubscribe();
  });

  it('starts without a token and without throwing when getItem throws', async () => {
    window.localStorage.setItem('jwt-token', await newToken());
    storageThrows('getItem');
    vi.resetModules();

    const fresh = await import('./token-storage');

    expect(fresh.getToken()).toBeNull();
  });

  it('keeps the in-memory token when every storage call throws and storage is re-read', async () => {
    storageThrows('getItem', 'setItem', 'removeItem');
    const token = await newToken();
    setToken(token);

    reloadTokenFromStorage();

    expect(getToken()).toBe(token);
  });

  it('keeps the in-memory token when only writing throws and storage is re-read', async () => {
    storageThrows('setItem');
    const token = await newToken();
    setToken(token);

    reloadTokenFromStorage();

    expect(getToken()).toBe(token);
  });
});
