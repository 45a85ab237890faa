/**
 * A backend's dialect: everything about the API that differs between the frameworks Gatehouse
 * speaks to (docs/api/). The fetch wrapper, the session and the pages read the build's dialect
 * (env.dialect) and nothing else about the backend.
 *
 * Pure on purpose: vite.config.ts imports the dialects too (for the proxy's paths), so nothing
 * here may read the build's settings; what depends on them comes in as an argument.
 */
import type { ApiProfile, LoginIdentifier } from '../backends/vocabulary.ts';

/** What a person types into the login and sign-up forms. */
export interface Credentials {
  /** The username or the email, as typed. */
  identifier: string;
  password: string;
}

/** A request body: JSON, or an HTML form's encoding (FastAPI's OAuth2 password flow). */
export type RequestBody = { json: unknown } | { form: Record<string, string> };

/** One request the dialect asks for: its body, and the token it carries as Bearer, if any. */
export interface DialectRequest {
  bearer: string | null;
  body?: RequestBody;
}

export interface LoginResult {
  token: string;
  /** From backends that issue refresh tokens. */
  refreshToken: string | null;
  /** The user's id, when the login answer says it (the tutorial's `user_id`). */
  userId: number | null;
}

/** A user as the current-user endpoint describes them. */
export interface CurrentUser {
  /** null where the API sends none (FastAPI's tutorial). */
  id: number | null;
  /** The username or the email the person logs in with. */
  identifier: string;
  /** Shown when the API sends it and the identifier is not already the email. */
  email: string | null;
  fullName: string | null;
}

export interface RenewedTokens {
  access: string;
  /** A new refresh token, from a backend that rotates them (SimpleJWT's ROTATE_REFRESH_TOKENS). */
  refresh: string | null;
}

/** What an error body says: its human message, and a machine code where the framework has one. */
export interface ServerError {
  serverMessage?: string | undefined;
  serverCode?: string | undefined;
}

/** An error answer: its status and what its body says. */
export type Refusal = ServerError & { status: number };

/** Why a refused request ends the session. */
export type Rejection = 'expired' | 'revoked' | 'invalid' | 'disabled';

export interface AccountRoutes {
  /** Asks for a reset link by e-mail; the answer is the same for an unknown account. */
  resetRequest: {
    path: string;
    body: (identifier: string, field: LoginIdentifier) => RequestBody;
  };
  /** Sets a new password with the token from the link. */
  resetConfirm: {
    path: string;
    body: (token: string, password: string) => RequestBody;
    /** Whether the refusal is of the link itself (bad, expired or used), not of the password. */
    refusesToken: (refusal: Refusal) => boolean;
  };
  /** Changes the logged-in person's password; answers new tokens, as a login does. */
  passwordChange: {
    path: string;
    body: (currentPassword: string, newPassword: string) => RequestBody;
    parse: (data: unknown) => LoginResult;
    /** Whether the refusal says the current password is wrong. */
    refusesCurrentPassword: (refusal: Refusal) => boolean;
  };
  /**
   * Whether a refusal of a new password (sign-up, reset, change) is the password policy's: its
   * message goes under the password field.
   */
  refusesNewPassword: (refusal: Refusal) => boolean;
  /** Revokes every token of the logged-in person, on every device. */
  logoutEverywhere: { path: string };
}

/**
 * A backend that keeps its tokens in httpOnly cookies and checks a CSRF double submit
 * (flask-jwt-extended's cookie mode): the answers carry no token, and the page reads only the
 * CSRF values, from cookies made readable for that.
 */
export interface CookieSession {
  /** The readable cookies with the CSRF values of the access token and of the refresh token. */
  csrfCookies: { access: string; refresh: string };
  /** The header that carries a CSRF value on requests that change something. */
  csrfHeader: string;
  /** A login's answer (also the second step's, a passkey's, a password change's): no token in it. */
  parseLogin: (data: unknown) => { userId: number | null };
  /** Renews the access cookie with the refresh cookie. */
  refreshPath: string;
  /** Clears the cookies; the only way to, since the page cannot. */
  logoutPath: string;
}

