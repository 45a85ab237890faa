import type { ApiDialect } from '../profiles/api-dialect';
import { fastapi } from '../profiles/fastapi';
import { flaskJwtExtended } from '../profiles/flask-jwt-extended';
import { simplejwt } from '../profiles/simplejwt';
import type { LoginIdentifier } from './env-rules';

/**
 * The environment as vite.config.ts validated and baked it into this build: the app parses
 * nothing at run time, and ships none of the validation code. Read at render and request time,
 * never copied at import, so that a test can switch a setting for one test
 * (src/test/app-env.ts).
 */
export interface AppEnv {
  /** API origin with an optional path prefix and no trailing slash; '' means this app's origin. */
  apiUrl: string;
  /** The backend's dialect (VITE_API_PROFILE). */
  dialect: ApiDialect;
  /** What people log in with: the forms' first field and the key the bodies carry. */
  loginIdentifier: LoginIdentifier;
  /** Whether /signup and its link exist. */
  signup: boolean;
  /** Whether Log out also asks the backend to revoke the tokens. */
  apiLogout: boolean;
}

// Comparisons of a build-time constant rather than a lookup table: the bundler folds them and
// leaves out the dialects this build was not made for.
const builtDialect =
  __GATEHOUSE_API_PROFILE__ === 'fastapi'
    ? fastapi
    : __GATEHOUSE_API_PROFILE__ === 'simplejwt'
      ? simplejwt
      : flaskJwtExtended;

export const env: AppEnv = {
  apiUrl: __GATEHOUSE_API_URL__,
  dialect: builtDialect,
  loginIdentifier: __GATEHOUSE_LOGIN_IDENTIFIER__,
  signup: __GATEHOUSE_SIGNUP__,
  apiLogout: __GATEHOUSE_API_LOGOUT__,
};
