import { describeApiError } from '../../api/describe-api-error';
import { env } from '../../config/env';
import type { Messages } from '../../i18n/messages';
import type { LoginFailure } from './use-login';

/** Where a keyboard user needs the focus after this failure. */
export type LoginFocus = 'identifier' | 'password' | 'alert';

export function describeLoginFailure(
  failure: LoginFailure,
  messages: Messages,
): { text: string; focus: LoginFocus } {
  const { login } = messages;
  if (failure === 'token-already-expired')
    return { text: login.tokenAlreadyExpired, focus: 'alert' };
  if (failure.kind === 'http' && failure.status === 401) {
    return { text: login.badCredentials[env.loginIdentifier], focus: 'password' };
  }
  if (failure.kind === 'http' && failure.status === env.dialect.login.unusableStatus) {
    return { text: login.badRequest[env.loginIdentifier], focus: 'identifier' };
  }
  return { text: describeApiError(failure, messages.errors), focus: 'alert' };
}
