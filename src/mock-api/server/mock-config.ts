/**
 * What a developer can tune in the mock API without editing code. In the browser the settings
 * live in localStorage under `gatehouse:mock` (the Mock API panel writes them there), so they
 * survive a reload; tests keep them in memory and change them with `configureMockApi`.
 */
import { createStorageSubscription } from '../../lib/storage-subscription';

export const MOCK_FAILURE_KINDS = [
  'server-error',
  'network-error',
  'rate-limited',
  'timeout',
] as const;

/** How an injected failure looks to the app: Flask's HTML 500, no answer at all, a 429, silence. */
export type MockFailureKind = (typeof MOCK_FAILURE_KINDS)[number];

export const MOCK_LATENCY_MODES = ['fixed', 'random'] as const;

export type MockLatencyMode = (typeof MOCK_LATENCY_MODES)[number];

export interface MockConfig {
  /** Access token lifetime (JWT_ACCESS_TOKEN_EXPIRES); flask-jwt-extended's default is 15 minutes. */
  tokenLifetimeSeconds: number;
  /** Refresh token lifetime (JWT_REFRESH_TOKEN_EXPIRES); flask-jwt-extended's default is 30 days. */
  refreshTokenLifetimeSeconds: number;
  /**
   * flask-jwt-extended: POST /token also answers a `refresh_token`, and POST /refresh exists (404
   * otherwise). SimpleJWT always issues refresh tokens.
   */
  issueRefreshTokens: boolean;
  /** SimpleJWT's ROTATE_REFRESH_TOKENS (with BLACKLIST_AFTER_ROTATION): each renewal replaces the refresh token. */
  rotateRefreshTokens: boolean;
  /** `fixed`: every answer waits `latencyMs`; `random`: between `latencyMinMs` and `latencyMaxMs`. */
  latencyMode: MockLatencyMode;
  latencyMs: number;
  latencyMinMs: number;
  latencyMaxMs: number;
  /** The next request fails with `failureKind`; the mock switches this off as it does so. */
  failNext: boolean;
  /** The share of requests, 0 to 100, that fail with `failureKind`. */
  failurePercent: number;
  failureKind: MockFailureKind;
  /** The `Retry-After` of the `rate-limited` failure. */
  retryAfterSeconds: number;
}

export const MOCK_CONFIG_STORAGE_KEY = 'gatehouse:mock';

export const defaultMockConfig: Readonly<MockConfig> = {
  tokenLifetimeSeconds: 15 * 60,
  refreshTokenLifetimeSeconds: 30 * 24 * 60 * 60,
  issueRefreshTokens: false,
  rotateRefreshTokens: false,
  latencyMode: 'fixed',
  latencyMs: 0,
  latencyMinMs: 200,
  latencyMaxMs: 1500,
  failNext: false,
  failurePercent: 0,
  failureKind: 'server-error',
  retryAfterSeconds: 30,
};

function nonNegative(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

function percent(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.min(100, Math.max(0, value))
    : fallback;
}

function oneOf<T extends string>(options: readonly T[], value: unknown, fallback: T): T {
  return options.find((option) => option === value) ?? fallback;
}

function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/** Reads settings written by hand as well as by the panel: a wrong or missing key gets its default. */
export function parseMockConfig(raw: string | null): MockConfig {
  const defaults = defaultMockConfig;
  let value: unknown = null;
  try {
    value = raw === null ? null : JSON.parse(raw);
  } catch {
    // Not JSON: every setting keeps its default.
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ...defaults };
  const record = value as Record<string, unknown>;
  return {
    tokenLifetimeSeconds: nonNegative(record.tokenLifetimeSeconds, defaults.tokenLifetimeSeconds),
    refreshTokenLifetimeSeconds: nonNegative(
      record.refreshTokenLifetimeSeconds,
      defaults.refreshTokenLifetimeSeconds,
    ),
    issueRefreshTokens: flag(record.issueRefreshTokens, defaults.issueRefreshTokens),
    rotateRefreshTokens: flag(record.rotateRefreshTokens, defaults.rotateRefreshTokens),
    latencyMode: oneOf(MOCK_LATENCY_MODES, record.latencyMode, defaults.latencyMode),
    latencyMs: nonNegative(record.latencyMs, defaults.latencyMs),
    latencyMinMs: nonNegative(record.latencyMinMs, defaults.latencyMinMs),
    latencyMaxMs: nonNegative(record.latencyMaxMs, defaults.latencyMaxMs),
    failNext: flag(record.failNext, defaults.failNext),
    failurePercent: percent(record.failurePercent, defaults.failurePercent),
    failureKind: oneOf(MOCK_FAILURE_KINDS, record.failureKind, defaults.failureKind),
    retryAfterSeconds: nonNegative(record.retryAfterSeconds, defaults.retryAfterSeconds),
  };
}

/** The settings, wherever they live: what the handlers read and what the panel edits. */
export interface MockConfigStore {
  /** The current settings; the same object until they change (a useSyncExternalStore snapshot). */
  read: () => MockConfig;
  update: (changes: Partial<MockConfig>) => void;
  /** Back to the defaults. */
  reset: () => void;
  subscribe: (listener: () => void) => () => void;
}

/** Settings in memory, for tests: `configureMockApi` writes here. */
export function createMemoryMockConfigStore(): MockConfigStore {
  const listeners = new Set<() => void>();
  let config: MockConfig = { ...defaultMockConfig };
  const replace = (next: MockConfig) => {
    config = next;
    for (const listener of [...listeners]) listener();
  };
  return {
    read: () => config,
    update: (changes) => {
      replace({ ...config, ...changes });
    },
    reset: () => {
      replace({ ...defaultMockConfig });
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Settings in localStorage under `gatehouse:mock`, read afresh for every request so an edit (in
 * the panel, in devtools, in another tab) applies at once. When storage throws, they live in
 * memory for this tab.
 */
export function createStoredMockConfigStore(): MockConfigStore {
  const { notify, subscribe } = createStorageSubscription(MOCK_CONFIG_STORAGE_KEY, () => {
    notify();
  });
  let fallbackRaw: string | null = null;
  let snapshotRaw: string | null | undefined;
  let snapshot: MockConfig = { ...defaultMockConfig };

  const readRaw = (): string | null => {
    try {
      return window.localStorage.getItem(MOCK_CONFIG_STORAGE_KEY);
    } catch {
      return fallbackRaw;
    }
  };
  const writeRaw = (raw: string | null) => {
    fallbackRaw = raw;
    try {
      if (raw === null) window.localStorage.removeItem(MOCK_CONFIG_STORAGE_KEY);
      else window.localStorage.setItem(MOCK_CONFIG_STORAGE_KEY, raw);
    } catch {
      // Storage refused: fallbackRaw keeps the settings for this tab.
    }
    notify();
  };

  const read = (): MockConfig => {
    const raw = readRaw();
    if (raw !== snapshotRaw) {
      snapshotRaw = raw;
      snapshot = parseMockConfig(raw);
    }
    return snapshot;
  };

  return {
    read,
    update: (changes) => {
      writeRaw(JSON.stringify({ ...read(), ...changes }));
    },
    reset: () => {
      writeRaw(null);
    },
    subscribe,
  };
}
