/**
 * JSON Web Tokens as the Python libraries write and read them: HS256 over base64url JSON, and
 * json.loads's verdict on a segment. Every backend's mock signs its tokens here, with the mock's
 * one secret.
 */
import { encodeBase64Url, encodeBase64UrlJson } from './base64url';
import { signHs256 } from './hs256';

/** The mock's JWT_SECRET_KEY. Public on purpose: it signs nothing outside this mock. */
export const MOCK_JWT_SECRET = 'gatehouse-mock-secret';

/** Signs any header and payload; tests use it to build the tokens a real server would reject. */
export async function signClaims(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
  secret: string = MOCK_JWT_SECRET,
): Promise<string> {
  const signingInput = `${encodeBase64UrlJson(header)}.${encodeBase64UrlJson(claims)}`;
  return `${signingInput}.${encodeBase64Url(await signHs256(signingInput, secret))}`;
}

/** json.loads of a token segment: the object, or the reason Python gives for refusing it. */
export function parseJsonObject(bytes: Uint8Array): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return 'Expecting value: line 1 column 1 (char 0)';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'must be a json object';
  }
  return value as Record<string, unknown>;
}
