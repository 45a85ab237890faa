/**
 * The mock API in FastAPI's dialect: its "OAuth2 with Password, Bearer with JWT tokens" tutorial,
 * as examples/fastapi-api serves it on FastAPI 0.92 (pydantic 1), which backend-tests/differential
 * checks request by request. The login is a form whose field is `username` (the person's username
 * or email, as the build's VITE_LOGIN_IDENTIFIER says); every refused token gets the same 401.
 * With VITE_PASSWORD_RESET, the reference backend's account routes too: password reset by e-mail
 * (to the Mock API panel's Mailbox), password change and log-out-everywhere, which revoke every
 * token the person held by its `jti`.
 */
import { HttpResponse } from 'msw';
import { MOCK_JWT_SECRET, signClaims } from '../../../emulation/jwt-signing';
import { decodePyJwt, PythonCrash } from '../../../emulation/pyjwt';
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
import { passwordProblem } from '../../../mock-api/server/password-policy';
import { fastapi as dialect } from '../dialect';
import { readBody, validateStrings, type PydanticError, type ReadBody } from './json-body';
import { starletteServerError } from './server-error';

const nowSeconds = () => Math.floor(Date.now() / 1000);

const detail = (status: number, text: string, headers: Record<string, string> = {}) =>
  HttpResponse.json({ detail: text }, { status, headers });
const BEARER_CHALLENGE = { 'WWW-Authenticate': 'Bearer' };

/** One item of pydantic 1's 422 list. */
const fieldError = (field: string, msg: string, type: string, ctx?: object) => ({
  loc: ['body', field],
  msg,
  type,
  ...(ctx === undefined ? {} : { ctx }),
});

/** A form as Starlette reads it: (name, value) pairs, a File for a multipart file part. */
type FormItems = [string, FormDataEntryValue][];

/** The body's bytes as Python's `.decode("latin-1")` reads them. */
const latin1 = (bytes: Uint8Array) =>
  Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');

/**
 * urllib.parse.unquote_plus: `+` is a space; each run of ASCII characters is percent-decoded to
 * bytes and read as UTF-8 (errors replaced); other characters, and a `%` not followed by two hex
 * digits, stay as they are.
 */
function unquotePlus(text: string): string {
  const plain = text.replace(/\+/g, ' ');
  if (!plain.includes('%')) return plain;
  return plain.replace(/[^\u0080-\uffff]+/g, (run) => {
    const bytes: number[] = [];
    for (let index = 0; index < run.length; index += 1) {
      const hex = run.slice(index + 1, index + 3);
      if (run[index] === '%' && /^[0-9a-fA-F]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        index += 2;
      } else {
        bytes.push(run.charCodeAt(index));
      }
    }
    return new TextDecoder().decode(Uint8Array.from(bytes));
  });
}

/**
 * python-multipart 0.0.5's QuerystringParser, as Starlette's FormParser drives it on a body that
 * arrives in one piece: a field ends at the next `&` or, when the rest holds none, at the next
 * `;`; a name with no `=` before the separator is a field with an empty value, and one at the very
 * end, with neither, is dropped.
 */
function parseQuerystring(data: string): FormItems {
  const items: FormItems = [];
  const separatorFrom = (index: number) => {
    const ampersand = data.indexOf('&', index);
    return ampersand !== -1 ? ampersand : data.indexOf(';', index);
  };
  let state: 'before' | 'name' | 'data' = 'before';
  let name = '';
  let value = '';
  const end = () => {
    items.push([unquotePlus(name), unquotePlus(value)]);
    state = 'before';
  };
  let index = 0;
  while (index < data.length) {
    if (state === 'before') {
      if (data[index] !== '&' && data[index] !== ';') {
        [name, value, state] = ['', '', 'name'];
        continue;
      }
      index += 1;
    } else {
      const separator = separatorFrom(index);
      const stop = separator === -1 ? data.length : separator;
      const equals = state === 'name' ? data.indexOf('=', index) : -1;
      if (equals !== -1 && equals < stop) {
        name += data.slice(index, equals);
        state = 'data';
        index = equals + 1;
        continue;
      }
      if (state === 'name') name += data.slice(index, stop);
      else value += data.slice(index, stop);
      if (separator !== -1) end();
      index = stop;
    }
  }
  if (state === 'data') end();
  return items;
}

/**
 * python-multipart 0.0.5's parse_options_header: the media type (lower-cased and trimmed only
 * when there are no parameters), and whether a boundary parameter is there.
 */
function mediaType(header: string | null): { type: string; boundary: boolean } {
  const value = header ?? '';
  const semicolon = value.indexOf(';');
  if (semicolon === -1) return { type: value.trim().toLowerCase(), boundary: false };
  return {
    type: value.slice(0, semicolon),
    boundary: value
      .slice(semicolon + 1)
      .split(';')
      .some((parameter) => /^\s*boundary\s*=/i.test(parameter)),
  };
}

