import { describeApiError } from '../api/describe-api-error';
import { messages } from '../i18n/messages';

/** A failed load, said in words, with a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="notice notice--error" role="alert">
      <p>
        <strong>{messages.errors.loadFailed}</strong> {describeApiError(error)}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        {messages.errors.retry}
      </button>
    </div>
  );
}
