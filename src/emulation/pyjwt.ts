/**
 * PyJWT 2.6's `jwt.decode(token, key, algorithms=["HS256"])` as Debian ships it (with its
 * backported `kid` and `crit` header checks), which FastAPI's tutorial and SimpleJWT both call:
 * the claims of a token it accepts, or null for one it refuses. Neither framework tells its
 * callers why (every refusal is the same 401), so neither does this. A token that makes PyJWT
 * raise something other than InvalidTokenError (a time claim that is null, a list, a numeric
 * string `iat`) crashes the view: that is a PythonCrash, which the handlers answer as their
 * framework answers an unhandled exception (a 500).
 */
import { verifyHs256 } from './hs256';

/** An exception the framework's view does not catch: the server answers 500. */
export class PythonCrash extends Error {
  constructor(exception: string) {
    super(exception);
    this.name = 'PythonCrash';
  }
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * PyJWT's base64url_decode: pad to a multiple of 4, then base64.urlsafe_b64decode, which (not in
 * strict mode) skips characters outside the alphabet and stops at a complete padding. Null where
 * Python raises binascii.Error.
 */
export function pythonBase64UrlDecode(segment: string): Uint8Array | null {
  const padded = segment + '='.repeat((4 - (segment.length % 4)) % 4);
  const text = padded.replace(/-/g, '+').replace(/_/g, '/');
  const bytes: number[] = [];
  let quadPos = 0;
  let leftChar = 0;
  let pads = 0;
  for (const char of text) {
    if (char === '=') {
      pads += 1;
      if (quadPos >= 2 && quadPos + pads >= 4) return Uint8Array.from(bytes);
      continue;
    }
    const value = BASE64.indexOf(char);
    if (value === -1) continue;
    pads = 0;
    if (quadPos === 0) {
      leftChar = value;
    } else if (quadPos === 1) {
      bytes.push(((leftChar << 2) | (value >> 4)) & 0xff);
      leftChar = value & 0x0f;
    } else if (quadPos === 2) {
      bytes.push(((leftChar << 4) | (value >> 2)) & 0xff);
      leftChar = value & 0x03;
    } else {
      bytes.push(((leftChar << 6) | value) & 0xff);
    }
    quadPos = (quadPos + 1) % 4;
  }
  return quadPos === 0 ? Uint8Array.from(bytes) : null;
}

/** json.loads of bytes: strict UTF-8 (a BOM is skipped), then a JSON object, or null. */
function jsonObject(bytes: Uint8Array): Record<string, unknown> | null {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** Python's int() of a JSON value: its value, or the exception it raises. */
export function pythonInt(value: unknown): number | 'ValueError' | 'TypeError' | 'OverflowError' {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number')
    return Number.isFinite(value) ? Math.trunc(value) : 'OverflowError';
  if (typeof value === 'string') {
    return /^\s*[+-]?\d+(?:_\d+)*\s*$/.test(value) ? Number(value.replace(/_/g, '')) : 'ValueError';
  }
  return 'TypeError';
}

/** Python's truth value of a JSON value. */
const truthy = (value: unknown) =>
  Array.isArray(value)
    ? value.length > 0
    : typeof value === 'object' && value !== null
      ? Object.keys(value).length > 0
      : Boolean(value);

/** api_jws._validate_headers: `kid` a string; `crit` a non-empty list of supported extensions. */
function headersValid(header: Record<string, unknown>): boolean {
  if ('kid' in header && typeof header.kid !== 'string') return false;
  if ('crit' in header) {
    const { crit } = header;
    if (!Array.isArray(crit) || crit.length === 0) return false;
    if (!crit.every((name) => typeof name === 'string' && name === 'b64' && name in header)) {
      return false;
    }
  }
  // b64: false needs a detached payload, which neither framework passes.
  return header.b64 !== false;
}

/**
 * api_jwt._validate_claims with leeway 0: iat, nbf, exp, then aud. False for a refusal
 * (InvalidTokenError); throws PythonCrash where Python raises anything else.
 */
function claimsValid(
  claims: Record<string, unknown>,
  nowSeconds: number,
  verifyAudience: boolean,
): boolean {
  // int() of the claim: a ValueError is a refusal, a TypeError or an OverflowError a crash.
  const time = (name: string): number | null => {
    const value = pythonInt(claims[name]);
    if (value === 'ValueError') return null;
    if (typeof value === 'string') throw new PythonCrash(`${value} in int(${name})`);
    return value;
  };
  if ('iat' in claims) {
    if (time('iat') === null) return false;
    // _validate_iat compares the claim itself, not its int(): a numeric string raises TypeError.
    const { iat } = claims;
    if (typeof iat === 'string') throw new PythonCrash("TypeError: '>' between str and int");
    if (Number(iat) > nowSeconds) return false;
  }
  if ('nbf' in claims) {
    const nbf = time('nbf');
    if (nbf === null || nbf > nowSeconds) return false;
  }
  if ('exp' in claims) {
    const exp = time('exp');
    if (exp === null || exp <= nowSeconds) return false;
  }
  // With no audience given, any truthy `aud` claim is refused (SimpleJWT turns the check off).
  return !(verifyAudience && truthy(claims.aud));
}

export async function decodePyJwt(
  token: string,
  {
    secret,
    nowSeconds,
    verifyAudience = true,
  }: { secret: string; nowSeconds: number; verifyAudience?: boolean },
): Promise<Record<string, unknown> | null> {
  const lastDot = token.lastIndexOf('.');
  const signingInput = token.slice(0, lastDot);
  const firstDot = signingInput.indexOf('.');
  if (lastDot === -1 || firstDot === -1) return null;
  const headerBytes = pythonBase64UrlDecode(signingInput.slice(0, firstDot));
  const header = headerBytes === null ? null : jsonObject(headerBytes);
  if (header === null) return null;
  const payloadBytes = pythonBase64UrlDecode(signingInput.slice(firstDot + 1));
  const signature = pythonBase64UrlDecode(token.slice(lastDot + 1));
  if (payloadBytes === null || signature === null) return null;
  if (!headersValid(header) || header.alg !== 'HS256') return null;
  if (!(await verifyHs256(signingInput, signature, secret))) return null;
  const claims = jsonObject(payloadBytes);
  if (claims === null || !claimsValid(claims, nowSeconds, verifyAudience)) return null;
  return claims;
}
