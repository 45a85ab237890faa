/**
 * flask-jwt-extended 4.7 on PyJWT 2.10, as far as a browser can tell: the same token layout, the
 * same checks in the same order, the same status codes and `msg` texts. Code that works against
 * this works against the tutorial's Flask backend.
 */
import { decodeBase64Url } from '../../../emulation/base64url';
import { verifyHs256 } from '../../../emulation/hs256';
import { MOCK_JWT_SECRET, parseJsonObject, signClaims } from '../../../emulation/jwt-signing';

/** `jwt_required()` takes access tokens; `jwt_required(refresh=True)` takes refresh tokens. */
export type TokenType = 'access' | 'refresh';

/** The claims `_encode_jwt` writes, in its order; access and refresh tokens differ only in `type`. */
export type TokenClaims = {
  fresh: boolean;
  iat: number;
  jti: string;
  type: TokenType;
  sub: string;
  nbf: number;
  csrf: string;
  exp: number;
};

export type Verification =
  { ok: true; claims: Record<string, unknown> } | { ok: false; status: 401 | 422; msg: string };

interface IssueOptions {
  identity: string;
  lifetimeSeconds: number;
  nowSeconds: number;
  secret?: string;
}

function createToken(type: TokenType, options: IssueOptions): Promise<string> {
  const { identity, lifetimeSeconds, nowSeconds, secret = MOCK_JWT_SECRET } = options;
  const claims: TokenClaims = {
    fresh: false,
    iat: nowSeconds,
    jti: crypto.randomUUID(),
    type,
    sub: identity,
    nbf: nowSeconds,
    csrf: crypto.randomUUID(),
    exp: nowSeconds + lifetimeSeconds,
  };
  return signClaims(claims, { alg: 'HS256', typ: 'JWT' }, secret);
}

/** create_access_token(identity=...) with flask-jwt-extended's default claims. */
export function createAccessToken(options: IssueOptions): Promise<string> {
  return createToken('access', options);
}

/** create_refresh_token(identity=...): the same claims with `type: "refresh"`. */
export function createRefreshToken(options: IssueOptions): Promise<string> {
  return createToken('refresh', options);
}

const fail = (status: 401 | 422, msg: string): Verification => ({ ok: false, status, msg });

const BEARER_EXPECTED = "Expected 'Authorization: Bearer <JWT>'";

/** _decode_jwt_from_headers: the Authorization header to an encoded token, or the error. */
function tokenFromHeader(header: string | null): { token: string } | Verification {
  const value = (header ?? '').trim().replace(/^,+|,+$/g, '');
  if (value === '') return fail(401, 'Missing Authorization Header');
  // Python's str.split(): words between runs of whitespace, none empty.
  const words = (part: string) => part.split(/\s+/).filter((word) => word !== '');
  const bearerParts = value
    .split(/,\s*/)
    .filter((part) => part !== '' && words(part)[0] === 'Bearer');
  const [bearerPart] = bearerParts;
  if (bearerPart === undefined || bearerParts.length !== 1) {
    return fail(401, `Missing 'Bearer' type in 'Authorization' header. ${BEARER_EXPECTED}`);
  }
  const [, token, ...rest] = words(bearerPart);
  if (token === undefined || rest.length > 0) {
    return fail(422, `Bad Authorization header. ${BEARER_EXPECTED}`);
  }
  return { token };
}

/** PyJWT accepts int() of the claim; a float or numeric string passes, other values do not. */
function numericClaim(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  return null;
}

interface DecodeOptions {
  nowSeconds: number;
  /** Tokens the mock's "Expire now" control marked as expired before their `exp`. */
  isExpiredEarly?: (jti: unknown) => boolean;
  secret?: string;
}

interface VerifyOptions extends DecodeOptions {
  /**
   * jwt_required(refresh=True): only refresh tokens pass; 'any' is jwt_required(verify_type=False).
   * By default only access tokens do.
   */
  refresh?: boolean | 'any';
  /** The blocklist (token_in_blocklist_loader), given the token's claims. */
  isRevoked: (claims: Record<string, unknown>) => boolean;
}

/** jwt_required(refresh=...): verifies the request's token like flask-jwt-extended does. */
export async function verifyJwt(
  authorization: string | null,
  options: VerifyOptions,
): Promise<Verification> {
  const fromHeader = tokenFromHeader(authorization);
  if ('ok' in fromHeader) return fromHeader;
  return verifyToken(fromHeader.token, null, options);
}

/** The cookie names and CSRF header of flask-jwt-extended's defaults. */
export const JWT_COOKIES = {
  access: 'access_token_cookie',
  refresh: 'refresh_token_cookie',
  csrfAccess: 'csrf_access_token',
  csrfRefresh: 'csrf_refresh_token',
} as const;
export const CSRF_HEADER = 'X-CSRF-TOKEN';

/** JWT_CSRF_METHODS's default: the methods whose CSRF value is checked. */
const CSRF_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

export interface CookieRequest {
  method: string;
  /** The request's cookies by name. */
  cookies: Readonly<Record<string, string>>;
  /** The X-CSRF-TOKEN header, or null. */
  csrfHeader: string | null;
}

/**
 * jwt_required(refresh=...) with JWT_TOKEN_LOCATION=["cookies"] and CSRF protection: the token
 * comes from its cookie, and a POST must repeat the token's `csrf` claim in X-CSRF-TOKEN.
 */
