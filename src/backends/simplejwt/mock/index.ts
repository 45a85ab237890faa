/** The mock of Django REST framework + SimpleJWT: its routes, its crash page and its panel controls. */
import type { BackendMock } from '../../../mock-api/server/backend-mock';
import { simplejwtRoutes } from './handlers';
import { djangoServerError } from './server-error';

export const simplejwtMock: BackendMock = {
  routes: simplejwtRoutes,
  serverError: djangoServerError,
  // Always a refresh token; the blacklist takes refresh tokens only.
  panel: {
    expiredAnswer:
      '401 “token_not_valid” to the current access token, as to a forged one: before its exp, the app calls the session no longer valid and renews nothing. For an expiry, shorten the access token lifetime.',
    showIssueRefreshTokens: false,
    showRotateRefreshTokens: true,
    showRefreshTokenLifetime: () => true,
    showRevoke: false,
  },
};