/**
 * Two-step verification (TOTP with recovery codes) and passkeys (WebAuthn): the reference Flask
 * backend's routes (docs/api/flask-jwt-extended.md).
 */
export interface FactorRoutes {
  /** GET: whether two-step verification is on; `/setup`, `/enable` and `/disable` below it. */
  twoFactor: string;
  /** The login's second step: the password step's `mfa_token` with a code or a recovery code. */
  secondStep: string;
  /** WebAuthn: `/register/…`, `/credentials`, `/login/…` below it. */
  passkeys: string;
  /** What a refusal of the second step means: a wrong code, or a step that cannot go on. */
  secondStepRefusal: (refusal: Refusal) => SecondStepRefusal | null;
  /** Whether turning two-step verification on was refused for a code that does not match. */
  refusesSetupCode: (refusal: Refusal) => boolean;
  /** Whether turning it off was refused for a wrong current password. */
  refusesCurrentPassword: (refusal: Refusal) => boolean;
}

/** A wrong code; a step timed out (or already used); or too many wrong codes for one step. */
export type SecondStepRefusal = 'wrong-code' | 'expired' | 'too-many';

export interface ApiDialect {
  profile: ApiProfile;
  /** What people can log in with, as VITE_LOGIN_IDENTIFIER says. */
  identifiers: readonly LoginIdentifier[];
  login: {
    path: string;
    /** The status of a login body the server could not use (a field missing or malformed). */
    unusableStatus: 400 | 422;
    body: (credentials: Credentials, identifier: LoginIdentifier) => RequestBody;
    parse: (data: unknown) => LoginResult;
  };
  currentUser: {
    path: string;
    parse: (data: unknown, identifier: LoginIdentifier) => CurrentUser;
  };
  /** Renewal of an expired access token; null where the framework has none. */
  refresh: {
    path: string;
    request: (refreshToken: string) => DialectRequest;
    parse: (data: unknown) => RenewedTokens;
    /** The statuses that refuse the refresh token itself: the session cannot be renewed. */
    refusedStatuses: readonly number[];
  } | null;
  /** Account creation (the course project's); null where the framework has none. */
  signup: {
    path: string;
    body: (credentials: Credentials, identifier: LoginIdentifier) => RequestBody;
    parse: (data: unknown, identifier: LoginIdentifier) => CurrentUser;
  } | null;
  /** Server-side logout: the requests that make the session's tokens useless. */
  logout: {
    path: string;
    requests: (accessToken: string | null, refreshToken: string | null) => DialectRequest[];
  } | null;
  /**
   * Password reset by e-mail, password change and log-out-everywhere; null where the backend has
   * none.
   */
  account: AccountRoutes | null;
  /** Two-step verification and passkeys; null where the backend has neither. */
  factors: FactorRoutes | null;
  /** Reads an error answer's body. */
  readError: (body: unknown) => ServerError;
  /**
   * What it means for the session that the API refused a request made with its token; null when
   * the session goes on. `expiredByExp`: the token's own `exp` has passed (with leeway).
   */
  rejection: (refusal: Refusal, expiredByExp: boolean) => Rejection | null;
  /**
   * Tells the developer, in the console, when a refusal means the backend itself is misconfigured;
   * the explanation is loaded only by a page that meets one.
   */
  explainMisconfiguration?: (refusal: Refusal) => void;
}

/** Every path the dialect uses: what a proxy must forward to the backend. */
export function dialectPaths(dialect: ApiDialect): string[] {
  return [
    dialect.login.path,
    dialect.currentUser.path,
    dialect.refresh?.path,
    dialect.signup?.path,
    dialect.logout?.path,
    dialect.account?.resetRequest.path,
    dialect.account?.resetConfirm.path,
    dialect.account?.passwordChange.path,
    dialect.account?.logoutEverywhere.path,
    dialect.factors?.twoFactor,
    dialect.factors?.secondStep,
    dialect.factors?.passkeys,
  ].filter((path): path is string => path !== undefined);
}
