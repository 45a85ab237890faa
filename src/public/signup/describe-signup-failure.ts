import type { ApiError } from '../../api/api-error';
import { env } from '../../config/env';
import { describeApiError } from '../../api/describe-api-error';
import type { LoginIdentifier } from '../../backends/vocabulary';
import type { SignupMessages } from '../../i18n/en/signup';
import type { Messages } from '../../i18n/messages';
import type { SignupProblem } from './check-signup';

/** What the person reads, and where, when POST /signup fails. */
export function describeSignupFailure(
  error: ApiError,
  kind: LoginIdentifier,
  messages: Messages,
  signup: SignupMessages,
): SignupProblem {
  if (error.kind === 'http') {
    if (error.status === 409) return { text: signup.taken[kind], field: 'identifier' };
    // The server's password policy: its reason goes under the password.
    const refusal = { status: error.status ?? 0, serverMessage: error.serverMessage };
    if (error.serverMessage !== undefined && env.dialect.account?.refusesNewPassword(refusal)) {
      return { text: error.serverMessage, field: 'password' };
    }
    if (error.status === 400) return { text: signup.refused(error.serverMessage), field: null };
    // A backend without the route (the tutorial's own) answers 404, or 405 for a GET-only path.
    if (error.status === 404 || error.status === 405) {
      return { text: signup.unavailable, field: null };
    }
  }
  // Cross-origin, a backend without the route fails the CORS preflight, which the browser
  // reports exactly like a lost connection: say both.
  if (error.kind === 'network') return { text: signup.unreachable, field: null };
  return { text: describeApiError(error, messages.errors), field: null };
}
