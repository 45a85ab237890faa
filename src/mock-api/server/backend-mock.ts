/**
 * What a backend's mock provides (src/backends/<name>/mock/): its routes, its answer to a crash,
 * and what the Mock API panel shows for it. The registry (mock-api/backend-mocks.ts) holds one
 * per backend.
 */
import type { RequestHandler } from 'msw';
import type { LoginIdentifier } from '../../backends/vocabulary';
import type { MockConfig } from './mock-config';
import type { MockRoutes } from './mock-routes';
import type { MockServerState } from './mock-server-state';

/** The build's settings a mock answers by, read per request (tests change them between tests). */
export interface MockAppSettings {
  readonly loginIdentifier: LoginIdentifier;
  /** Whether the backend has the course project's sign-up route. */
  readonly signup: boolean;
  /** Whether the backend has the account routes: password reset, change, log out everywhere. */
  readonly passwordReset: boolean;
  /** VITE_TOKEN_STORAGE: `cookie` when the backend keeps the tokens in httpOnly cookies. */
  readonly tokenStorage: 'localStorage' | 'cookie';
}

export interface BackendMockContext {
  state: MockServerState;
  app: MockAppSettings;
  routes: MockRoutes;
}

/** Which token controls the panel shows: those that mean something to this backend. */
export interface MockPanelSettings {
  /** What the server answers, from now on, to a token the panel expired. */
  expiredAnswer: string;
  /** flask-jwt-extended issues refresh tokens only when configured to. */
  showIssueRefreshTokens: boolean;
  /** SimpleJWT's ROTATE_REFRESH_TOKENS. */
  showRotateRefreshTokens: boolean;
  showRefreshTokenLifetime: (config: MockConfig) => boolean;
  /** A blocklist of access tokens: flask-jwt-extended's token_in_blocklist_loader. */
  showRevoke: boolean;
  /**
   * Each user's two-step verification and passkeys, with a reset: only the mocks that implement
   * them say so.
   */
  showFactors?: boolean;
}

export interface BackendMock {
  routes: (context: BackendMockContext) => RequestHandler[];
  /** The framework's answer to an exception no view catches. */
  serverError: () => Response;
  panel: MockPanelSettings;
}