export async function verifyJwtInCookies(
  request: CookieRequest,
  options: VerifyOptions,
): Promise<Verification> {
  const name = options.refresh === true ? JWT_COOKIES.refresh : JWT_COOKIES.access;
  const token = request.cookies[name];
  if (token === undefined || token === '') return fail(401, `Missing cookie "${name}"`);
  let csrf: string | null = null;
  if (CSRF_METHODS.includes(request.method.toUpperCase())) {
    if (request.csrfHeader === null || request.csrfHeader === '') {
      return fail(401, 'Missing CSRF token');
    }
    csrf = request.csrfHeader;
  }
  return verifyToken(token, csrf, options);
}

async function verifyToken(
  token: string,
  csrf: string | null,
  { refresh = false, isRevoked, ...decodeOptions }: VerifyOptions,
): Promise<Verification> {
  const decoded = await decodeToken(token, { ...decodeOptions, csrf });
  if (!decoded.ok) return decoded;
  const { claims } = decoded;
  // _decode_jwt takes a token without `type` for an access token; verify_token_type then checks.
  const type = 'type' in claims ? claims.type : 'access';
  if (refresh === false && type === 'refresh') {
    return fail(422, 'Only non-refresh tokens are allowed');
  }
  if (refresh === true && type !== 'refresh') return fail(422, 'Only refresh tokens are allowed');
  if (isRevoked(claims)) return fail(401, 'Token has been revoked');
  return { ok: true, claims };
}

/**
 * decode_token(token, csrf_value, allow_expired): the signature and registered claims, then the
 * double submit's comparison, without the token type or the blocklist.
 */
export async function decodeToken(
  token: string,
  {
    nowSeconds,
    isExpiredEarly = () => false,
    secret = MOCK_JWT_SECRET,
    csrf = null,
    allowExpired = false,
  }: DecodeOptions & { csrf?: string | null; allowExpired?: boolean },
): Promise<Verification> {
  // PyJWT's api_jws._load
  const lastDot = token.lastIndexOf('.');
  const signingInput = token.slice(0, lastDot);
  const firstDot = signingInput.indexOf('.');
  if (lastDot === -1 || firstDot === -1) return fail(422, 'Not enough segments');
  const headerBytes = decodeBase64Url(signingInput.slice(0, firstDot));
  if (headerBytes === null) return fail(422, 'Invalid header padding');
  const header = parseJsonObject(headerBytes);
  if (typeof header === 'string') return fail(422, `Invalid header string: ${header}`);
  const payloadBytes = decodeBase64Url(signingInput.slice(firstDot + 1));
  if (payloadBytes === null) return fail(422, 'Invalid payload padding');
  const signature = decodeBase64Url(token.slice(lastDot + 1));
  if (signature === null) return fail(422, 'Invalid crypto padding');

  // flask-jwt-extended first decodes the claims without verifying anything (to pick the key), so
  // a payload that is not a JSON object is reported before the algorithm or the signature.
  const claims = parseJsonObject(payloadBytes);
  if (typeof claims === 'string') return fail(422, `Invalid payload string: ${claims}`);

  // api_jws._verify_signature, with algorithms=["HS256"]
  if (header.alg !== 'HS256') return fail(422, 'The specified alg value is not allowed');
  if (!(await verifyHs256(signingInput, signature, secret))) {
    return fail(422, 'Signature verification failed');
  }

  // api_jwt: the registered claims
  if ('iat' in claims) {
    const iat = numericClaim(claims.iat);
    if (iat === null) return fail(422, 'Issued At claim (iat) must be an integer.');
    if (iat > nowSeconds) return fail(422, 'The token is not yet valid (iat)');
  }
  if ('nbf' in claims) {
    const nbf = numericClaim(claims.nbf);
    if (nbf === null) return fail(422, 'Not Before claim (nbf) must be an integer.');
    if (nbf > nowSeconds) return fail(422, 'The token is not yet valid (nbf)');
  }
  // On an expired token, flask-jwt-extended decodes it again with allow_expired to report it, and
  // that second decode runs the checks after `exp`, the double submit among them: a wrong csrf
  // value is reported before the expiry.
  let expired = false;
  if ('exp' in claims && !allowExpired) {
    const exp = numericClaim(claims.exp);
    if (exp === null) return fail(422, 'Expiration Time claim (exp) must be an integer.');
    expired = exp <= nowSeconds;
  }
  if (!allowExpired && isExpiredEarly(claims.jti)) expired = true;
  const checkCsrf = csrf !== null && csrf !== '';
  if (expired && !checkCsrf) return fail(401, 'Token has expired');
  if ('sub' in claims && typeof claims.sub !== 'string')
    return fail(422, 'Subject must be a string');
  if ('jti' in claims && typeof claims.jti !== 'string')
    return fail(422, 'JWT ID must be a string');

  // flask-jwt-extended's own checks
  if (!('sub' in claims)) return fail(422, 'Missing claim: sub');
  // The double submit is compared only once the token proved genuine.
  if (checkCsrf) {
    if (!('csrf' in claims)) return fail(422, 'Missing claim: csrf');
    if (claims.csrf !== csrf) return fail(401, 'CSRF double submit tokens do not match');
  }
  if (expired) return fail(401, 'Token has expired');
  return { ok: true, claims };
}

/** The `csrf` claim of a token this mock issued: the value of its csrf cookie. */
export function csrfClaimOf(token: string): string {
  const payload = decodeBase64Url(token.split('.')[1] ?? '');
  const claims = payload === null ? 'not base64' : parseJsonObject(payload);
  if (typeof claims === 'string' || typeof claims.csrf !== 'string') {
    throw new Error('A token without a csrf claim');
  }
  return claims.csrf;
}
