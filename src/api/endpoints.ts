/** The backend's two endpoints from the tutorial: POST /token and GET /protected. */
import { decodeJwtClaims } from '../auth/jwt-claims';
import { apiRequest } from './api-client';
import { expectNumber, expectRecord, expectString, ShapeError } from './parse';

export interface LoginResult {
  token: string;
  userId: number;
  /** Only from backends that issue refresh tokens (flask-jwt-extended's `create_refresh_token`). */
  refreshToken: string | null;
}

export interface CurrentUser {
  id: number;
  username: string;
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

export function parseCurrentUser(data: unknown): CurrentUser {
  const record = expectRecord(data, 'the user');
  return {
    id: expectNumber(record, 'id', 'the user'),
    username: expectString(record, 'username', 'the user'),
  };
}

export function requestToken(
  credentials: { username: string; password: string },
  signal?: AbortSignal,
): Promise<LoginResult> {
  return apiRequest('/token', {
    method: 'POST',
    body: credentials,
    parse: parseLoginResult,
    authenticated: false,
    signal,
  });
}

export function fetchCurrentUser(signal?: AbortSignal): Promise<CurrentUser> {
  return apiRequest('/protected', { parse: parseCurrentUser, signal });
}
