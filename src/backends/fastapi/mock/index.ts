/** The mock of FastAPI's OAuth2 tutorial: its routes, its crash page and its panel controls. */
import type { BackendMock } from '../../../mock-api/server/backend-mock';
import { fastapiRoutes } from './handlers';
import { starletteServerError } from './server-error';

export const fastapiMock: BackendMock = {
  routes: fastapiRoutes,
  serverError: starletteServerError,
  // One access token, no renewal, no blocklist. A forged token and an expired one get the same
  // 401: the app judges by the token's own exp.
  panel: {
    expiredAnswer:
      '401 “Could not validate credentials” to the current token, as to a forged one: before its exp, the app calls the session no longer valid. For an expiry, shorten the access token lifetime.',
    showIssueRefreshTokens: false,
    showRotateRefreshTokens: false,
    showRefreshTokenLifetime: () => false,
    showRevoke: false,
  },
};
