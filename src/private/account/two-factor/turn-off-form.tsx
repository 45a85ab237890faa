import { useEffect, useId, useMemo, useRef, useState, type SubmitEvent } from 'react';
import { describeApiError } from '../../../api/describe-api-error';
import { disableTwoFactor } from '../../../api/two-factor-endpoints';
import { useAccountFactorMessages } from '../../../i18n/account-factor-messages';
import { useMessages } from '../../../i18n/messages';
import { formFields } from '../../../lib/form-fields';
import { FormAlert } from '../../../ui/form-alert';
import { ProblemText } from '../../../ui/new-password-fields';
import { PasswordField } from '../../../ui/password-field';
import { SubmitButton } from '../../../ui/submit-button';
import { useApiAction } from '../../../ui/use-api-action';
import { explainedRefusal, isMissingRoute, refusedFor } from '../factor-refusals';
import { useFocusOnMount } from './use-focus-on-mount';

const send = (signal: AbortSignal, password: string) => disableTwoFactor(password, signal);

/** Turning two-step verification off, which the server allows only with the password. */
export function TurnOffForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const messages = useMessages();
  const { turnOff: text, unavailable } = useAccountFactorMessages().twoFactor;
  const [missing, setMissing] = useState(false);
  const { state, run } = useApiAction(send, onDone);
  const passwordId = useId();
  const passwordRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const introRef = useFocusOnMount<HTMLParagraphElement>();
  const failure = state.status === 'failed' ? state.error : null;

  const problem = useMemo((): { text: string; inField: boolean } | null => {
    if (missing) return { text: text.missingPassword, inField: true };
    if (failure === null) return null;
    if (refusedFor(failure, 'refusesCurrentPassword'))
      return { text: text.wrongPassword, inField: true };
    if (isMissingRoute(failure)) return { text: unavailable, inField: false };
    const explained = explainedRefusal(failure);
    return { text: explained ?? describeApiError(failure, messages.errors), inField: false };
  }, [missing, failure, text, unavailable, messages]);

  useEffect(() => {
    if (problem === null) return;
    if (problem.inField) {
      passwordRef.current?.focus();
      passwordRef.current?.select();
    } else alertRef.current?.focus();
  }, [problem]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = formFields(event.currentTarget)('password');
    setMissing(password === '');
    if (password !== '') void run(password);
  };

  const fieldProblem = problem?.inField === true ? problem.text : null;

  return (
    <form
      className="auth-form factor-step"
      onSubmit={onSubmit}
      noValidate
      aria-busy={state.status === 'pending'}
    >
      <p ref={introRef} tabIndex={-1}>
        {text.intro}
      </p>
      {problem !== null && !problem.inField ? (
        <FormAlert ref={alertRef}>{problem.text}</FormAlert>
      ) : null}
      <PasswordField
        id={passwordId}
        name="password"
        label={text.password}
        autoComplete="current-password"
        inputRef={passwordRef}
        invalid={fieldProblem !== null}
        problemId={fieldProblem !== null ? `${passwordId}-problem` : undefined}
      >
        <ProblemText id={`${passwordId}-problem`} text={fieldProblem} />
      </PasswordField>
      <div className="actions">
        <SubmitButton
          pending={state.status === 'pending'}
          label={text.submit}
          pendingText={text.pending}
        />
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {text.cancel}
        </button>
      </div>
    </form>
  );
}
