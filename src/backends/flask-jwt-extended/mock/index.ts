/** The mock of Flask + flask-jwt-extended: its routes, its crash page and its panel controls. */
import { internalServerError } from '../../../emulation/werkzeug-pages';
import type { BackendMock } from '../../../mock-api/server/backend-mock';
import { flaskRoutes } from './handlers';

export const flaskJwtExtendedMock: BackendMock = {
  routes: flaskRoutes,
  serverError: internalServerError,
  panel: {
    expiredAnswer: '401 “Token has expired” to the current token.',
    showIssueRefreshTokens: true,
    showRotateRefreshTokens: false,
    showRefreshTokenLifetime: (config) => config.issueRefreshTokens,
    showRevoke: true,
    showFactors: true,
  },
};
