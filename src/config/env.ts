import type { ApiDialect, CookieSession } from '../backends/api-dialect';
import { flaskCookieSession } from '../backends/flask-jwt-extended/cookie-session';
import { fastapi } from '../backends/fastapi/dialect';
import { flaskJwtExtended } from '../backends/flask-jwt-extended/dialect';
import { simplejwt } from '../backends/simplejwt/dialect';
import type { LoginIdentifier } from '../backends/vocabulary';
import type { TokenStorage } from './env-rules';

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
  /** Whether /forgot-password, /reset-password and the login page's link to them exist. */
  passwordReset: boolean;
  /**
   * Where the tokens live: `localStorage` (the seed's `jwt-token`), or `cookie`, httpOnly cookies
   * the backend sets and clears, out of this page's reach.
   */
  tokenStorage: TokenStorage;
  /** The backend's cookie mode, in a build with cookie sessions; null in the others. */
  cookieSession: CookieSession | null;
  /** Whether the account page sets up two-step verification (TOTP and recovery codes). */
  twoFactor: boolean;
  /** Whether /login offers Sign in with a passkey, and the account page manages passkeys. */
  passkeys: boolean;
}

// Comparisons of a build-time constant rather than a lookup in backends/registry.ts: the bundler
// folds them and leaves out the dialects this build was not made for. The last branch checks that
// only one backend is left: one added to the vocabulary but not here does not compile.
const builtDialect: ApiDialect =
  __GATEHOUSE_API_PROFILE__ === 'flask-jwt-extended'
    ? flaskJwtExtended
    : __GATEHOUSE_API_PROFILE__ === 'fastapi'
      ? fastapi
      : (__GATEHOUSE_API_PROFILE__ satisfies 'simplejwt', simplejwt);

/**
 * Whether the session lives in httpOnly cookies (VITE_TOKEN_STORAGE=cookie). A constant, not read
 * from `env`, so that the bundler drops the cookie code from the builds that keep their tokens in
 * localStorage; the tests of cookie sessions run in a Vitest project of their own.
 */
export const COOKIE_SESSIONS: boolean = __GATEHOUSE_TOKEN_STORAGE__ === 'cookie';

/**
 * Whether /login offers passkeys (VITE_PASSKEYS). A constant like COOKIE_SESSIONS: the login page's
 * first load carries the passkey button's slot only in the builds that offer it.
 */
export const PASSKEYS: boolean = __GATEHOUSE_PASSKEYS__;

/** Whether the account page sets up two-step verification (VITE_TWO_FACTOR); a constant too. */
export const TWO_FACTOR: boolean = __GATEHOUSE_TWO_FACTOR__;

export const env: AppEnv = {
  apiUrl: __GATEHOUSE_API_URL__,
  dialect: builtDialect,
  loginIdentifier: __GATEHOUSE_LOGIN_IDENTIFIER__,
  signup: __GATEHOUSE_SIGNUP__,
  apiLogout: __GATEHOUSE_API_LOGOUT__,
  passwordReset: __GATEHOUSE_PASSWORD_RESET__,
  tokenStorage: __GATEHOUSE_TOKEN_STORAGE__,
  // Only flask-jwt-extended has one: vite.config.ts refuses cookie sessions with the others.
  cookieSession: COOKIE_SESSIONS ? flaskCookieSession : null,
  twoFactor: TWO_FACTOR,
  passkeys: PASSKEYS,
};
