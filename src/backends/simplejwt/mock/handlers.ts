/**
 * The mock API in SimpleJWT's dialect: Django REST framework with djangorestframework-simplejwt
 * 5.2, as examples/django-api serves it (TokenObtainPairView, TokenRefreshView,
 * TokenBlacklistView and an /api/me/ view), which backend-tests/differential checks request by
 * request. Errors are DRF's: `{"detail"}`, plus `code` (and `messages`) for refused tokens. With
 * VITE_PASSWORD_RESET, the reference backend's account routes too: password reset by e-mail (to
 * the Mock API panel's Mailbox), password change and log-out-everywhere, which revoke every token
 * issued to the person before them, as its `iat_ns` claim dates them.
 */
import { HttpResponse } from 'msw';
import { MOCK_JWT_SECRET, signClaims } from '../../../emulation/jwt-signing';
import { decodePyJwt, PythonCrash, pythonInt } from '../../../emulation/pyjwt';
import type { BackendMockContext } from '../../../mock-api/server/backend-mock';
import {
  appUrl,
  isRevokedByAccountChange,
  isResetTokenValid,
  recordIssue,
  redeemResetToken,
  resetRequestWait,
  revokeTokensOf,
  sendResetLink,
} from '../../../mock-api/server/mock-accounts';
import type { MockRoutes } from '../../../mock-api/server/mock-routes';
import { tokenId } from '../../../mock-api/server/mock-server-state';
import type { MockUser } from '../../../mock-api/server/users';
import { simplejwt as dialect } from '../dialect';
import { passwordValidationErrors } from './password-validators';
import { djangoServerError } from './server-error';

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Every 401 of DRF's JWTAuthentication carries its challenge. */
const unauthorized = (body: object) =>
  HttpResponse.json(body, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });
const tokenNotValid = (text: string) => unauthorized({ detail: text, code: 'token_not_valid' });

type Body = { ok: true; data: Record<string, unknown> } | { ok: false; response: Response };

/** DRF's _MediaType: the type before any `;`, lower case, split at its first `/`. */
function mediaType(header: string) {
  const full = (header.split(';')[0] ?? '').trim().toLowerCase();
  const slash = full.indexOf('/');
  return slash === -1
    ? { main: full, sub: '' }
    : { main: full.slice(0, slash), sub: full.slice(slash + 1) };
}

/** media_type_matches(parser's type, the request's Content-Type), `*` matching anything. */
function matches(parserType: string, header: string) {
  const parser = mediaType(parserType);
  const request = mediaType(header);
  const part = (ours: string, theirs: string) => ours === '*' || theirs === '*' || ours === theirs;
  return part(parser.sub, request.sub) && part(parser.main, request.main);
}

/** The Python type name of a JSON value that is not an object, from its source text. */
function pythonTypeName(value: unknown, text: string) {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  return /^-?\d+$/.test(text.trim()) ? 'int' : 'float';
}

/**
 * DRF's parsers (JSON, form, multipart, picked by media type) and the serializer's "expected a
 * dictionary". An empty body is no data, whatever its type.
 */
async function readBody(request: Request): Promise<Body> {
  const type = request.headers.get('Content-Type') ?? '';
  const fail = (status: number, body: object): Body => ({
    ok: false,
    response: HttpResponse.json(body, { status }),
  });
  const bytes = new Uint8Array(await request.clone().arrayBuffer());
  if (bytes.length === 0) return { ok: true, data: {} };
  if (matches('application/json', type)) {
    const text = new TextDecoder().decode(bytes);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // Python's decoder names the position; only this one is certain.
      return fail(400, { detail: 'JSON parse error - Expecting value: line 1 column 1 (char 0)' });
    }
    if (value === null) return fail(400, { non_field_errors: ['No data provided'] });
    if (typeof value !== 'object' || Array.isArray(value)) {
      return fail(400, {
        non_field_errors: [
          `Invalid data. Expected a dictionary, but got ${pythonTypeName(value, text)}.`,
        ],
      });
    }
    return { ok: true, data: value as Record<string, unknown> };
  }
  if (matches('application/x-www-form-urlencoded', type)) {
    return {
      ok: true,
      data: Object.fromEntries(new URLSearchParams(new TextDecoder().decode(bytes))),
    };
  }
  if (matches('multipart/form-data', type)) {
    const boundary = /;\s*boundary\s*=/i.test(type);
    if (!boundary) {
      return fail(400, {
        detail: 'Multipart form parse error - Invalid boundary in multipart: None',
      });
    }
    try {
      return { ok: true, data: Object.fromEntries(await request.formData()) };
    } catch {
      // Django's parser reads no field out of a body it cannot make sense of.
      return { ok: true, data: {} };
    }
  }
  return fail(415, { detail: `Unsupported media type "${type}" in request.` });
}

