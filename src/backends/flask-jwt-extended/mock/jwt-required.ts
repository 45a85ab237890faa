/**
 * flask-jwt-extended's @jwt_required() as the reference backend configures it: the token from
 * the Authorization header, or in cookie mode from the cookies with the CSRF double submit; its
 * blocklist (logouts, the panel's Revoke, password changes); its user lookup.
 */
import { HttpResponse } from 'msw';
import type { BackendMockContext } from '../../../mock-api/server/backend-mock';
import { isRevokedByAccountChange } from '../../../mock-api/server/mock-accounts';
import type { MockUser } from '../../../mock-api/server/users';
import { cookieRequest } from './cookies';
import { verifyJwt, verifyJwtInCookies } from './flask-jwt';

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** What a resolver gets from MSW that the token is read from. */
export interface CarriedRequest {
  request: Request;
  cookies: Record<string, string>;
}

/** flask-jwt-extended's answer to a request whose token it refused. */
export const refused = ({ status, msg }: { status: number; msg: string }) =>
  HttpResponse.json({ msg }, { status });

export function createJwtRequired({ state, app }: Pick<BackendMockContext, 'state' | 'app'>) {
  // The reference backend's @jwt.user_lookup_loader: a token whose user is gone gets
  // flask-jwt-extended's 401 instead of reaching the view.
  const userOf = (claims: Record<string, unknown>) =>
    state.users.find((user) => String(user.id) === claims.sub);
  const userLookupError = (claims: Record<string, unknown>) =>
    HttpResponse.json({ msg: `Error loading the user ${String(claims.sub)}` }, { status: 401 });

  const isRevoked = (claims: Record<string, unknown>) => {
    const { jti, iat } = claims;
    if (typeof jti === 'string' && state.revokedJtis.has(jti)) return true;
    // A login step's mfa_token is signed with the same key, and flask-jwt-extended only refuses a
    // refresh token where an access token goes: the reference backend's blocklist refuses the
    // other types, or a password alone would open every protected route.
    const type = 'type' in claims ? claims.type : 'access';
    if (type !== 'access' && type !== 'refresh') return true;
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

  /** jwt_required(): from the Authorization header, or in cookie mode from the cookies. */
  const verify = ({ request, cookies }: CarriedRequest, refresh: boolean | 'any') => {
    const options = { nowSeconds: nowSeconds(), refresh, isRevoked, isExpiredEarly };
    return app.tokenStorage === 'cookie'
      ? verifyJwtInCookies(cookieRequest(request, cookies), options)
      : verifyJwt(request.headers.get('Authorization'), options);
  };

  /** @jwt_required() then current_user: the user, or flask-jwt-extended's refusal. */
  const currentUser = async (carried: CarriedRequest): Promise<MockUser | Response> => {
    const verification = await verify(carried, false);
    if (!verification.ok) return refused(verification);
    return userOf(verification.claims) ?? userLookupError(verification.claims);
  };

  return { userOf, userLookupError, isExpiredEarly, verify, currentUser };
}

export type JwtRequired = ReturnType<typeof createJwtRequired>;
