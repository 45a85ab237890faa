/**
 * Two-step verification's routes, as the reference backend answers them: GET /2fa, POST
 * /2fa/setup, /2fa/enable and /2fa/disable (each @jwt_required()), and the login's second step,
 * POST /token/2fa, which takes the password step's mfa_token with a code or a recovery code.
 */
import { HttpResponse, type HttpHandler } from 'msw';
import type { BackendMockContext } from '../../../mock-api/server/backend-mock';
import { isTwoStepOn } from '../../../mock-api/server/mock-factors';
import type { MockUser } from '../../../mock-api/server/users';
import { flaskJwtExtended as dialect } from '../dialect';
import type { JwtRequired } from './jwt-required';
import { nowSeconds } from './jwt-required';
import type { LoginAnswers } from './login-answer';
import { otpauthUri } from './otpauth-uri';
import {
  badRequest,
  isNonEmptyString,
  missingField,
  NOT_AN_OBJECT,
  readJsonObject,
  readStrings,
} from './request-body';
import { readMfaToken } from './step-tokens';
import { acceptCode, redeemRecoveryCode, setUpSecret, turnOff, turnOn } from './two-step';

const TOTP_ISSUER = 'Gatehouse';
/** Wrong codes one mfa_token may carry; the next attempt needs a new login. */
const WRONG_CODES_ALLOWED = 5;

const { twoFactor, secondStep } = dialect.factors;

export const TWO_STEP_PATHS = {
  status: twoFactor,
  setup: `${twoFactor}/setup`,
  enable: `${twoFactor}/enable`,
  disable: `${twoFactor}/disable`,
  secondStep,
};

const message = (msg: string, status: number) => HttpResponse.json({ msg }, { status });
const ALREADY_ON = 'Two-step verification is already on';

export function twoStepRoutes(
  { state, app, routes }: BackendMockContext,
  jwt: JwtRequired,
  login: LoginAnswers,
): HttpHandler[] {
  const identifierOf = (user: MockUser) => user[app.loginIdentifier] ?? String(user.id);

  /** The second step: the user's session for a right code, and each refusal in its turn. */
  const secondStepAnswer = async (request: Request) => {
    const body = await readJsonObject(request);
    if (body === null) return badRequest(NOT_AN_OBJECT);
    const { mfa_token: mfaToken, code, recovery_code: recoveryCode } = body;
    if (!isNonEmptyString(mfaToken)) return badRequest(missingField('mfa_token'));
    if (!isNonEmptyString(code) && !isNonEmptyString(recoveryCode)) {
      return badRequest('code or recovery_code must be a non-empty string');
    }
    const step = await readMfaToken(mfaToken, nowSeconds());
    if (step === 'expired') return message('Token has expired', 401);
    const user =
      step === 'invalid' ? undefined : state.users.find((found) => found.id === step.userId);
    if (step === 'invalid' || user === undefined) {
      return message('Invalid verification token', 422);
    }
    const { usedStepTokens, wrongCodes } = state.factorFlows;
    if (usedStepTokens.has(step.jti)) return message('Token has been revoked', 401);
    const wrong = wrongCodes.get(step.jti) ?? 0;
    if (wrong >= WRONG_CODES_ALLOWED) return message('Too many wrong codes. Log in again.', 429);
    // Both sent: the code is the one checked.
    const right = isNonEmptyString(code)
      ? await acceptCode(state, user.id, code)
      : await redeemRecoveryCode(state, user.id, String(recoveryCode));
    if (!right) {
      wrongCodes.set(step.jti, wrong + 1);
      return message('Invalid code', 401);
    }
    usedStepTokens.add(step.jti);
    wrongCodes.delete(step.jti);
    return login.loginAnswer(user);
  };

  return [
    routes.get(TWO_STEP_PATHS.status, async (info) => {
      const user = await jwt.currentUser(info);
      if (user instanceof Response) return user;
      const enabled = isTwoStepOn(state.factors, user.id);
      const left = enabled
        ? (state.factors.twoStep.get(user.id)?.recoveryCodeHashes.length ?? 0)
        : 0;
      return HttpResponse.json({ enabled, recovery_codes_left: left });
    }),

    routes.post(TWO_STEP_PATHS.setup, async (info) => {
      const user = await jwt.currentUser(info);
      if (user instanceof Response) return user;
      if (isTwoStepOn(state.factors, user.id)) return message(ALREADY_ON, 409);
      const secret = setUpSecret(state, user.id);
      const uri = otpauthUri({ secret, identifier: identifierOf(user), issuer: TOTP_ISSUER });
      return HttpResponse.json({ otpauth_uri: uri, secret });
    }),

    routes.post(TWO_STEP_PATHS.enable, async (info) => {
      const user = await jwt.currentUser(info);
      if (user instanceof Response) return user;
      const values = await readStrings(info.request, ['code']);
      if ('problem' in values) return badRequest(values.problem);
      if (isTwoStepOn(state.factors, user.id)) return message(ALREADY_ON, 409);
      if ((state.factors.twoStep.get(user.id)?.pendingSecret ?? null) === null) {
        return badRequest('Set up two-step verification first');
      }
      const codes = await turnOn(state, user.id, values.code);
      if (codes === null) return badRequest('Invalid code');
      return HttpResponse.json({ recovery_codes: codes });
    }),

    routes.post(TWO_STEP_PATHS.disable, async (info) => {
      const user = await jwt.currentUser(info);
      if (user instanceof Response) return user;
      const values = await readStrings(info.request, ['password']);
      if ('problem' in values) return badRequest(values.problem);
      if (values.password !== user.password) return badRequest('Current password is incorrect');
      turnOff(state, user.id);
      return HttpResponse.json({ msg: 'Two-step verification is off' });
    }),

    routes.post(TWO_STEP_PATHS.secondStep, ({ request }) => secondStepAnswer(request)),
  ];
}
