/**
 * Passkeys' routes, as the reference backend answers them: registering one (begin, then complete
 * with the authenticator's answer), listing and removing them (each @jwt_required()), and signing
 * in with one (begin, then complete), which logs in like a password and a code would.
 */
import { HttpResponse, type HttpHandler } from 'msw';
import type { BackendMockContext } from '../../../../mock-api/server/backend-mock';
import type { MockPasskey } from '../../../../mock-api/server/mock-factors';
import type { MockUser } from '../../../../mock-api/server/users';
import { flaskJwtExtended as dialect } from '../../dialect';
import { nowSeconds, type JwtRequired } from '../jwt-required';
import type { LoginAnswers } from '../login-answer';
import { pythonLength, pythonStrip } from '../python-text';
import {
  badRequest,
  isNonEmptyString,
  missingField,
  NOT_AN_OBJECT,
  readJsonObject,
} from '../request-body';
import { createPasskeyLoginState, readPasskeyLoginState } from '../step-tokens';
import { decodeBase64Url, encodeBase64Url } from '../../../../emulation/base64url';
import { CEREMONY_MS, creationOptions, requestOptions } from './options';
import { newChallenge, relyingParty } from './relying-party';
import { readAssertion, verifyAssertion, verifyRegistration } from './verify';

const NAME_MAX_LENGTH = 64;

const base = dialect.factors.passkeys;

export const PASSKEY_PATHS = {
  registerBegin: `${base}/register/begin`,
  registerComplete: `${base}/register/complete`,
  credentials: `${base}/credentials`,
  credential: `${base}/credentials/:id`,
  loginBegin: `${base}/login/begin`,
  loginComplete: `${base}/login/complete`,
};

/** UTC to the second, `YYYY-MM-DDTHH:MM:SSZ`. */
const utcNow = () => `${new Date().toISOString().slice(0, 19)}Z`;

const summary = (passkey: MockPasskey) => ({
  created_at: passkey.createdAt,
  id: passkey.id,
  name: passkey.name,
});

const notRecognised = () => HttpResponse.json({ msg: 'Passkey not recognised' }, { status: 401 });

