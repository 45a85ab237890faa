/**
 * The harness of every differential test: one configuration of one dialect, where the reference
 * backend and the mock get the same settings and sign with the same secret, each side logs in to
 * issue its own tokens, and every case of the corpus goes to both.
 */
import type { RequestHandler } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, type AppEnv } from '../../src/config/env';
import type { ApiProfile } from '../../src/backends/vocabulary';
import { MOCK_JWT_SECRET } from '../../src/emulation/jwt-signing';
import { createHandlers } from '../../src/mock-api/handlers';
import {
  createMemoryMockConfigStore,
  type MockConfig,
} from '../../src/mock-api/server/mock-config';
import { createMockServerState } from '../../src/mock-api/server/mock-server-state';
import { DIALECTS } from '../../src/backends/registry';
import { freePort, secretSettings, startBackend, type RunningBackend } from '../reference-backends';
import { comparable, sendToBackend, sendToMock, type Answer, type Exchange } from './exchange';

/** A request, given the tokens this side issued: each side checks its own. */
export interface DifferentialCase<Tokens> {
  name: string;
  /** Async for the tokens that must be signed as the request leaves. */
  exchange: (own: Tokens) => Exchange | Promise<Exchange>;
  /** Notes what the answer carries, for the cases after it: they run in order. */
  keep?: (answer: Answer, own: Tokens) => void;
  /**
   * The body with what is legitimately random (a secret, a challenge, a recovery code) replaced
   * by what it must be, so that two sides which drew different values compare. Runs after keep.
   */
  normalise?: (body: unknown, own: Tokens) => unknown;
}

export type Send = (exchange: Exchange) => Promise<Answer>;

/** The build's settings as the config baked them, under each configuration's changes. */
const builtEnv: AppEnv = { ...env };

export interface Differential<Tokens> {
  /** The describe block's name. */
  name: string;
  profile: ApiProfile;
  /** The build's settings besides its dialect. */
  build: Partial<Omit<AppEnv, 'dialect'>>;
  /** The reference backend's settings besides its secret. */
  backendSettings?: Record<string, string>;
  /** Starts another backend of the dialect than its reference one (an example). */
  startOther?: (port: number, settings: Record<string, string>) => Promise<RunningBackend>;
  /** The API's path under the backend's origin (the course project's /api). */
  prefix?: string;
  /** The mock's counterparts of backendSettings. */
  mockConfig?: Partial<MockConfig>;
  corpus: () => Promise<DifferentialCase<Tokens>[]>;
  /** Logs in through `send`, and reads from the answers the tokens the cases use. */
  logIn: (send: Send) => Promise<Tokens>;
}

export function describeDifferential<Tokens>({
  name,
  profile,
  build,
  backendSettings = {},
  startOther,
  prefix = '',
  mockConfig = {},
  corpus,
  logIn,
}: Differential<Tokens>): void {
  describe(name, async () => {
    const cases = await corpus();
    let backend: RunningBackend | undefined;
    let origin = '';
    let handlers: RequestHandler[] = [];
    let own: Record<'mock' | 'real', Tokens> | undefined;

    beforeAll(async () => {
      const settings = { ...secretSettings(profile, MOCK_JWT_SECRET), ...backendSettings };
      const port = await freePort();
      backend = await (startOther === undefined
        ? startBackend(profile, port, settings)
        : startOther(port, settings));
      origin = backend.origin + prefix;
      // The mock reads the build's settings from env at request time.
      Object.assign(env, builtEnv, { dialect: DIALECTS[profile], ...build });
      const config = createMemoryMockConfigStore();
      config.update(mockConfig);
      handlers = createHandlers(createMockServerState(config), profile);
      own = {
        mock: await logIn((exchange) => sendToMock(handlers, exchange)),
        real: await logIn((exchange) => sendToBackend(origin, exchange)),
      };
    });
    afterAll(async () => {
      await backend?.stop();
    });

    it.each(cases.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
      if (own === undefined) throw new Error('Neither side has logged in');
      const real = await sendToBackend(origin, await entry.exchange(own.real));
      const mock = await sendToMock(handlers, await entry.exchange(own.mock));
      entry.keep?.(real, own.real);
      entry.keep?.(mock, own.mock);
      const normalise = (answer: Answer, side: Tokens): Answer =>
        entry.normalise === undefined
          ? answer
          : { ...answer, body: entry.normalise(answer.body, side) };
      expect(comparable(normalise(mock, own.mock))).toEqual(comparable(normalise(real, own.real)));
    });
  });
}
