/**
 * What a developer can tune in the mock API without editing code. In the browser the settings
 * live in localStorage under `gatehouse:mock`, so they survive a reload; tests set them directly.
 */
export interface MockConfig {
  /** Access token lifetime; flask-jwt-extended's default is 15 minutes. */
  tokenLifetimeSeconds: number;
  /** Added before every answer, to see pending states. */
  latencyMs: number;
}

export const MOCK_CONFIG_STORAGE_KEY = 'gatehouse:mock';

export const defaultMockConfig: MockConfig = {
  tokenLifetimeSeconds: 15 * 60,
  latencyMs: 0,
};

function positiveNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

export function parseMockConfig(raw: string | null): MockConfig {
  if (raw === null) return { ...defaultMockConfig };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ...defaultMockConfig };
  }
  if (typeof value !== 'object' || value === null) return { ...defaultMockConfig };
  const record = value as Record<string, unknown>;
  return {
    tokenLifetimeSeconds: positiveNumber(
      record.tokenLifetimeSeconds,
      defaultMockConfig.tokenLifetimeSeconds,
    ),
    latencyMs: positiveNumber(record.latencyMs, defaultMockConfig.latencyMs),
  };
}

/** The settings saved in this browser, read afresh for every request so edits apply at once. */
export function readStoredMockConfig(): MockConfig {
  try {
    return parseMockConfig(window.localStorage.getItem(MOCK_CONFIG_STORAGE_KEY));
  } catch {
    return { ...defaultMockConfig };
  }
}
