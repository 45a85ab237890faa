/**
 * What the differential corpora share: the clock, the requests' bodies and headers, and tokens
 * crafted with the secret the mock and the real backend both sign with (and a few they cannot
 * have signed), so that a crafted token means the same to both sides.
 */
import { encodeBase64Url, encodeBase64UrlJson } from '../../src/emulation/base64url';
import { MOCK_JWT_SECRET, signClaims } from '../../src/emulation/jwt-signing';
import type { Exchange } from './exchange';

/** Now, in whole seconds, as the tokens' time claims count. */
export const now = () => Math.floor(Date.now() / 1000);

export const JSON_TYPE = { 'Content-Type': 'application/json' };
export const FORM_TYPE = { 'Content-Type': 'application/x-www-form-urlencoded' };
export const MULTIPART_TYPE = { 'Content-Type': 'multipart/form-data; boundary=XX' };

/** A multipart body with these text fields, under MULTIPART_TYPE's boundary. */
export const multipart = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(
      ([name, value]) =>
        `--XX\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    )
    .join('') + '--XX--\r\n';

/** `method path` with this Authorization header, or none. */
export const authorized = (
  method: Exchange['method'],
  path: string,
  authorization: string | null,
): Exchange => ({
  method,
  path,
  headers: authorization === null ? {} : { Authorization: authorization },
});

/** A token signed with the secret both sides use. */
export const signed = (payload: Record<string, unknown>, header?: Record<string, unknown>) =>
  signClaims(payload, header, MOCK_JWT_SECRET);

/** A token signed with a secret neither side knows. */
export const signedWithAnotherKey = (payload: Record<string, unknown>) =>
  signClaims(payload, undefined, 'another-secret');

/** A token segment of any text. */
export const segment = (text: string) => encodeBase64Url(new TextEncoder().encode(text));

/** A well-formed segment that is nobody's signature. */
export const NOT_A_SIGNATURE = segment('not the signature');

/** `alg: none` with no signature: what a forger without the key tries first. */
export const unsignedToken = (payload: Record<string, unknown>) =>
  `${encodeBase64UrlJson({ alg: 'none', typ: 'JWT' })}.${encodeBase64UrlJson(payload)}.`;

/** `payload` without the claims named. */
export function withoutClaims(payload: Record<string, unknown>, names: readonly string[]) {
  return Object.fromEntries(Object.entries(payload).filter(([name]) => !names.includes(name)));
}
