/**
 * The mock API in flask-jwt-extended's dialect: the tutorial's POST /token and GET /protected, answering like Flask with
 * flask-jwt-extended, POST /refresh when refresh tokens are on, and the course project's
 * POST /signup and POST /logout (with a blocklist), and the account routes: password reset by
 * e-mail (delivered to the Mock API panel's Mailbox), password change and log-out-everywhere,
 * which revoke every token the person held. It answers like the reference backend in
 * examples/flask-api, which backend-tests/differential checks. The login field is the build's
 * VITE_LOGIN_IDENTIFIER (`username` or `email`), read per request; with VITE_TOKEN_STORAGE=cookie
 * it answers like the reference backend's cookie mode (TOKEN_LOCATION=cookies). The same handlers
 * serve the browser (setupWorker) and the tests (setupServer).
 */
import { HttpResponse } from 'msw';
import { EMAIL_SHAPE } from '../../../lib/email-shape';
import type { LoginIdentifier } from '../../../backends/vocabulary';
import { methodNotAllowed, notFound } from '../../../emulation/werkzeug-pages';
import {
  accessCookies,
  cookieRequest,
  refreshCookies,
  setCookieHeaders,
  unsetCookies,
  type SetCookies,
} from './cookies';
import {
  createAccessToken,
  createRefreshToken,
  decodeToken,
  JWT_COOKIES,
  verifyJwt,
  verifyJwtInCookies,
} from './flask-jwt';
import type { BackendMockContext } from '../../../mock-api/server/backend-mock';
import {
  appUrl,
  isResetTokenValid,
  isRevokedByAccountChange,
  recordIssue,
  redeemResetToken,
  resetRequestWait,
  revokeTokensOf,
  sendResetLink,
} from '../../../mock-api/server/mock-accounts';
import type { MockRoutes } from '../../../mock-api/server/mock-routes';
import { tokenId } from '../../../mock-api/server/mock-server-state';
import type { MockUser } from '../../../mock-api/server/users';
import { passwordProblem } from '../../../mock-api/server/password-policy';
import { flaskJwtExtended as dialect } from '../dialect';

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * The body's login field (`field`) and password, or the reference backend's 400 message for a
 * body it cannot use. Sign-up also checks the shape of an email.
 */
async function readCredentials(
  request: Request,
  field: LoginIdentifier,
  { signup = false } = {},
): Promise<{ identifier: string; password: string } | { problem: string }> {
  const body = await readJsonObject(request);
  if (body === null) return { problem: 'The request body must be a JSON object' };
  const identifier = body[field];
  const { password } = body;
  if (typeof identifier !== 'string' || identifier === '') {
    return { problem: `${field} must be a non-empty string` };
  }
  if (signup && field === 'email' && !EMAIL_SHAPE.test(identifier)) {
    return { problem: 'email must be a valid email address' };
  }
  if (typeof password !== 'string' || password === '') {
    return { problem: 'password must be a non-empty string' };
  }
  return { identifier, password };
}

const badRequest = (msg: string) => HttpResponse.json({ msg }, { status: 400 });

/** The body's string fields `names`, or the 400 message naming the first one missing or empty. */
async function readStrings<N extends string>(
  request: Request,
  names: readonly N[],
): Promise<Record<N, string> | { problem: string }> {
  const body = await readJsonObject(request);
  if (body === null) return { problem: 'The request body must be a JSON object' };
  const values: Partial<Record<N, string>> = {};
  for (const name of names) {
    const value = body[name];
    if (typeof value !== 'string' || value === '') {
      return { problem: `${name} must be a non-empty string` };
    }
    values[name] = value;
  }
  return values as Record<N, string>;
}

/** flask-jwt-extended's answer to a request whose token it refused. */
const refused = ({ status, msg }: { status: number; msg: string }) =>
  HttpResponse.json({ msg }, { status });

/**
 * Werkzeug's 405 for any other method on a route (HEAD comes with GET, OPTIONS with every route,
 * and Flask answers those itself).
 */
function otherMethods(
  routes: MockRoutes,
  path: string,
  methods: readonly string[],
  exists = () => true,
) {
  const allowed = [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].sort();
  return routes.otherMethods(path, ({ request }) => {
    if (!exists()) return notFound();
    return allowed.includes(request.method) ? undefined : methodNotAllowed(allowed);
  });
}

