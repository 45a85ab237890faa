import { useCallback } from 'react';
import { isApiError } from '../../../api/api-error';
import { describeApiError } from '../../../api/describe-api-error';
import { removePasskey, type Passkey } from '../../../api/passkey-endpoints';
import { useAccountFactorMessages } from '../../../i18n/account-factor-messages';
import { useMessages } from '../../../i18n/messages';
import { useLocale } from '../../../i18n/use-locale';
import { useApiAction } from '../../../ui/use-api-action';
import { formatDateTime } from './format-date';

/** Removes the passkey; one removed meanwhile (in another tab, say) is gone all the same. */
async function send(signal: AbortSignal, id: string): Promise<'removed' | 'already-gone'> {
  try {
    await removePasskey(id, signal);
    return 'removed';
  } catch (error) {
    if (isApiError(error) && error.kind === 'http' && error.status === 404) return 'already-gone';
    throw error;
  }
}

interface PasskeyItemProps {
  passkey: Passkey;
  /** Gone from the server; `alreadyGone` when something else removed it first. */
  onRemoved: (passkey: Passkey, alreadyGone: boolean) => void;
}

/** One passkey: its name, when it was added and last used, and its Remove button. */
export function PasskeyItem({ passkey, onRemoved }: PasskeyItemProps) {
  const messages = useMessages();
  const { passkeys: text } = useAccountFactorMessages();
  const locale = useLocale();
  const onDone = useCallback(
    (result: 'removed' | 'already-gone') => {
      onRemoved(passkey, result === 'already-gone');
    },
    [onRemoved, passkey],
  );
  const { state, run } = useApiAction(send, onDone);
  const pending = state.status === 'pending';

  const moment = (date: Date) => (
    <time dateTime={date.toISOString()}>{formatDateTime(date, locale)}</time>
  );

  return (
    <li className="passkey">
      <div className="passkey__about">
        <p className="passkey__name">{passkey.name}</p>
        <dl className="passkey__dates">
          <div>
            <dt>{text.added}</dt>
            <dd>{moment(passkey.createdAt)}</dd>
          </div>
          <div>
            <dt>{text.lastUsed}</dt>
            <dd>{passkey.lastUsedAt === null ? text.neverUsed : moment(passkey.lastUsedAt)}</dd>
          </div>
        </dl>
        {state.status === 'failed' ? (
          <p className="field-error" role="alert">
            {describeApiError(state.error, messages.errors)}
          </p>
        ) : null}
      </div>
      <button
        type="button"
        className="button button--secondary"
        aria-label={text.removeLabel(passkey.name)}
        disabled={pending}
        onClick={() => void run(passkey.id)}
      >
        {pending ? <span className="spinner spinner--small" aria-hidden="true" /> : null}
        {text.remove}
      </button>
      <p className="visually-hidden" role="status">
        {pending ? text.removing(passkey.name) : ''}
      </p>
    </li>
  );
}
