import { useCallback, useEffect, useId, useMemo, useRef, useState, type SubmitEvent } from 'react';
import { describeApiError } from '../../../api/describe-api-error';
import { useAccountFactorMessages } from '../../../i18n/account-factor-messages';
import { useMessages } from '../../../i18n/messages';
import { formFields } from '../../../lib/form-fields';
import { FormAlert } from '../../../ui/form-alert';
import { SubmitButton } from '../../../ui/submit-button';
import { useApiAction } from '../../../ui/use-api-action';
import { explainedRefusal, isMissingRoute } from '../factor-refusals';
import { PASSKEY_NAME_MAX, readPasskeyName } from './passkey-name';
import { registerPasskey, type Registration } from './register-passkey';

const send = (signal: AbortSignal, name: string) => registerPasskey(name, signal);

/**
 * A name, then the browser's passkey dialog. A dialog the person closes ends it quietly, with the
 * name still typed; `onAdded` hears of each passkey the server took.
 */
export function AddPasskeyForm({ onAdded }: { onAdded: (name: string) => void }) {
  const messages = useMessages();
  const { passkeys: text } = useAccountFactorMessages();
  const [validation, setValidation] = useState<'missing' | 'too-long' | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const inputId = useId();
  const hintId = useId();
  const problemId = useId();

  const onDone = useCallback(
    (registration: Registration) => {
      if (registration.outcome !== 'added') return;
      formRef.current?.reset();
      onAdded(registration.passkey.name);
    },
    [onAdded],
  );
  const { state, run } = useApiAction(send, onDone);

  const problem = useMemo((): { text: string; inField: boolean } | null => {
    if (validation === 'missing') return { text: text.missingName, inField: true };
    if (validation === 'too-long') return { text: text.longName(PASSKEY_NAME_MAX), inField: true };
    if (state.status === 'done' && state.result.outcome === 'refused') {
      const { alreadyRegistered } = state.result;
      return {
        text: alreadyRegistered ? text.alreadyRegistered : text.ceremonyFailed,
        inField: false,
      };
    }
    if (state.status !== 'failed') return null;
    const { error } = state;
    if (isMissingRoute(error)) return { text: text.unavailable, inField: false };
    return {
      text: explainedRefusal(error) ?? describeApiError(error, messages.errors),
      inField: false,
    };
  }, [validation, state, text, messages]);

  useEffect(() => {
    if (problem === null) return;
    if (problem.inField) inputRef.current?.focus();
    else alertRef.current?.focus();
  }, [problem]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readPasskeyName(formFields(event.currentTarget)('name'));
    setValidation(typeof read === 'string' ? read : null);
    if (typeof read !== 'string') void run(read.name);
  };

  const fieldProblem = problem?.inField === true ? problem.text : null;
  const describedBy = [hintId, fieldProblem !== null ? problemId : null].filter(Boolean).join(' ');

  return (
    <form
      ref={formRef}
      className="auth-form"
      onSubmit={onSubmit}
      noValidate
      aria-busy={state.status === 'pending'}
    >
      {problem !== null && !problem.inField ? (
        <FormAlert ref={alertRef}>{problem.text}</FormAlert>
      ) : null}
      <div className="field">
        <label htmlFor={inputId}>{text.name}</label>
        <input
          ref={inputRef}
          id={inputId}
          name="name"
          type="text"
          autoComplete="off"
          aria-invalid={fieldProblem !== null || undefined}
          aria-describedby={describedBy}
        />
        <p id={hintId} className="muted field-hint">
          {text.nameHint}
        </p>
        {fieldProblem !== null ? (
          <p id={problemId} className="field-error" role="alert">
            {fieldProblem}
          </p>
        ) : null}
      </div>
      <SubmitButton
        pending={state.status === 'pending'}
        label={text.add}
        pendingText={text.adding}
      />
    </form>
  );
}
