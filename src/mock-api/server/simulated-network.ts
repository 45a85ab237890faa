/**
 * The hard cases a developer provokes from the Mock API panel (or a test, through MockConfig):
 * latency, and failures for the next request or a share of them. Applied to every route by
 * mock-routes.ts, so that no handler has to remember it.
 */
import { delay, HttpResponse } from 'msw';
import { tooManyRequests } from '../../emulation/werkzeug-pages';
import type { MockConfig, MockFailureKind } from './mock-config';
import type { MockServerState } from './mock-server-state';

/** How long this answer waits, in ms. */
export function latencyFor(config: MockConfig, random: () => number): number {
  if (config.latencyMode === 'fixed') return config.latencyMs;
  const low = Math.min(config.latencyMinMs, config.latencyMaxMs);
  const high = Math.max(config.latencyMinMs, config.latencyMaxMs);
  return Math.round(low + random() * (high - low));
}

/**
 * The failure this request gets, if any. "Fail the next request" is used up here, at the start
 * of the request, so that of two requests in flight only one fails.
 */
export function takeInjectedFailure(state: MockServerState): MockFailureKind | null {
  const config = state.config.read();
  if (config.failNext) {
    state.config.update({ failNext: false });
    return config.failureKind;
  }
  if (config.failurePercent > 0 && state.random() * 100 < config.failurePercent) {
    return config.failureKind;
  }
  return null;
}

/** What the app receives for each kind of failure; a crash looks like the backend's own 500. */
async function failureResponse(
  kind: MockFailureKind,
  config: MockConfig,
  serverError: () => Response,
): Promise<Response> {
  switch (kind) {
    case 'server-error':
      return serverError();
    case 'network-error':
      return HttpResponse.error();
    case 'rate-limited':
      return tooManyRequests(config.retryAfterSeconds);
    case 'timeout':
      // Never answers: the app's own time limit has to give up on it.
      await delay('infinite');
      return HttpResponse.error();
  }
}

/**
 * Waits the configured latency, then answers with the injected failure, if there is one; null
 * means the route answers for real.
 */
export async function simulateNetwork(
  state: MockServerState,
  serverError: () => Response,
): Promise<Response | null> {
  const failure = takeInjectedFailure(state);
  const config = state.config.read();
  const ms = latencyFor(config, state.random);
  if (ms > 0) await delay(ms);
  return failure === null ? null : failureResponse(failure, config, serverError);
}
