/**
 * What the differential corpora share: the clock, and tokens crafted with the secret the mock and
 * the real backend both sign with (and a few they cannot have signed), so that a crafted token
 * means the same to both sides.
 */
import { encodeBase64Url, encodeBase64UrlJson } from '../../src/mocks/base64url';
import { MOCK_JWT_SECRET, signClaims } from '../../src/mocks/flask-jwt';
import { sendToBackend, type Answer, type Exchange } from './exchange';

/** Now, in whole seconds, as the tokens' time claims count. */
export const now = () => Math.floor(Date.now() / 1000);

export const JSON_TYPE = { 'Content-Type': 'application/json' };

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

/**
 * sendToBackend, sent again once if the connection was reset: after a 500, uvicorn closes the
 * kept-alive connection that fetch would reuse for the next request, which never reached it.
 */
export async function sendToReal(origin: string, exchange: Exchange): Promise<Answer> {
  try {
    return await sendToBackend(origin, exchange);
  } catch (error) {
    const cause =
      error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
    if (cause?.code !== 'ECONNRESET') throw error;
    return sendToBackend(origin, exchange);
  }
}
