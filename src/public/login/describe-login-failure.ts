import { describeApiError } from '../../api/describe-api-error';
import type { Messages } from '../../i18n/messages';
import type { LoginFailure } from './use-login';

/** Where a keyboard user needs the focus after this failure. */
export type LoginFocus = 'username' | 'password' | 'alert';

export function describeLoginFailure(
  failure: LoginFailure,
  messages: Messages,
): { text: string; focus: LoginFocus } {
  const { login } = messages;
  if (failure === 'token-already-expired')
    return { text: login.tokenAlreadyExpired, focus: 'alert' };
  if (failure.kind === 'http' && failure.status === 401) {
    return { text: login.badCredentials, focus: 'password' };
  }
  if (failure.kind === 'http' && failure.status === 400) {
    return { text: login.badRequest, focus: 'username' };
  }
  return { text: describeApiError(failure, messages.errors), focus: 'alert' };
}