/**
 * Starlette's request.form(): a urlencoded or multipart body; any other body is an empty form. A
 * multipart body it cannot read is FastAPI's 400.
 */
async function readForm(request: Request): Promise<FormItems | Response> {
  const { type, boundary } = mediaType(request.headers.get('Content-Type'));
  if (type === 'application/x-www-form-urlencoded') {
    return parseQuerystring(latin1(new Uint8Array(await request.arrayBuffer())));
  }
  if (type !== 'multipart/form-data') return [];
  if (!boundary) return detail(400, 'Missing boundary in multipart.');
  try {
    return [...(await request.formData())];
  } catch {
    return detail(400, 'There was an error parsing the body');
  }
}

/**
 * OAuth2PasswordRequestForm's fields in order, each the last value sent under its name; FastAPI
 * 0.92 counts an empty value as absent. The form's values, or pydantic's errors.
 */
function validateForm(items: FormItems) {
  const form = new Map(items);
  const values = new Map<string, string>();
  const errors: object[] = [];
  for (const field of [
    'grant_type',
    'username',
    'password',
    'scope',
    'client_id',
    'client_secret',
  ]) {
    const value = form.get(field);
    if (value === undefined || value === '') {
      if (field === 'username' || field === 'password') {
        errors.push(fieldError(field, 'field required', 'value_error.missing'));
      }
    } else if (typeof value !== 'string') {
      errors.push(fieldError(field, 'str type expected', 'type_error.str'));
    } else if (field === 'grant_type' && !value.startsWith('password')) {
      // pydantic 1 matches the regex at the start only (re.match).
      errors.push(
        fieldError(field, 'string does not match regex "password"', 'value_error.str.regex', {
          pattern: 'password',
        }),
      );
    } else {
      values.set(field, value);
    }
  }
  return { values, errors };
}

/** FastAPI's 405 for a method a route does not take; 404 for every method of a route that is off. */
const otherMethods = (routes: MockRoutes, path: string, allowed: string, exists = () => true) =>
  routes.otherMethods(path, ({ request }) => {
    if (!exists()) return notFound();
    return request.method === allowed || (allowed === 'GET' && request.method === 'HEAD')
      ? undefined
      : detail(405, 'Method Not Allowed', { Allow: allowed });
  });

const notFound = () => detail(404, 'Not Found');
const unprocessable = (errors: PydanticError[]) =>
  HttpResponse.json({ detail: errors }, { status: 422 });