/**
 * DRF's CharField: not blank (whitespace only counts as blank), not null, a string or a number,
 * whitespace trimmed, then its validators: no NUL, no surrogate.
 */
function charField(data: Record<string, unknown>, name: string): string | { errors: string[] } {
  if (!(name in data)) return { errors: ['This field is required.'] };
  const value = data[name];
  if (typeof value === 'string' && value.trim() === '') {
    return { errors: ['This field may not be blank.'] };
  }
  if (value === null) return { errors: ['This field may not be null.'] };
  if (typeof value !== 'string' && typeof value !== 'number') {
    return { errors: ['Not a valid string.'] };
  }
  const text = String(value).trim();
  const errors: string[] = [];
  if (text.includes('\0')) errors.push('Null characters are not allowed.');
  // A lone one: Python's str holds code points, so a pair is one character, not a surrogate.
  const surrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(
    text,
  )?.[0];
  if (surrogate !== undefined) {
    const codePoint = surrogate.charCodeAt(0).toString(16).toUpperCase();
    errors.push(`Surrogate characters are not allowed: U+${codePoint}.`);
  }
  return errors.length > 0 ? { errors } : text;
}

/** The serializer's fields, or its 400 listing every field's problem. */
function readFields(data: Record<string, unknown>, names: readonly string[]) {
  const values: Record<string, string> = {};
  const errors: Record<string, string[]> = {};
  for (const name of names) {
    const value = charField(data, name);
    if (typeof value === 'string') values[name] = value;
    else errors[name] = value.errors;
  }
  return Object.keys(errors).length > 0
    ? { ok: false as const, response: HttpResponse.json(errors, { status: 400 }) }
    : { ok: true as const, values };
}

/** What the blacklist (a CharField) stores a `jti` as; null for a value it cannot hold. */
const jtiKey = (jti: unknown) =>
  typeof jti === 'string' || typeof jti === 'number' ? String(jti) : null;

/** datetime.utcfromtimestamp's range: up to the end of year 9999. */
const LAST_TIMESTAMP = 253402300799;

const without = (claims: Record<string, unknown>, names: readonly string[]) =>
  Object.fromEntries(Object.entries(claims).filter(([name]) => !names.includes(name)));

const hex32 = () => crypto.randomUUID().replace(/-/g, '');

let lastIssuedNs = 0;

/**
 * The reference backend's `iat_ns`: the issue instant in nanoseconds, to the microsecond. Strictly
 * increasing here, where the clock has whole milliseconds, so that the tokens a password change
 * answers are dated after the change, as on a server whose clock moved on.
 */
function issuedNs(): number {
  lastIssuedNs = Math.max(Date.now() * 1_000_000, lastIssuedNs + 1000);
  return lastIssuedNs;
}

/** Django's page for a URL no pattern matches (an account route that is off), DEBUG off. */
const djangoNotFound = () =>
  new HttpResponse(
    '\n<!doctype html>\n<html lang="en">\n<head>\n  <title>Not Found</title>\n</head>\n' +
      '<body>\n  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n' +
      '</body>\n</html>\n',
    { status: 404, headers: { 'Content-Type': 'text/html' } },
  );