async function readJsonObject(request: Request): Promise<Record<string, unknown> | null> {
  if (!(request.headers.get('Content-Type') ?? '').includes('application/json')) return null;
  try {
    const body: unknown = JSON.parse(await request.text());
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function flaskRoutes({ state, app, routes }: BackendMockContext) {
  // The reference backend's @jwt.user_lookup_loader: a token whose user is gone gets
  // flask-jwt-extended's 401 instead of reaching the view.
  const userOf = (claims: Record<string, unknown>) =>
    state.users.find((user) => String(user.id) === claims.sub);
  const userLookupError = (claims: Record<string, unknown>) =>
    HttpResponse.json({ msg: `Error loading the user ${String(claims.sub)}` }, { status: 401 });

  const revokeTokens = (user: MockUser) => {
    revokeTokensOf(state.accounts, user.id);
    state.onChange();
  };

  const isRevoked = (claims: Record<string, unknown>) => {
    const { jti, iat } = claims;
    if (typeof jti === 'string' && state.revokedJtis.has(jti)) return true;
    const user = userOf(claims);
    // A jti the reference backend did not issue is dated by its `iat`; without one, the epoch.
    return (
      user !== undefined &&
      isRevokedByAccountChange(state.accounts, {
        userId: user.id,
        jti: typeof jti === 'string' ? jti : null,
        claimedIssuedAtMs: typeof iat === 'number' ? iat * 1000 : 0,
      })
    );
  };

  const isExpiredEarly = (jti: unknown) => typeof jti === 'string' && state.expiredJtis.has(jti);
  const inCookies = () => app.tokenStorage === 'cookie';

  /** jwt_required(): from the Authorization header, or in cookie mode from the cookies. */
  const verify = (
    { request, cookies }: { request: Request; cookies: Record<string, string> },
    refresh: boolean | 'any',
  ) => {
    const options = { nowSeconds: nowSeconds(), refresh, isRevoked, isExpiredEarly };
    return inCookies()
      ? verifyJwtInCookies(cookieRequest(request, cookies), options)
      : verifyJwt(request.headers.get('Authorization'), options);
  };

  /** A JSON answer that sets or clears the cookies, as Flask's `response.set_cookie` does. */
  const withCookies = (body: Record<string, string | number | boolean>, cookies: SetCookies) =>
    HttpResponse.json(body, { headers: setCookieHeaders(cookies) });

  /**
   * The jtis a cookie-mode logout revokes, or its refusal: only an access cookie without its CSRF
   * value is refused; an expired, revoked or foreign token is cleared all the same.
   */
  const logoutCookieJtis = async (
    request: Request,
    cookies: Record<string, string>,
  ): Promise<string[] | Response> => {
    const carried = cookieRequest(request, cookies);
    const jtis: unknown[] = [];
    const access = carried.cookies[JWT_COOKIES.access];
    if (access !== undefined && access !== '') {
      const csrf = carried.csrfHeader;
      if (csrf === null || csrf === '') return refused({ status: 401, msg: 'Missing CSRF token' });
      const decoded = await decodeToken(access, {
        nowSeconds: nowSeconds(),
        csrf,
        allowExpired: true,
      });
      if (decoded.ok) jtis.push(decoded.claims.jti);
      else if (decoded.msg === 'CSRF double submit tokens do not match') return refused(decoded);
    }
    const refresh = carried.cookies[JWT_COOKIES.refresh];
    if (refresh !== undefined && refresh !== '') {
      const decoded = await decodeToken(refresh, { nowSeconds: nowSeconds(), isExpiredEarly });
      if (decoded.ok) jtis.push(decoded.claims.jti);
    }
    return jtis.filter((jti) => typeof jti === 'string');
  };

  /** Remembers whom the token was issued to, for a later password change to revoke it. */
  const issued = (token: string, user: MockUser) => {
    const jti = tokenId(token);
    if (jti !== null) recordIssue(state.accounts, jti, user.id);
    state.onChange();
    return token;
  };

  /** POST /token's answer; POST /password answers the same. */
  const loginAnswer = async (user: MockUser) => {
    const config = state.config.read();
    const options = { identity: String(user.id), nowSeconds: nowSeconds() };
    const token = issued(
      await createAccessToken({ ...options, lifetimeSeconds: config.tokenLifetimeSeconds }),
      user,
    );
    const refreshToken = config.issueRefreshTokens
      ? issued(
          await createRefreshToken({
            ...options,
            lifetimeSeconds: config.refreshTokenLifetimeSeconds,
          }),
          user,
        )
      : null;
    if (inCookies()) {
      // The tokens stay out of the body, where the page's scripts would read them.
      return withCookies({ login: true, user_id: user.id }, [
        ...accessCookies(token),
        ...(refreshToken === null ? [] : refreshCookies(refreshToken)),
      ]);
    }
    if (refreshToken === null) return HttpResponse.json({ token, user_id: user.id });
    // Flask's jsonify sorts the keys.
    return HttpResponse.json({ refresh_token: refreshToken, token, user_id: user.id });
  };

  const accountRoutes = dialect.account;

  return [
    routes.post(dialect.login.path, async ({ request }) => {
      const field = app.loginIdentifier;
      const credentials = await readCredentials(request, field);
      if ('problem' in credentials) return badRequest(credentials.problem);
      const { identifier, password } = credentials;
      const user = state.users.find((u) => u[field] === identifier && u.password === password);
      if (user === undefined) {
        return HttpResponse.json({ msg: `Bad ${field} or password` }, { status: 401 });
      }
      return loginAnswer(user);
    }),

    routes.get(dialect.currentUser.path, async (info) => {
      const verification = await verify(info, false);
      if (!verification.ok) return refused(verification);
      const user = userOf(verification.claims);
      if (user === undefined) return userLookupError(verification.claims);
      const field = app.loginIdentifier;
      return HttpResponse.json({ id: user.id, [field]: user[field] });
    }),

    // The course project's route; the tutorial's backend (VITE_SIGNUP=false) has none.
    routes.post(dialect.signup.path, async ({ request }) => {
      if (!app.signup) return notFound();
      const field = app.loginIdentifier;
      const credentials = await readCredentials(request, field, { signup: true });
      if ('problem' in credentials) return badRequest(credentials.problem);
      const { identifier, password } = credentials;
      const weakness = await passwordProblem(password);
      if (weakness !== null) return badRequest(weakness);
      if (state.users.some((user) => user[field] === identifier)) {
        return HttpResponse.json({ msg: 'User already exists' }, { status: 409 });
      }
      const id = Math.max(0, ...state.users.map((user) => user.id)) + 1;
      state.users.push({
        id,
        username: field === 'username' ? identifier : null,
        email: field === 'email' ? identifier : null,
        password,
        fullName: null,
        disabled: false,
      });
      state.onChange();
      return HttpResponse.json({ id, [field]: identifier }, { status: 201 });
    }),

    // @jwt_required(verify_type=False): an access or a refresh token goes on the blocklist.
    // In cookie mode, both cookies' tokens, and the cookies are cleared.
    routes.post(dialect.logout.path, async (info) => {
      if (inCookies()) {
        const jtis = await logoutCookieJtis(info.request, info.cookies);
        if (jtis instanceof Response) return jtis;
        for (const jti of jtis) state.revokedJtis.add(jti);
        state.onChange();
        return withCookies({ msg: 'Logged out' }, unsetCookies());
      }
      const verification = await verify(info, 'any');
      if (!verification.ok) return refused(verification);
      if (userOf(verification.claims) === undefined) return userLookupError(verification.claims);
      const { jti } = verification.claims;
      if (typeof jti === 'string') state.revokedJtis.add(jti);
      state.onChange();
      return HttpResponse.json({ msg: 'Logged out' });
    }),

    // @jwt_required(refresh=True): a new access token for the refresh token's identity.
    routes.post(dialect.refresh.path, async (info) => {
      const config = state.config.read();
      // The tutorial's backend has no such route.
      if (!config.issueRefreshTokens) return notFound();
      const verification = await verify(info, true);
      if (!verification.ok) return refused(verification);
      const user = userOf(verification.claims);
      if (user === undefined) return userLookupError(verification.claims);
      const accessToken = issued(
        await createAccessToken({
          identity: String(user.id),
          lifetimeSeconds: config.tokenLifetimeSeconds,
          nowSeconds: nowSeconds(),
        }),
        user,
      );
      if (inCookies()) return withCookies({ refresh: true }, accessCookies(accessToken));
      return HttpResponse.json({ access_token: accessToken });
    }),

    routes.post(accountRoutes.resetRequest.path, async ({ request }) => {
      if (!app.passwordReset) return notFound();
      const field = app.loginIdentifier;
      const values = await readStrings(request, [field]);
      if ('problem' in values) return badRequest(values.problem);
      const identifier = values[field];
      const now = Date.now();
      // Counted per account typed, known or not, so the limit tells nothing either.
      const wait = resetRequestWait(state.accounts, identifier, now);
      state.onChange();
      if (wait !== null) {
        return HttpResponse.json(
          { msg: 'Too many reset requests for this account. Try again later.' },
          { status: 429, headers: { 'Retry-After': String(wait) } },
        );
      }
      const user = state.users.find((candidate) => candidate[field] === identifier);
      if (user?.email != null) {
        sendResetLink(state.accounts, { userId: user.id, to: user.email, appUrl: appUrl(), now });
        state.onChange();
      }
      return HttpResponse.json(
        { msg: 'If the account exists, a reset link was sent' },
        { status: 202 },
      );
    }),

    routes.post(accountRoutes.resetConfirm.path, async ({ request }) => {
      if (!app.passwordReset) return notFound();
      const values = await readStrings(request, ['token', 'password']);
      if ('problem' in values) return badRequest(values.problem);
      const invalid = () => badRequest('Invalid or expired reset token');
      if (!isResetTokenValid(state.accounts, values.token, Date.now())) return invalid();
      const weakness = await passwordProblem(values.password);
      if (weakness !== null) return badRequest(weakness);
      const userId = redeemResetToken(state.accounts, values.token, Date.now());
      const user = state.users.find((candidate) => candidate.id === userId);
      if (user === undefined) return invalid();
      user.password = values.password;
      revokeTokens(user);
      return HttpResponse.json({ msg: 'Password changed' });
    }),

    routes.post(accountRoutes.passwordChange.path, async (info) => {
      const { request } = info;
      if (!app.passwordReset) return notFound();
      const verification = await verify(info, false);
      if (!verification.ok) return refused(verification);
      const user = userOf(verification.claims);
      if (user === undefined) return userLookupError(verification.claims);
      const values = await readStrings(request, ['current_password', 'new_password']);
      if ('problem' in values) return badRequest(values.problem);
      if (values.current_password !== user.password) {
        return badRequest('Current password is incorrect');
      }
      const weakness = await passwordProblem(values.new_password);
      if (weakness !== null) return badRequest(weakness);
      user.password = values.new_password;
      revokeTokens(user);
      // This tab goes on with tokens issued after the change; every older one is revoked.
      return loginAnswer(user);
    }),

    routes.post(accountRoutes.logoutEverywhere.path, async (info) => {
      if (!app.passwordReset) return notFound();
      const verification = await verify(info, false);
      if (!verification.ok) return refused(verification);
      const user = userOf(verification.claims);
      if (user === undefined) return userLookupError(verification.claims);
      revokeTokens(user);
      const answer = { msg: 'Logged out everywhere' };
      return inCookies() ? withCookies(answer, unsetCookies()) : HttpResponse.json(answer);
    }),

    otherMethods(routes, dialect.login.path, ['POST']),
    otherMethods(routes, dialect.currentUser.path, ['GET']),
    otherMethods(routes, dialect.signup.path, ['POST'], () => app.signup),
    otherMethods(routes, dialect.logout.path, ['POST']),
    ...[
      accountRoutes.resetRequest.path,
      accountRoutes.resetConfirm.path,
      accountRoutes.passwordChange.path,
      accountRoutes.logoutEverywhere.path,
    ].map((path) => otherMethods(routes, path, ['POST'], () => app.passwordReset)),
    otherMethods(
      routes,
      dialect.refresh.path,
      ['POST'],
      () => state.config.read().issueRefreshTokens,
    ),
  ];
}
