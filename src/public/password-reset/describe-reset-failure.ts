import type { ApiError } from '../../api/api-error';
import { describeApiError } from '../../api/describe-api-error';
import type { PasswordResetMessages } from '../../i18n/en/password-reset';
import type { Messages } from '../../i18n/messages';

/**
 * What the person reads when a password reset request fails in a way neither page handles itself:
 * a backend without the routes, one that cannot be reached, anything else.
 */
export function describeResetFailure(
  error: ApiError,
  messages: Messages,
  reset: PasswordResetMessages,
): string {
  // A backend without the routes answers 404, or 405 where another method owns the path.
  if (error.kind === 'http' && (error.status === 404 || error.status === 405)) {
    return reset.unavailable;
  }
  // Cross-origin, a backend without the route fails the CORS preflight, which the browser
  // reports exactly like a lost connection: say both.
  if (error.kind === 'network') return reset.unreachable;
  if (error.kind === 'http' && error.status === 429) {
    return reset.forgot.tooMany(error.retryAfterSeconds);
  }
  return describeApiError(error, messages.errors);
}
