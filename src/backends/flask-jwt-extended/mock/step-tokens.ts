/**
 * The short-lived tokens of a login in two steps, signed with the mock's JWT secret like its
 * access tokens: the mfa_token between the password and the code (5 minutes), and the state a
 * passkey sign-in carries from /webauthn/login/begin to /complete (2 minutes). The server keeps
 * nothing of them but what became of their jtis (wrong codes, used).
 */
import { decodeBase64Url } from '../../../emulation/base64url';
import { verifyHs256 } from '../../../emulation/hs256';
import { MOCK_JWT_SECRET, parseJsonObject, signClaims } from '../../../emulation/jwt-signing';

export const MFA_TOKEN_SECONDS = 300;
export const PASSKEY_LOGIN_SECONDS = 120;

type Decoded = { ok: true; claims: Record<string, unknown> } | { ok: false; expired: boolean };

const invalid: Decoded = { ok: false, expired: false };

/** PyJWT's int() of a time claim: a number or a numeric string; null where it refuses one. */
function timeClaim(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return Number(value);
  return null;
}

/**
 * PyJWT's jwt.decode(token, secret, algorithms=["HS256"], options={"require": ["exp"]}): the
 * claims, or whether the refusal is an expiry (ExpiredSignatureError) or anything else
 * (InvalidTokenError).
 */
async function decodeSigned(token: string, nowSeconds: number): Promise<Decoded> {
  const [header, payload, signature, ...rest] = token.split('.');
  if (header === undefined || payload === undefined || signature === undefined) return invalid;
  if (rest.length > 0) return invalid;
  const headerBytes = decodeBase64Url(header);
  const payloadBytes = decodeBase64Url(payload);
  const signatureBytes = decodeBase64Url(signature);
  if (headerBytes === null || payloadBytes === null || signatureBytes === null) return invalid;
  const headerClaims = parseJsonObject(headerBytes);
  if (typeof headerClaims === 'string' || headerClaims.alg !== 'HS256') return invalid;
  if (!(await verifyHs256(`${header}.${payload}`, signatureBytes, MOCK_JWT_SECRET))) return invalid;
  const claims = parseJsonObject(payloadBytes);
  if (typeof claims === 'string' || !('exp' in claims)) return invalid;
  // PyJWT's order: iat and nbf (neither in the future), then exp.
  for (const name of ['iat', 'nbf']) {
    if (!(name in claims)) continue;
    const value = timeClaim(claims[name]);
    if (value === null || value > nowSeconds) return invalid;
  }
  const exp = timeClaim(claims.exp);
  if (exp === null) return invalid;
  if (exp <= nowSeconds) return { ok: false, expired: true };
  return { ok: true, claims };
}

/** The second step's token for the user who gave the right password (or a passkey without UV). */
export function createMfaToken(userId: number, nowSeconds: number): Promise<string> {
  return signClaims({
    sub: String(userId),
    type: 'mfa',
    jti: crypto.randomUUID(),
    iat: nowSeconds,
    nbf: nowSeconds,
    exp: nowSeconds + MFA_TOKEN_SECONDS,
  });
}

/**
 * An mfa_token's user id (null when its `sub` names none) and jti; `expired` or `invalid` for one
 * that cannot be used.
 */
export async function readMfaToken(
  token: string,
  nowSeconds: number,
): Promise<{ userId: number | null; jti: string } | 'expired' | 'invalid'> {
  const decoded = await decodeSigned(token, nowSeconds);
  if (!decoded.ok) return decoded.expired ? 'expired' : 'invalid';
  const { sub, type, jti } = decoded.claims;
  if (type !== 'mfa' || typeof jti !== 'string') return 'invalid';
  return { userId: typeof sub === 'string' && /^[0-9]+$/.test(sub) ? Number(sub) : null, jti };
}

/** The state of a passkey sign-in: the challenge the authenticator must sign. */
export function createPasskeyLoginState(challenge: string, nowSeconds: number): Promise<string> {
  return signClaims({
    type: 'webauthn-login',
    challenge,
    jti: crypto.randomUUID(),
    iat: nowSeconds,
    exp: nowSeconds + PASSKEY_LOGIN_SECONDS,
  });
}

/** The challenge and jti of a passkey sign-in state; null for one bad or expired. */
export async function readPasskeyLoginState(
  token: string,
  nowSeconds: number,
): Promise<{ challenge: string; jti: string } | null> {
  const decoded = await decodeSigned(token, nowSeconds);
  if (!decoded.ok) return null;
  const { type, challenge, jti } = decoded.claims;
  if (type !== 'webauthn-login' || typeof challenge !== 'string' || typeof jti !== 'string') {
    return null;
  }
  return { challenge, jti };
}
