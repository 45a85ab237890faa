import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { describeApiError } from '../../../api/describe-api-error';
import { startTwoFactorSetup, type TwoFactorSetup } from '../../../api/two-factor-endpoints';
import { useAccountFactorMessages } from '../../../i18n/account-factor-messages';
import { useMessages } from '../../../i18n/messages';
import { FormAlert } from '../../../ui/form-alert';
import { SubmitButton } from '../../../ui/submit-button';
import { useApiAction } from '../../../ui/use-api-action';
import { isMissingRoute } from '../factor-refusals';
import { twoFactorQuery } from './two-factor-query';

const send = (signal: AbortSignal) => startTwoFactorSetup(signal);

/** Two-step verification is off: the button that asks the server for a new secret. */
export function StartSetup({ onStarted }: { onStarted: (setup: TwoFactorSetup) => void }) {
  const messages = useMessages();
  const { twoFactor: text } = useAccountFactorMessages();
  const queryClient = useQueryClient();
  const { state, run } = useApiAction(send, onStarted);
  const alertRef = useRef<HTMLDivElement>(null);
  const failure = state.status === 'failed' ? state.error : null;
  const alreadyOn = failure?.kind === 'http' && failure.status === 409;

  useEffect(() => {
    if (failure !== null) alertRef.current?.focus();
    // Turned on in another tab: the status shows it, with the recovery codes left.
    if (alreadyOn) void queryClient.invalidateQueries(twoFactorQuery);
  }, [failure, alreadyOn, queryClient]);

  const failureText =
    failure === null
      ? null
      : alreadyOn
        ? text.alreadyOn
        : isMissingRoute(failure)
          ? text.unavailable
          : describeApiError(failure, messages.errors);

  return (
    <form
      className="auth-form"
      onSubmit={(event) => {
        event.preventDefault();
        void run();
      }}
    >
      {failureText !== null ? <FormAlert ref={alertRef}>{failureText}</FormAlert> : null}
      <SubmitButton
        pending={state.status === 'pending'}
        label={text.setUp}
        pendingText={text.settingUp}
      />
    </form>
  );
}
