/**
 * Where the mock's settings and its expired and revoked tokens live in the browser: localStorage,
 * read afresh for every request, shared with other tabs, kept over a reload.
 */
import { otherTabWrites } from '../../test/other-tab';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/api-error';
import { loginTokens } from '../../test/login-tokens';
import { createHandlers } from '../handlers';
import {
  createStoredMockConfigStore,
  defaultMockConfig,
  MOCK_CONFIG_STORAGE_KEY,
  parseMockConfig,
} from './mock-config';
import {
  keepServerStateInStorage,
  MOCK_FACTORS_STORAGE_KEY,
  MOCK_TOKENS_STORAGE_KEY,
  MOCK_USERS_STORAGE_KEY,
} from './mock-persistence';
import { createMockServerState, resetMockServerState } from './mock-server-state';
import type { MockTwoStep } from './mock-factors';
import { mockServer } from '../node';

const stored = (): unknown =>
  JSON.parse(window.localStorage.getItem(MOCK_CONFIG_STORAGE_KEY) ?? 'null');

describe('parseMockConfig', () => {
  it('gives the defaults for nothing stored, or something that is not a JSON object', () => {
    for (const raw of [null, '', 'not json', '[1]', '42', 'null']) {
      expect(parseMockConfig(raw)).toEqual(defaultMockConfig);
    }
  });

  it('keeps the keys written before the panel existed, as the e2e tests write them', () => {
    expect(parseMockConfig('{"tokenLifetimeSeconds": 2}')).toEqual({
      ...defaultMockConfig,
      tokenLifetimeSeconds: 2,
    });
    expect(parseMockConfig('{"latencyMs": 800}')).toEqual({ ...defaultMockConfig, latencyMs: 800 });
  });

  it('reads every setting', () => {
    const config = {
      tokenLifetimeSeconds: 60,
      refreshTokenLifetimeSeconds: 3600,
      issueRefreshTokens: true,
      rotateRefreshTokens: true,
      latencyMode: 'random',
      latencyMs: 10,
      latencyMinMs: 20,
      latencyMaxMs: 30,
      failNext: true,
      failurePercent: 25,
      failureKind: 'timeout',
      retryAfterSeconds: 5,
    };

    expect(parseMockConfig(JSON.stringify(config))).toEqual(config);
  });

  it('gives a wrong value its default and leaves the others alone', () => {
    expect(
      parseMockConfig(
        JSON.stringify({
          tokenLifetimeSeconds: -1,
          latencyMs: '500',
          latencyMode: 'sometimes',
          failureKind: 'meteor',
          failNext: 'yes',
          issueRefreshTokens: 1,
          retryAfterSeconds: 12,
        }),
      ),
    ).toEqual({ ...defaultMockConfig, retryAfterSeconds: 12 });
  });

  it('keeps the failure share between 0 and 100', () => {
    expect(parseMockConfig('{"failurePercent": 150}').failurePercent).toBe(100);
    expect(parseMockConfig('{"failurePercent": -5}').failurePercent).toBe(0);
  });
});

describe('createStoredMockConfigStore', () => {
  it('reads localStorage afresh, so an edit in devtools applies to the next request', () => {
    const store = createStoredMockConfigStore();
    expect(store.read()).toEqual(defaultMockConfig);

    window.localStorage.setItem(MOCK_CONFIG_STORAGE_KEY, '{"latencyMs": 300}');

    expect(store.read().latencyMs).toBe(300);
  });

  it('returns the same object until the settings change', () => {
    const store = createStoredMockConfigStore();
    const first = store.read();

    expect(store.read()).toBe(first);
    store.update({ latencyMs: 5 });
    expect(store.read()).not.toBe(first);
  });

  it('writes every setting, merged with the stored ones, and reset removes them', () => {
    window.localStorage.setItem(MOCK_CONFIG_STORAGE_KEY, '{"tokenLifetimeSeconds": 2}');
    const store = createStoredMockConfigStore();

    store.update({ failurePercent: 10 });

    expect(stored()).toEqual({ ...defaultMockConfig, tokenLifetimeSeconds: 2, failurePercent: 10 });
    store.reset();
    expect(window.localStorage.getItem(MOCK_CONFIG_STORAGE_KEY)).toBeNull();
    expect(store.read()).toEqual(defaultMockConfig);
  });

  it('tells its subscribers about changes here and in other tabs', () => {
    const store = createStoredMockConfigStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);

    store.update({ latencyMs: 1 });
    otherTabWrites('{"latencyMs": 2}', MOCK_CONFIG_STORAGE_KEY);
    otherTabWrites('x', 'some-other-key');

    expect(listener).toHaveBeenCalledTimes(2);
    expect(store.read().latencyMs).toBe(2);
    unsubscribe();
    store.update({ latencyMs: 3 });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('keeps the settings in memory when storage throws', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const store = createStoredMockConfigStore();

    store.update({ latencyMs: 42 });

    expect(store.read().latencyMs).toBe(42);
  });

  it('is what the handlers read: "fail the next request" is used up in storage too', async () => {
    const state = createMockServerState(createStoredMockConfigStore());
    mockServer.use(...createHandlers(state));
    window.localStorage.setItem(
      MOCK_CONFIG_STORAGE_KEY,
      '{"failNext": true, "failureKind": "rate-limited", "retryAfterSeconds": 7}',
    );

    const error: unknown = await loginTokens({
      identifier: 'ada',
      password: 'lovelace1815',
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'http', status: 429, retryAfterSeconds: 7 });
    expect(stored()).toMatchObject({ failNext: false, failureKind: 'rate-limited' });
    await expect(
      loginTokens({ identifier: 'ada', password: 'lovelace1815' }),
    ).resolves.toMatchObject({ userId: 2 });
  });
});

