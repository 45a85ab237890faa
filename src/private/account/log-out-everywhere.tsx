import { useCallback, useEffect, useId, useRef } from 'react';
import { logOutEverywhere } from '../../api/account-endpoints';
import { describeApiError } from '../../api/describe-api-error';
import { endSession } from '../../auth/session';
import { useMessages } from '../../i18n/messages';
import { usePrivateMessages } from '../../i18n/private-messages';
import { FormAlert } from '../../ui/form-alert';
import { SubmitButton } from '../../ui/submit-button';
import { useApiAction } from '../../ui/use-api-action';

const send = (signal: AbortSignal) => logOutEverywhere(signal);

/**
 * Ends every session of this person: the server revokes all their tokens, and this tab's session
 * ends with them, saying so on the login page.
 */
export function LogOutEverywhere() {
  const messages = useMessages();
  const { account } = usePrivateMessages();
  const titleId = useId();
  const alertRef = useRef<HTMLDivElement>(null);
  const onDone = useCallback(() => {
    endSession('everywhere');
  }, []);
  const { state, run } = useApiAction(send, onDone);
  const failure = state.status === 'failed' ? state.error : null;

  useEffect(() => {
    if (failure !== null) alertRef.current?.focus();
  }, [failure]);

  const failureText =
    failure === null
      ? null
      : failure.kind === 'http' && (failure.status === 404 || failure.status === 405)
        ? account.unavailable
        : describeApiError(failure, messages.errors);

  return (
    <form
      className="auth-form"
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        void run();
      }}
    >
      <h2 id={titleId}>{account.everywhere.title}</h2>
      <p className="muted">{account.everywhere.intro}</p>
      {failureText !== null ? <FormAlert ref={alertRef}>{failureText}</FormAlert> : null}
      <SubmitButton
        pending={state.status === 'pending'}
        label={account.everywhere.submit}
        pendingText={account.everywhere.pending}
      />
    </form>
  );
}
