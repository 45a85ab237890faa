import type { Messages } from '../i18n/messages';
import { isApiError } from './api-error';

/** A sentence a person can act on, for any error an API call can end with. */
export function describeApiError(error: unknown, errors: Messages['errors']): string {
  if (!isApiError(error)) return errors.invalidResponse;
  switch (error.kind) {
    case 'network':
      return errors.network;
    case 'blocked-by-policy':
      return errors.blockedByPolicy(error.blockedOrigin ?? '');
    case 'timeout':
      return errors.timeout;
    case 'aborted':
      return errors.cancelled;
    case 'invalid-response':
      return errors.invalidResponse;
    case 'http': {
      const status = error.status ?? 0;
      if (status === 429) return errors.rateLimited(error.retryAfterSeconds);
      if (status >= 500) return errors.server(status);
      return errors.unexpected(status);
    }
  }
}