/** DRF's Throttled: its message and the Retry-After it rounds up to whole seconds. */
const throttled = (wait: number) =>
  HttpResponse.json(
    {
      detail: `Request was throttled. Expected available in ${wait} second${wait === 1 ? '' : 's'}.`,
    },
    { status: 429, headers: { 'Retry-After': String(wait) } },
  );

/** DRF's 405 for a method a view does not take. */
const otherMethods = (
  routes: MockRoutes,
  path: string,
  allow: string,
  first?: (request: Request) => Promise<Response | null>,
) =>
  routes.otherMethods(path, async ({ request }) => {
    if (allow.split(', ').includes(request.method)) return undefined;
    const earlier = first === undefined ? null : await first(request);
    return (
      earlier ??
      HttpResponse.json(
        { detail: `Method "${request.method}" not allowed.` },
        { status: 405, headers: { Allow: allow } },
      )
    );
  });

/** Runs a view; an exception it does not catch (a PythonCrash) is Django's 500 page. */
async function view<T>(answer: () => Promise<T>): Promise<T | Response> {
  try {
    return await answer();
  } catch (error) {
    if (error instanceof PythonCrash) return djangoServerError();
    throw error;
  }
}

export function simplejwtRoutes({ state, app, routes }: BackendMockContext) {
  const config = () => state.config.read();
  const loginName = (user: MockUser) => user[app.loginIdentifier];

  /** A new token; `claims` last, so that a renewal keeps what it copies (`iat`, `iat_ns`). */
  const issue = (type: 'access' | 'refresh', claims: Record<string, unknown>) => {
    const now = nowSeconds();
    const { tokenLifetimeSeconds, refreshTokenLifetimeSeconds } = config();
    const lifetime = type === 'access' ? tokenLifetimeSeconds : refreshTokenLifetimeSeconds;
    const jti = hex32();
    if (typeof claims.user_id === 'number') {
      recordIssue(state.accounts, jti, claims.user_id);
      state.onChange();
    }
    return signClaims({
      token_type: type,
      exp: now + lifetime,
      iat: now,
      jti,
      iat_ns: issuedNs(),
      ...claims,
    });
  };

  /** POST /api/token/'s answer; a password change answers the same. */
  const loginAnswer = async (user: MockUser) => {
    // RefreshToken.access_token copies the refresh token's claims, its iat_ns too.
    const claims = { user_id: user.id, iat_ns: issuedNs() };
    return { refresh: await issue('refresh', claims), access: await issue('access', claims) };
  };

  /** revoke_tokens: every token issued to the user until now is refused from now on. */
  const revokeTokens = (user: MockUser) => {
    revokeTokensOf(state.accounts, user.id);
    state.onChange();
  };

  /**
   * RevocableMixin.verify: whether the token was issued before its user's cutoff. A user id or an
   * issue time the database cannot compare (the ORM's TypeError or ValueError) revokes nothing.
   */
  const isRevoked = (claims: Record<string, unknown>) => {
    if (!('user_id' in claims) || claims.user_id === null) return false;
    const userId = pythonInt(claims.user_id);
    if (typeof userId === 'string') return false;
    // Minted without the claim (or with null): its whole-second `iat`, or the epoch; a string
    // `iat` times 10**9 is a string the database refuses.
    const { iat = 0, iat_ns: stated = null } = claims;
    const issuedNs =
      stated !== null
        ? pythonInt(stated)
        : typeof iat === 'number' || typeof iat === 'boolean'
          ? Number(iat) * 1e9
          : 'TypeError';
    return isRevokedByAccountChange(state.accounts, {
      userId,
      jti: jtiKey(claims.jti),
      claimedIssuedAtMs: typeof issuedNs === 'number' ? issuedNs / 1_000_000 : null,
    });
  };

  /** BlacklistMixin.blacklist(): the token's jti goes on the blacklist. */
  function blacklist(claims: Record<string, unknown>) {
    // OutstandingToken.jti cannot be NULL: an IntegrityError.
    if (claims.jti === null) throw new PythonCrash('IntegrityError: jti');
    const key = jtiKey(claims.jti);
    if (key !== null) state.revokedJtis.add(key);
    state.onChange();
  }

  /**
   * SimpleJWT's AccessToken(token) or RefreshToken(token): PyJWT's checks, then its own in its
   * order (a refresh token's blacklist first); the failure's message.
   */
  async function validate(token: string, type: 'access' | 'refresh') {
    const refuse = (message: string) => ({ ok: false as const, message });
    const claims = await decodePyJwt(token, {
      secret: MOCK_JWT_SECRET,
      nowSeconds: nowSeconds(),
      verifyAudience: false,
    });
    const id = tokenId(token);
    if (claims === null || (id !== null && state.expiredJtis.has(id))) {
      return refuse('Token is invalid or expired');
    }
    if (type === 'refresh') {
      // check_blacklist reads payload["jti"]: a KeyError when there is none.
      if (!('jti' in claims)) throw new PythonCrash("KeyError: 'jti'");
      const key = jtiKey(claims.jti);
      if (key !== null && state.revokedJtis.has(key)) return refuse('Token is blacklisted');
    }
    if (!('exp' in claims)) return refuse("Token has no 'exp' claim");
    // check_exp: datetime.utcfromtimestamp(exp) takes a number in datetime's range only.
    if (typeof claims.exp !== 'number' || claims.exp > LAST_TIMESTAMP) {
      throw new PythonCrash('utcfromtimestamp(exp)');
    }
    if (!('jti' in claims)) return refuse('Token has no id');
    if (!('token_type' in claims)) return refuse('Token has no type');
    if (claims.token_type !== type) return refuse('Token has wrong type');
    // SimpleJWT's words for a revoked token, so that the app reads it as one.
    if (isRevoked(claims)) return refuse('Token is blacklisted');
    return { ok: true as const, claims };
  }

  /** JWTAuthentication: the user of the request's access token, or DRF's 401. */
  async function authenticate(
    request: Request,
  ): Promise<{ user: MockUser } | { response: Response }> {
    // bytes.split(): ASCII whitespace only.
    const parts = (request.headers.get('Authorization') ?? '')
      .split(/[ \t\n\r\v\f]+/)
      .filter(Boolean);
    if (parts[0] !== 'Bearer') {
      return {
        response: unauthorized({ detail: 'Authentication credentials were not provided.' }),
      };
    }
    if (parts.length !== 2) {
      return {
        response: unauthorized({
          detail: 'Authorization header must contain two space-delimited values',
          code: 'bad_authorization_header',
        }),
      };
    }
    const checked = await validate(parts[1] ?? '', 'access');
    if (!checked.ok) {
      return {
        response: unauthorized({
          detail: 'Given token not valid for any token type',
          code: 'token_not_valid',
          messages: [
            { token_class: 'AccessToken', token_type: 'access', message: checked.message },
          ],
        }),
      };
    }
    const { claims } = checked;
    if (!('user_id' in claims)) {
      return { response: tokenNotValid('Token contained no recognizable user identification') };
    }
    // User.objects.get(id=user_id): None finds nobody; anything else goes through int(), and
    // what int() refuses, or SQLite cannot hold, is an exception.
    const userId = claims.user_id === null ? null : pythonInt(claims.user_id);
    if (typeof userId === 'string' || (userId !== null && Math.abs(userId) > 2 ** 63 - 1)) {
      throw new PythonCrash(`User.objects.get(id=${JSON.stringify(claims.user_id)})`);
    }
    const user = state.users.find((candidate) => candidate.id === userId);
    if (user === undefined) {
      return { response: unauthorized({ detail: 'User not found', code: 'user_not_found' }) };
    }
    if (user.disabled) {
      return { response: unauthorized({ detail: 'User is inactive', code: 'user_inactive' }) };
    }
    return { user };
  }

  /** The `refresh` field of a body, validated as a refresh token. */
  async function refreshTokenOf(request: Request) {
    const body = await readBody(request);
    if (!body.ok) return body;
    const fields = readFields(body.data, ['refresh']);
    if (!fields.ok) return fields;
    const checked = await validate(fields.values.refresh ?? '', 'refresh');
    if (!checked.ok) return { ok: false as const, response: tokenNotValid(checked.message) };
    return { ok: true as const, claims: checked.claims };
  }

  /** A serializer's field errors as DRF's 400. */
  const fieldErrors = (errors: Record<string, string[]>) =>
    HttpResponse.json(errors, { status: 400 });

  /** Django's reset links stop working once the password changes, whatever changed it. */
  const voidResetLinks = (user: MockUser) => {
    for (const [token, { userId }] of state.accounts.resetTokens) {
      if (userId === user.id) state.accounts.resetTokens.delete(token);
    }
  };

  /** Sets the new password and revokes every earlier token, as the views' transaction does. */
  const changePassword = (user: MockUser, password: string) => {
    user.password = password;
    voidResetLinks(user);
    revokeTokens(user);
  };

  /** An authenticated view's first steps: JWTAuthentication, then IsAuthenticated. */
  const authenticated = (request: Request) =>
    view(async () => {
      const result = await authenticate(request);
      return 'response' in result ? result.response : result.user;
    });

  const account = dialect.account;

  return [
    routes.post(account.resetRequest.path, async ({ request }) => {
      if (!app.passwordReset) return djangoNotFound();
      const body = await readBody(request);
      if (!body.ok) return body.response;
      const field = app.loginIdentifier;
      const fields = readFields(body.data, [field]);
      if (!fields.ok) return fields.response;
      const identifier = fields.values[field] ?? '';
      const now = Date.now();
      // The throttle counts the account as the serializer reads it (trimmed), known or not.
      const wait = resetRequestWait(state.accounts, identifier, now);
      state.onChange();
      if (wait !== null) return throttled(wait);
      // PasswordResetForm's rule: active users with an e-mail address only.
      const user = state.users.find(
        (candidate) => loginName(candidate) === identifier && !candidate.disabled,
      );
      if (user !== undefined && user.email !== null && user.email !== '') {
        sendResetLink(state.accounts, {
          userId: user.id,
          to: user.email,
          appUrl: appUrl(),
          now,
        });
        state.onChange();
      }
      return HttpResponse.json(
        { detail: 'If the account exists, a reset link was sent' },
        { status: 202 },
      );
    }),

    routes.post(account.resetConfirm.path, async ({ request }) => {
      if (!app.passwordReset) return djangoNotFound();
      const body = await readBody(request);
      if (!body.ok) return body.response;
      const fields = readFields(body.data, ['token', 'password']);
      if (!fields.ok) return fields.response;
      const { token = '', password = '' } = fields.values;
      const invalid = () => fieldErrors({ token: ['Invalid or expired reset token'] });
      // The link first: a refused password leaves it working.
      if (!isResetTokenValid(state.accounts, token, Date.now())) return invalid();
      const found = state.accounts.resetTokens.get(token);
      const owner = state.users.find((candidate) => candidate.id === found?.userId);
      if (owner === undefined) return invalid();
      const problems = await passwordValidationErrors(password, owner);
      if (problems.length > 0) return fieldErrors({ password: problems });
      redeemResetToken(state.accounts, token, Date.now());
      changePassword(owner, password);
      return HttpResponse.json({ detail: 'Password changed' });
    }),

    routes.post(account.passwordChange.path, async ({ request }) => {
      if (!app.passwordReset) return djangoNotFound();
      const user = await authenticated(request);
      if (user instanceof Response) return user;
      const body = await readBody(request);
      if (!body.ok) return body.response;
      const names = ['current_password', 'new_password'] as const;
      const errors: Record<string, string[]> = {};
      const values: Partial<Record<(typeof names)[number], string>> = {};
      for (const name of names) {
        const value = charField(body.data, name);
        if (typeof value === 'string') values[name] = value;
        else errors[name] = value.errors;
      }
      // Each field's own validate_<field> runs once the field itself is valid.
      if (values.current_password !== undefined && values.current_password !== user.password) {
        errors.current_password = ['Current password is incorrect'];
      }
      if (values.new_password !== undefined) {
        const problems = await passwordValidationErrors(values.new_password, user);
        if (problems.length > 0) errors.new_password = problems;
      }
      if (Object.keys(errors).length > 0 || values.new_password === undefined) {
        return fieldErrors(errors);
      }
      changePassword(user, values.new_password);
      // Issued after the cutoff: this tab goes on with them, every older token is revoked.
      return HttpResponse.json(await loginAnswer(user));
    }),

    routes.post(account.logoutEverywhere.path, async ({ request }) => {
      if (!app.passwordReset) return djangoNotFound();
      const user = await authenticated(request);
      if (user instanceof Response) return user;
      revokeTokens(user);
      return HttpResponse.json({ detail: 'Logged out everywhere' });
    }),

    routes.post(dialect.login.path, async ({ request }) => {
      const body = await readBody(request);
      if (!body.ok) return body.response;
      const field = app.loginIdentifier;
      const fields = readFields(body.data, [field, 'password']);
      if (!fields.ok) return fields.response;
      const user = state.users.find(
        (candidate) =>
          loginName(candidate) === fields.values[field] &&
          candidate.password === fields.values.password &&
          !candidate.disabled,
      );
      if (user === undefined) {
        return unauthorized({ detail: 'No active account found with the given credentials' });
      }
      return HttpResponse.json(await loginAnswer(user));
    }),

    routes.get(dialect.currentUser.path, async ({ request }) => {
      return view(async () => {
        const authenticated = await authenticate(request);
        if ('response' in authenticated) return authenticated.response;
        const { user } = authenticated;
        return HttpResponse.json({ id: user.id, [app.loginIdentifier]: loginName(user) });
      });
    }),

    routes.post(dialect.refresh.path, async ({ request }) => {
      return view(async () => {
        const refresh = await refreshTokenOf(request);
        if (!refresh.ok) return refresh.response;
        // RefreshToken.access_token: the refresh token's claims (its iat too), a new exp and jti.
        const { claims } = refresh;
        const access = await issue('access', without(claims, ['token_type', 'exp', 'jti']));
        if (!config().rotateRefreshTokens) return HttpResponse.json({ access });
        // BLACKLIST_AFTER_ROTATION: the refresh token just used renews nothing any more.
        blacklist(claims);
        const rotated = await issue(
          'refresh',
          without(claims, ['token_type', 'exp', 'jti', 'iat', 'iat_ns']),
        );
        return HttpResponse.json({ access, refresh: rotated });
      });
    }),

    routes.post(dialect.logout.path, async ({ request }) => {
      return view(async () => {
        const refresh = await refreshTokenOf(request);
        if (!refresh.ok) return refresh.response;
        blacklist(refresh.claims);
        return HttpResponse.json({});
      });
    }),

    otherMethods(routes, dialect.login.path, 'POST, OPTIONS'),
    otherMethods(routes, dialect.refresh.path, 'POST, OPTIONS'),
    otherMethods(routes, dialect.logout.path, 'POST, OPTIONS'),
    ...[account.resetRequest.path, account.resetConfirm.path].map((path) =>
      otherMethods(routes, path, 'POST, OPTIONS', () =>
        Promise.resolve(app.passwordReset ? null : djangoNotFound()),
      ),
    ),
    // Authentication and IsAuthenticated run before DRF checks the method.
    ...[account.passwordChange.path, account.logoutEverywhere.path].map((path) =>
      otherMethods(routes, path, 'POST, OPTIONS', async (request) => {
        if (!app.passwordReset) return djangoNotFound();
        const user = await authenticated(request);
        return user instanceof Response ? user : null;
      }),
    ),
    // Authentication runs before DRF checks the method.
    otherMethods(routes, dialect.currentUser.path, 'GET, HEAD, OPTIONS', (request) =>
      view(async () => {
        const authenticated = await authenticate(request);
        return 'response' in authenticated ? authenticated.response : null;
      }),
    ),
  ];
}