export function fastapiRoutes({ state, app, routes }: BackendMockContext) {
  const loginName = (user: { username: string | null; email: string | null }) =>
    user[app.loginIdentifier];

  /**
   * The tutorial's token, with the `jti` by which the server remembers when it was issued: a
   * password change revokes the ones issued before it.
   */
  const createAccessToken = async (user: MockUser) => {
    const lifetime = state.config.read().tokenLifetimeSeconds;
    const jti = crypto.randomUUID();
    const token = await signClaims({ sub: loginName(user), exp: nowSeconds() + lifetime, jti });
    recordIssue(state.accounts, jti, user.id);
    state.onChange();
    return token;
  };

  /**
   * Whether the token was issued before the user's last password change or log-out-everywhere.
   * One whose `jti` the server did not issue (crafted with the key) counts as issued at the
   * epoch: good until the person's first revocation, refused after it.
   */
  const isRevoked = (claims: Record<string, unknown>, user: MockUser) =>
    isRevokedByAccountChange(state.accounts, {
      userId: user.id,
      jti: typeof claims.jti === 'string' ? claims.jti : null,
      claimedIssuedAtMs: 0,
    });

  /** get_current_active_user: the token's user, or the answer that refuses it. */
  const currentActiveUser = async (request: Request): Promise<MockUser | Response> => {
    // OAuth2PasswordBearer: the scheme before the first space, in any case; the rest is the token.
    const authorization = request.headers.get('Authorization') ?? '';
    const space = authorization.indexOf(' ');
    const scheme = space === -1 ? authorization : authorization.slice(0, space);
    if (authorization === '' || scheme.toLowerCase() !== 'bearer') {
      return detail(401, 'Not authenticated', BEARER_CHALLENGE);
    }
    const token = space === -1 ? '' : authorization.slice(space + 1);
    let claims: Record<string, unknown> | null;
    try {
      claims = await decodePyJwt(token, { secret: MOCK_JWT_SECRET, nowSeconds: nowSeconds() });
    } catch (error) {
      if (error instanceof PythonCrash) return starletteServerError();
      throw error;
    }
    const id = tokenId(token);
    const user =
      claims === null ||
      typeof claims.sub !== 'string' ||
      (id !== null && state.expiredJtis.has(id))
        ? undefined
        : state.users.find((candidate) => loginName(candidate) === claims.sub);
    if (user === undefined || (claims !== null && isRevoked(claims, user))) {
      return detail(401, 'Could not validate credentials', BEARER_CHALLENGE);
    }
    if (user.disabled) return detail(400, 'Inactive user');
    return user;
  };

  /** The body's strings, or the 422 that refuses it. */
  const strings = <N extends string>(body: ReadBody, names: readonly N[]) => {
    const result = validateStrings(body, names);
    return 'errors' in result ? unprocessable(result.errors) : result.values;
  };

  /** refuse_weak: the policy's reason as a 400. */
  const weakness = async (password: string) => {
    const problem = await passwordProblem(password);
    return problem === null ? null : detail(400, problem);
  };

  const account = dialect.account;
  const accountPaths = [
    account.resetRequest.path,
    account.resetConfirm.path,
    account.passwordChange.path,
    account.logoutEverywhere.path,
  ];

  return [
    routes.post(dialect.login.path, async ({ request }) => {
      const items = await readForm(request);
      if (items instanceof Response) return items;
      const { values, errors } = validateForm(items);
      if (errors.length > 0) return HttpResponse.json({ detail: errors }, { status: 422 });
      const user = state.users.find(
        (candidate) =>
          loginName(candidate) === values.get('username') &&
          candidate.password === values.get('password'),
      );
      if (user === undefined) {
        return detail(401, 'Incorrect username or password', BEARER_CHALLENGE);
      }
      const token = await createAccessToken(user);
      return HttpResponse.json({ access_token: token, token_type: 'bearer' });
    }),

    routes.get(dialect.currentUser.path, async ({ request }) => {
      const user = await currentActiveUser(request);
      if (user instanceof Response) return user;
      return HttpResponse.json({
        username: loginName(user),
        email: user.email,
        full_name: user.fullName,
        disabled: user.disabled,
      });
    }),

    routes.post(account.resetRequest.path, async ({ request }) => {
      if (!app.passwordReset) return notFound();
      const values = strings(await readBody(request), ['username']);
      if (values instanceof Response) return values;
      const now = Date.now();
      // Counted per account typed, known or not, so the limit tells nothing either.
      const wait = resetRequestWait(state.accounts, values.username, now);
      state.onChange();
      if (wait !== null) {
        return detail(429, 'Too many reset requests for this account. Try again later.', {
          'Retry-After': String(wait),
        });
      }
      const user = state.users.find((candidate) => loginName(candidate) === values.username);
      if (user !== undefined && user.email !== null && user.email !== '' && !user.disabled) {
        sendResetLink(state.accounts, { userId: user.id, to: user.email, appUrl: appUrl(), now });
        state.onChange();
      }
      return HttpResponse.json(
        { message: 'If the account exists, a reset link was sent' },
        { status: 202 },
      );
    }),

    routes.post(account.resetConfirm.path, async ({ request }) => {
      if (!app.passwordReset) return notFound();
      const values = strings(await readBody(request), ['token', 'password']);
      if (values instanceof Response) return values;
      const invalid = () => detail(400, 'Invalid or expired reset token');
      // The link first: a refused password must not use it up.
      if (!isResetTokenValid(state.accounts, values.token, Date.now())) return invalid();
      const weak = await weakness(values.password);
      if (weak !== null) return weak;
      const userId = redeemResetToken(state.accounts, values.token, Date.now());
      const user = state.users.find((candidate) => candidate.id === userId);
      if (user === undefined) return invalid();
      user.password = values.password;
      revokeTokensOf(state.accounts, user.id);
      state.onChange();
      return HttpResponse.json({ message: 'Password changed' });
    }),

    routes.post(account.passwordChange.path, async ({ request }) => {
      if (!app.passwordReset) return notFound();
      // FastAPI reads the body before it runs the dependencies: bad JSON is a 422 before the token.
      const body = await readBody(request);
      if (body.kind === 'error') return unprocessable(body.errors);
      const user = await currentActiveUser(request);
      if (user instanceof Response) return user;
      const values = strings(body, ['current_password', 'new_password']);
      if (values instanceof Response) return values;
      if (values.current_password !== user.password) {
        return detail(400, 'Current password is incorrect');
      }
      const weak = await weakness(values.new_password);
      if (weak !== null) return weak;
      user.password = values.new_password;
      revokeTokensOf(state.accounts, user.id);
      state.onChange();
      // This tab goes on with a token issued after the change; every older one is revoked.
      return HttpResponse.json({
        access_token: await createAccessToken(user),
        token_type: 'bearer',
      });
    }),

    routes.post(account.logoutEverywhere.path, async ({ request }) => {
      if (!app.passwordReset) return notFound();
      const user = await currentActiveUser(request);
      if (user instanceof Response) return user;
      revokeTokensOf(state.accounts, user.id);
      state.onChange();
      return HttpResponse.json({ message: 'Logged out everywhere' });
    }),

    otherMethods(routes, dialect.login.path, 'POST'),
    otherMethods(routes, dialect.currentUser.path, 'GET'),
    ...accountPaths.map((path) => otherMethods(routes, path, 'POST', () => app.passwordReset)),
  ];
}