export function passkeyRoutes(
  { state, app, routes }: BackendMockContext,
  jwt: JwtRequired,
  login: LoginAnswers,
): HttpHandler[] {
  const passkeysOf = (user: MockUser) =>
    state.factors.passkeys.filter((passkey) => passkey.userId === user.id);

  /** The registration: the new passkey's summary, or the refusal. */
  const register = async (user: MockUser, request: Request) => {
    const body = await readJsonObject(request);
    if (body === null) return badRequest(NOT_AN_OBJECT);
    const name = typeof body.name === 'string' ? pythonStrip(body.name) : '';
    if (name === '') return badRequest(missingField('name'));
    if (pythonLength(name) > NAME_MAX_LENGTH) {
      return badRequest(`name must be at most ${NAME_MAX_LENGTH} characters`);
    }
    // Taken by any attempt from here on: a failed one starts over with begin.
    const { registrations } = state.factorFlows;
    const registration = registrations.get(user.id);
    registrations.delete(user.id);
    if (registration === undefined || registration.expiresAt < Date.now()) {
      return badRequest('No passkey registration in progress');
    }
    const created = await verifyRegistration(body.credential, {
      relyingParty: relyingParty(),
      challenge: registration.challenge,
    });
    if (created === null) return badRequest('Passkey could not be verified');
    if (state.factors.passkeys.some((passkey) => passkey.id === created.id)) {
      return badRequest('This passkey is already registered');
    }
    const passkey: MockPasskey = {
      ...created,
      userId: user.id,
      name,
      createdAt: utcNow(),
      lastUsedAt: null,
    };
    state.factors.passkeys.push(passkey);
    state.onChange();
    return HttpResponse.json(summary(passkey), { status: 201 });
  };

  /** The sign-in: the login's answer (or its second step), or the refusal. */
  const signIn = async (request: Request) => {
    const body = await readJsonObject(request);
    if (body === null) return badRequest(NOT_AN_OBJECT);
    if (!isNonEmptyString(body.state)) return badRequest(missingField('state'));
    const ceremony = await readPasskeyLoginState(body.state, nowSeconds());
    // Used once, by any attempt: a state someone else saw cannot be tried again.
    const { usedStepTokens } = state.factorFlows;
    if (ceremony === null || usedStepTokens.has(ceremony.jti)) {
      return badRequest('Passkey sign-in expired. Try again.');
    }
    usedStepTokens.add(ceremony.jti);
    const assertion = readAssertion(body.credential);
    if (assertion === null) return notRecognised();
    const passkey = state.factors.passkeys.find((found) => found.id === assertion.credentialId);
    if (passkey === undefined || String(passkey.userId) !== assertion.userHandle) {
      return notRecognised();
    }
    const user = state.users.find((found) => found.id === passkey.userId);
    if (user === undefined) return notRecognised();
    const data = await verifyAssertion(assertion, passkey.publicKey, {
      relyingParty: relyingParty(),
      challenge: ceremony.challenge,
    });
    if (data === null) return notRecognised();
    passkey.signCount = data.signCount;
    passkey.lastUsedAt = utcNow();
    state.onChange();
    // Without user verification (a PIN, a fingerprint) the passkey is one factor only.
    return data.userVerified ? login.loginAnswer(user) : login.firstFactorAnswer(user);
  };

  return [
    routes.post(PASSKEY_PATHS.registerBegin, async (info) => {
      const user = await jwt.currentUser(info);
      if (user instanceof Response) return user;
      const challenge = newChallenge();
      // The latest begin wins: an earlier one's answer no longer registers.
      state.factorFlows.registrations.set(user.id, {
        challenge,
        expiresAt: Date.now() + CEREMONY_MS,
      });
      const publicKey = creationOptions({
        relyingParty: relyingParty(),
        challenge,
        userId: user.id,
        identifier: user[app.loginIdentifier] ?? String(user.id),
        excludeCredentials: passkeysOf(user).map((passkey) => passkey.id),
      });
      return HttpResponse.json({ publicKey });
    }),

    routes.post(PASSKEY_PATHS.registerComplete, async (info) => {
      const user = await jwt.currentUser(info);
      if (user instanceof Response) return user;
      return register(user, info.request);
    }),

    routes.get(PASSKEY_PATHS.credentials, async (info) => {
      const user = await jwt.currentUser(info);
      if (user instanceof Response) return user;
      return HttpResponse.json(
        passkeysOf(user).map((passkey) => ({
          ...summary(passkey),
          last_used_at: passkey.lastUsedAt,
        })),
      );
    }),

    routes.delete(PASSKEY_PATHS.credential, async (info) => {
      const user = await jwt.currentUser(info);
      if (user instanceof Response) return user;
      const { id } = info.params;
      const bytes = typeof id === 'string' ? decodeBase64Url(id) : null;
      // Another spelling of the same bytes names the same passkey, as the server decodes ids.
      const canonical = bytes === null ? null : encodeBase64Url(bytes);
      const found = passkeysOf(user).find((passkey) => passkey.id === canonical);
      if (found === undefined) {
        return HttpResponse.json({ msg: 'Passkey not found' }, { status: 404 });
      }
      state.factors.passkeys = state.factors.passkeys.filter((passkey) => passkey !== found);
      state.onChange();
      // Flask's `return "", 204` keeps its default content type on the empty answer.
      return new HttpResponse(null, {
        status: 204,
        headers: { 'Content-Type': 'text/html; charset=utf-8' },
      });
    }),

    routes.post(PASSKEY_PATHS.loginBegin, async () => {
      const challenge = newChallenge();
      return HttpResponse.json({
        publicKey: requestOptions({ relyingParty: relyingParty(), challenge }),
        state: await createPasskeyLoginState(challenge, nowSeconds()),
      });
    }),

    routes.post(PASSKEY_PATHS.loginComplete, ({ request }) => signIn(request)),
  ];
}
