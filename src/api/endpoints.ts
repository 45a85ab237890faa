/**
 * The backend's endpoints: the tutorial's POST /token and GET /protected, and the course
 * project's POST /signup. The login field is the build's VITE_LOGIN_IDENTIFIER.
 */
import { decodeJwtClaims } from '../auth/jwt-claims';
import { API_PATHS } from '../config/api-paths';
import { env } from '../config/env';
import { apiRequest } from './api-client';
import { expectNumber, expectRecord, expectString, ShapeError } from './parse';

/** What a person types into the login and sign-up forms. */
export interface Credentials {
  /** The username or the email, as typed. */
  identifier: string;
  password: string;
}

export interface LoginResult {
  token: string;
  userId: number;
  /** Only from backends that issue refresh tokens (flask-jwt-extended's `create_refresh_token`). */
  refreshToken: string | null;
}

/** A user as the API describes them: the id, and the username or email they log in with. */
export interface CurrentUser {
  id: number;
  identifier: string;
}

export function parseLoginResult(data: unknown): LoginResult {
  const record = expectRecord(data, 'the login answer');
  const token = expectString(record, 'token', 'the login answer');
  if (decodeJwtClaims(token) === null) throw new ShapeError('a token that is not a JWT');
  const refresh = record.refresh_token;
  if (refresh !== undefined && (typeof refresh !== 'string' || decodeJwtClaims(refresh) === null)) {
    throw new ShapeError('a refresh token that is not a JWT');
  }
  return {
    token,
    userId: expectNumber(record, 'user_id', 'the login answer'),
    refreshToken: refresh ?? null,
  };
}

/** `{"id", "username"}` or `{"id", "email"}`: GET /protected's and POST /signup's answers. */
export function parseUser(data: unknown): CurrentUser {
  const record = expectRecord(data, 'the user');
  return {
    id: expectNumber(record, 'id', 'the user'),
    identifier: expectString(record, env.loginIdentifier, 'the user'),
  };
}

const body = ({ identifier, password }: Credentials) => ({
  [env.loginIdentifier]: identifier,
  password,
});

export function requestToken(credentials: Credentials, signal?: AbortSignal): Promise<LoginResult> {
  return apiRequest(API_PATHS.token, {
    method: 'POST',
    body: body(credentials),
    parse: parseLoginResult,
    authenticated: false,
    signal,
  });
}

export function fetchCurrentUser(signal?: AbortSignal): Promise<CurrentUser> {
  return apiRequest(API_PATHS.protected, { parse: parseUser, signal });
}

/** POST /signup: creates the account (201) and answers the user it created. */
export function requestSignup(
  credentials: Credentials,
  signal?: AbortSignal,
): Promise<CurrentUser> {
  return apiRequest(API_PATHS.signup, {
    method: 'POST',
    body: body(credentials),
    parse: parseUser,
    authenticated: false,
    signal,
  });
}
