import { describeApiError } from '../../api/describe-api-error';
import { env } from '../../config/env';
import type { ApiError } from '../../api/api-error';
import type { Messages } from '../../i18n/messages';

/**
 * Why a login failed: what the API said, a token this browser's clock already sees as expired, or
 * session cookies this page cannot read (an API on another site).
 */
export type LoginFailure = ApiError | 'token-already-expired' | 'cookies-unreadable';

/** Where a keyboard user needs the focus after this failure. */
export type LoginFocus = 'identifier' | 'password' | 'alert';

export interface LoginProblem {
  text: string;
  focus: LoginFocus;
}

export function describeLoginFailure(failure: LoginFailure, messages: Messages): LoginProblem {
  const { login } = messages;
  if (failure === 'token-already-expired')
    return { text: login.tokenAlreadyExpired, focus: 'alert' };
  if (failure === 'cookies-unreadable') return { text: login.cookiesUnreadable, focus: 'alert' };
  if (failure.kind === 'http' && failure.status === 401) {
    return { text: login.badCredentials[env.loginIdentifier], focus: 'password' };
  }
  if (failure.kind === 'http' && failure.status === env.dialect.login.unusableStatus) {
    return { text: login.badRequest[env.loginIdentifier], focus: 'identifier' };
  }
  return { text: describeApiError(failure, messages.errors), focus: 'alert' };
}
