/**
 * What the app reads from an access token. The payload is decoded, never verified: only the
 * server can verify the signature, so these claims decide nothing but when to stop using a token.
 */
export interface JwtClaims {
  /** Whose token it is: `sub`, or SimpleJWT's `user_id`; null when it says neither. */
  sub: string | null;
  /** Expiry, seconds since the epoch. */
  exp: number;
  iat?: number;
}

function decodeBase64Url(segment: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) throw new Error('not base64url');
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The claims of a well-formed JWT, or null for anything else (garbage, tampered JSON, no exp). */
export function decodeJwtClaims(token: string): JwtClaims | null {
  const segments = token.split('.');
  if (segments.length !== 3) return null;
  const [, payloadSegment] = segments;
  try {
    const payload: unknown = JSON.parse(decodeBase64Url(payloadSegment ?? ''));
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
    const { sub, user_id: userId, exp, iat } = payload as Record<string, unknown>;
    if (typeof exp !== 'number' || !Number.isFinite(exp)) return null;
    // flask-jwt-extended and FastAPI put the identity in `sub` (older backends a number there);
    // SimpleJWT puts it in `user_id`.
    const identity = [sub, userId].find((id) => typeof id === 'string' || typeof id === 'number');
    return {
      sub: identity === undefined ? null : String(identity),
      exp,
      ...(typeof iat === 'number' && Number.isFinite(iat) ? { iat } : {}),
    };
  } catch {
    return null;
  }
}

/** Seconds of clock difference between this browser and the API server that we tolerate. */
export const CLOCK_SKEW_SECONDS = 5;

export function msUntilExpiry(claims: JwtClaims, nowMs: number): number {
  return (claims.exp + CLOCK_SKEW_SECONDS) * 1000 - nowMs;
}

export function isExpired(claims: JwtClaims, nowMs: number): boolean {
  return msUntilExpiry(claims, nowMs) <= 0;
}

/**
 * Whether a server may have refused this token for its age: its `exp` has passed, or will within
 * the clock skew we allow. The leeway runs the other way from isExpired's, which must not drop a
 * token early; this one must not call an expired token forged because our clock runs behind.
 */
export function hasExpiredForServer(claims: JwtClaims, nowMs: number): boolean {
  return (claims.exp - CLOCK_SKEW_SECONDS) * 1000 <= nowMs;
}
