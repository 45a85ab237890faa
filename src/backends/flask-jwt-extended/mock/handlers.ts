/**
 * The mock API in flask-jwt-extended's dialect: the tutorial's POST /token and GET /protected, answering like Flask with
 * flask-jwt-extended, POST /refresh when refresh tokens are on, and the course project's
 * POST /signup and POST /logout (with a blocklist), and the account routes: password reset by
 * e-mail (delivered to the Mock API panel's Mailbox), password change and log-out-everywhere,
 * which revoke every token the person held; two-step verification (two-step-routes.ts) and
 * passkeys (webauthn/). It answers like the reference backend in
 * examples/flask-api, which backend-tests/differential checks. The login field is the build's
 * VITE_LOGIN_IDENTIFIER (`username` or `email`), read per request; with VITE_TOKEN_STORAGE=cookie
 * it answers like the reference backend's cookie mode (TOKEN_LOCATION=cookies). The same handlers
 * serve the browser (setupWorker) and the tests (setupServer).
 */
import { HttpResponse } from 'msw';
import { EMAIL_SHAPE } from '../../../lib/email-shape';
import type { LoginIdentifier } from '../../../backends/vocabulary';
import { methodNotAllowed, notFound } from '../../../emulation/werkzeug-pages';
import { accessCookies, cookieRequest, jsonWithCookies, unsetCookies } from './cookies';
import { createAccessToken, decodeToken, JWT_COOKIES } from './flask-jwt';
import type { BackendMockContext } from '../../../mock-api/server/backend-mock';
import {
  appUrl,
  isResetTokenValid,
  redeemResetToken,
  resetRequestWait,
  revokeTokensOf,
  sendResetLink,
} from '../../../mock-api/server/mock-accounts';
import type { MockRoutes } from '../../../mock-api/server/mock-routes';
import type { MockUser } from '../../../mock-api/server/users';
import { passwordProblem } from '../../../mock-api/server/password-policy';
import { flaskJwtExtended as dialect } from '../dialect';
import { createJwtRequired, nowSeconds, refused } from './jwt-required';
import { createLoginAnswers } from './login-answer';
import { badRequest, NOT_AN_OBJECT, readJsonObject, readStrings } from './request-body';
import { TWO_STEP_PATHS, twoStepRoutes } from './two-step-routes';
import { PASSKEY_PATHS, passkeyRoutes } from './webauthn/passkey-routes';

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
  if (body === null) return { problem: NOT_AN_OBJECT };
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

export function flaskRoutes(context: BackendMockContext) {
  const { state, app, routes } = context;
  const jwt = createJwtRequired(context);
  const { userOf, userLookupError, isExpiredEarly, verify } = jwt;
  const login = createLoginAnswers(context);
  const { issued, loginAnswer } = login;
  const inCookies = () => app.tokenStorage === 'cookie';

  const revokeTokens = (user: MockUser) => {
    revokeTokensOf(state.accounts, user.id);
    state.onChange();
  };

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
      return login.firstFactorAnswer(user);
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
        return jsonWithCookies({ msg: 'Logged out' }, unsetCookies());
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
      if (inCookies()) return jsonWithCookies({ refresh: true }, accessCookies(accessToken));
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
      return inCookies() ? jsonWithCookies(answer, unsetCookies()) : HttpResponse.json(answer);
    }),

    ...twoStepRoutes(context, jwt, login),
    ...passkeyRoutes(context, jwt, login),

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
    otherMethods(routes, TWO_STEP_PATHS.status, ['GET']),
    ...[
      TWO_STEP_PATHS.setup,
      TWO_STEP_PATHS.enable,
      TWO_STEP_PATHS.disable,
      TWO_STEP_PATHS.secondStep,
      PASSKEY_PATHS.registerBegin,
      PASSKEY_PATHS.registerComplete,
      PASSKEY_PATHS.loginBegin,
      PASSKEY_PATHS.loginComplete,
    ].map((path) => otherMethods(routes, path, ['POST'])),
    otherMethods(routes, PASSKEY_PATHS.credentials, ['GET']),
    otherMethods(routes, PASSKEY_PATHS.credential, ['DELETE']),
  ];
}
