/**
 * The answer to a login, whichever way it was made (a password, a password and a code, a
 * passkey, a password change): the tokens in the body, or in cookie mode in the cookies. And
 * the answer to a first factor when the user has two-step verification on: the second step's
 * token, and no session yet.
 */
import { HttpResponse } from 'msw';
import type { BackendMockContext } from '../../../mock-api/server/backend-mock';
import { recordIssue } from '../../../mock-api/server/mock-accounts';
import { isTwoStepOn } from '../../../mock-api/server/mock-factors';
import { tokenId } from '../../../mock-api/server/mock-server-state';
import type { MockUser } from '../../../mock-api/server/users';
import { accessCookies, jsonWithCookies, refreshCookies } from './cookies';
import { createAccessToken, createRefreshToken } from './flask-jwt';
import { nowSeconds } from './jwt-required';
import { createMfaToken } from './step-tokens';

export function createLoginAnswers({ state, app }: Pick<BackendMockContext, 'state' | 'app'>) {
  /** Remembers whom the token was issued to, for a later password change to revoke it. */
  const issued = (token: string, user: MockUser) => {
    const jti = tokenId(token);
    if (jti !== null) recordIssue(state.accounts, jti, user.id);
    state.onChange();
    return token;
  };

  /** The session's tokens: POST /token's answer, and that of every other way in. */
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
    if (app.tokenStorage === 'cookie') {
      // The tokens stay out of the body, where the page's scripts would read them.
      return jsonWithCookies({ login: true, user_id: user.id }, [
        ...accessCookies(token),
        ...(refreshToken === null ? [] : refreshCookies(refreshToken)),
      ]);
    }
    if (refreshToken === null) return HttpResponse.json({ token, user_id: user.id });
    // Flask's jsonify sorts the keys.
    return HttpResponse.json({ refresh_token: refreshToken, token, user_id: user.id });
  };

  /**
   * After a password, or a passkey without user verification: the second step when the user has
   * two-step verification on (no tokens, no cookies, in either mode), else the session.
   */
  const firstFactorAnswer = async (user: MockUser) => {
    if (!isTwoStepOn(state.factors, user.id)) return loginAnswer(user);
    const mfaToken = await createMfaToken(user.id, nowSeconds());
    return HttpResponse.json({ mfa_required: true, mfa_token: mfaToken });
  };

  return { issued, loginAnswer, firstFactorAnswer };
}

export type LoginAnswers = ReturnType<typeof createLoginAnswers>;
