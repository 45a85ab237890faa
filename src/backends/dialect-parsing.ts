/** Checks the dialects share on what a backend answers. */
import { decodeJwtClaims } from '../lib/jwt-claims.ts';
import type { LoginIdentifier } from '../backends/vocabulary.ts';
import { expectNumber, expectRecord, expectString, isRecord, ShapeError } from '../lib/parse.ts';
import type { Credentials, CurrentUser, RequestBody } from './api-dialect.ts';

/** A JSON body with the login field the build names, and the password. */
export const credentialsBody = (
  { identifier, password }: Credentials,
  field: LoginIdentifier,
): RequestBody => ({ json: { [field]: identifier, password } });

/** `record[key]` as a JWT, or a ShapeError naming what was wrong. */
export function expectJwt(record: Record<string, unknown>, key: string, what: string): string {
  const token = expectString(record, key, what);
  if (decodeJwtClaims(token) === null) throw new ShapeError(`${what}.${key} is not a JWT`);
  return token;
}

/** `record[key]` as a JWT when present; null when absent. */
export function optionalJwt(record: Record<string, unknown>, key: string, what: string) {
  return record[key] === undefined ? null : expectJwt(record, key, what);
}

/** `{"id", "username"}` or `{"id", "email"}`: the login identifier and the id. */
export function parseIdentifiedUser(
  data: unknown,
  identifier: LoginIdentifier,
  what = 'the user',
): CurrentUser {
  const record = expectRecord(data, what);
  return {
    id: expectNumber(record, 'id', what),
    identifier: expectString(record, identifier, what),
    email: null,
    fullName: null,
  };
}

/** A string field that may be null or absent. */
export function optionalString(record: Record<string, unknown>, key: string, what: string) {
  const value = record[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new ShapeError(`${what}.${key} is not a string`);
  return value;
}

/** The `key` of an error body when it is a string (`msg`, `detail`, `code`). */
export function stringField(body: unknown, key: string): string | undefined {
  if (!isRecord(body)) return undefined;
  const value = body[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The first message of the first of `fields` in a body of field errors (Django REST framework's
 * `{"password": ["…", "…"]}`), in the body's own order.
 */
export function firstFieldMessage(body: unknown, fields: readonly string[]): string | undefined {
  if (!isRecord(body)) return undefined;
  for (const [key, value] of Object.entries(body)) {
    if (!fields.includes(key) || !Array.isArray(value)) continue;
    const first: unknown = value[0];
    if (typeof first === 'string') return first;
  }
  return undefined;
}