describe('keepServerStateInStorage', () => {
  it('saves the expired and revoked tokens, and a reloaded page finds them', () => {
    const state = createMockServerState();
    keepServerStateInStorage(state);
    state.expiredJtis.add('expired-jti');
    state.revokedJtis.add('revoked-jti');

    state.onChange();
    const reloaded = createMockServerState();
    keepServerStateInStorage(reloaded);

    expect(reloaded.expiredJtis).toEqual(new Set(['expired-jti']));
    expect(reloaded.revokedJtis).toEqual(new Set(['revoked-jti']));
  });

  it('keeps the accounts created by sign-up, after the seed users, until a reset', () => {
    const state = createMockServerState();
    keepServerStateInStorage(state);
    state.users.push({
      id: 5,
      username: 'grace',
      email: null,
      password: 'hopper1906',
      fullName: null,
      disabled: false,
    });
    state.onChange();

    const reloaded = createMockServerState();
    keepServerStateInStorage(reloaded);
    expect(reloaded.users.map((user) => user.username)).toEqual([
      'alesanchezr',
      'ada',
      'johndoe',
      'alice',
      'grace',
    ]);

    resetMockServerState(reloaded);
    expect(window.localStorage.getItem(MOCK_USERS_STORAGE_KEY)).toBeNull();
    expect(reloaded.users).toHaveLength(4);
  });

  it('follows what another tab writes', () => {
    const state = createMockServerState();
    keepServerStateInStorage(state);

    otherTabWrites('{"expired": ["a", 7], "revoked": ["b"]}', MOCK_TOKENS_STORAGE_KEY);
    expect(state.expiredJtis).toEqual(new Set(['a']));
    expect(state.revokedJtis).toEqual(new Set(['b']));
    otherTabWrites(
      '[{"id": 5, "username": null, "email": "g@example.com", "password": "x"}, {"id": 1}]',
      MOCK_USERS_STORAGE_KEY,
    );
    expect(state.users.map((user) => user.email)).toEqual([
      'alesanchezr@example.com',
      'ada@example.com',
      'johndoe@example.com',
      'alice@example.com',
      'g@example.com',
    ]);

    otherTabWrites(null, MOCK_TOKENS_STORAGE_KEY);
    expect(state.expiredJtis.size).toBe(0);
    expect(state.revokedJtis.size).toBe(0);
  });

  it('keeps the users’ factors, pending secrets and used steps included, until a reset', () => {
    const state = createMockServerState();
    keepServerStateInStorage(state);
    const twoStep: MockTwoStep = {
      secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
      pendingSecret: null,
      lastStep: 56_666_667,
      recoveryCodeHashes: ['a'.repeat(64)],
    };
    const pending: MockTwoStep = {
      secret: null,
      pendingSecret: 'JBSWY3DPEHPK3PXP',
      lastStep: null,
      recoveryCodeHashes: [],
    };
    const passkey = {
      id: 'Y3JlZGVudGlhbA',
      userId: 2,
      name: 'Laptop',
      publicKey: 'pQECAyYgASFYIA',
      signCount: 3,
      createdAt: '2030-01-01T00:00:00Z',
      lastUsedAt: null,
    };
    state.factors.twoStep.set(2, twoStep);
    state.factors.twoStep.set(1, pending);
    state.factors.passkeys.push(passkey);
    state.onChange();

    const reloaded = createMockServerState();
    keepServerStateInStorage(reloaded);
    expect(reloaded.factors.twoStep).toEqual(
      new Map([
        [2, twoStep],
        [1, pending],
      ]),
    );
    expect(reloaded.factors.passkeys).toEqual([passkey]);

    resetMockServerState(reloaded);
    expect(window.localStorage.getItem(MOCK_FACTORS_STORAGE_KEY)).toBeNull();
    expect(reloaded.factors.passkeys).toEqual([]);
  });

  it('leaves out a stored factor it cannot read', () => {
    window.localStorage.setItem(
      MOCK_FACTORS_STORAGE_KEY,
      JSON.stringify({
        twoStep: [
          [2, 'SECRET', null, 'not a step', []],
          [3, null, null, null, []],
        ],
        passkeys: [{ id: 'x', userId: '2' }],
      }),
    );
    const state = createMockServerState();
    keepServerStateInStorage(state);
    expect([...state.factors.twoStep.keys()]).toEqual([3]);
    expect(state.factors.passkeys).toEqual([]);
  });

  it('starts from the seed with garbage in storage, and removes keys with nothing to keep', () => {
    window.localStorage.setItem(MOCK_TOKENS_STORAGE_KEY, '{not json');
    window.localStorage.setItem(MOCK_USERS_STORAGE_KEY, '"not a list"');
    const state = createMockServerState();
    keepServerStateInStorage(state);

    expect(state.expiredJtis.size).toBe(0);
    expect(state.users).toHaveLength(4);
    state.onChange();
    expect(window.localStorage.getItem(MOCK_TOKENS_STORAGE_KEY)).toBeNull();
    expect(window.localStorage.getItem(MOCK_USERS_STORAGE_KEY)).toBeNull();
  });
});
