/**
 * PyJWT 2.6's `jwt.decode(token, key, algorithms=["HS256"])`, which FastAPI's tutorial and
 * SimpleJWT both call: the claims of a token it accepts, or null for one it refuses. Neither
 * framework tells its callers why (every refusal is the same 401), so neither does this.
 */
import { decodeBase64Url } from './base64url';
import { parseJsonObject } from './flask-jwt';
import { verifyHs256 } from './hs256';

/** PyJWT takes int() of a time claim: an integer-valued number or numeric string passes. */
function timeClaim(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return null;
}

export async function decodePyJwt(
  token: string,
  { secret, nowSeconds }: { secret: string; nowSeconds: number },
): Promise<Record<string, unknown> | null> {
  const lastDot = token.lastIndexOf('.');
  const signingInput = token.slice(0, lastDot);
  const firstDot = signingInput.indexOf('.');
  if (lastDot === -1 || firstDot === -1) return null;
  const headerBytes = decodeBase64Url(signingInput.slice(0, firstDot));
  const payloadBytes = decodeBase64Url(signingInput.slice(firstDot + 1));
  const signature = decodeBase64Url(token.slice(lastDot + 1));
  if (headerBytes === null || payloadBytes === null || signature === null) return null;
  const header = parseJsonObject(headerBytes);
  if (typeof header === 'string' || header.alg !== 'HS256') return null;
  if (!(await verifyHs256(signingInput, signature, secret))) return null;
  const claims = parseJsonObject(payloadBytes);
  if (typeof claims === 'string') return null;
  for (const [name, refused] of [
    ['iat', (time: number) => time > nowSeconds],
    ['nbf', (time: number) => time > nowSeconds],
    ['exp', (time: number) => time <= nowSeconds],
  ] as const) {
    if (!(name in claims)) continue;
    const time = timeClaim(claims[name]);
    if (time === null || refused(time)) return null;
  }
  return claims;
}
