import { describeApiError } from '../api/describe-api-error';
import { useMessages } from '../i18n/messages';

/** A failed load, said in words, with a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { errors } = useMessages();
  return (
    <div className="notice notice--error" role="alert">
      <p>
        <strong>{errors.loadFailed}</strong> {describeApiError(error, errors)}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        {errors.retry}
      </button>
    </div>
  );
}
