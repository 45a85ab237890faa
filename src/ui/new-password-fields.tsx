import { useEffect, useId, useMemo, useState, type RefObject } from 'react';
import { PasswordField } from './password-field';
import { PasswordStrength } from './password-strength/password-strength';

/** Which of the two fields a problem is about. */
export type NewPasswordField = 'new' | 'confirmation';

export interface FieldProblem<F extends string> {
  field: F;
  text: string;
}

interface NewPasswordFieldsProps {
  labels: { newPassword: string; confirmation: string };
  problem: FieldProblem<string> | null;
  newRef: RefObject<HTMLInputElement | null>;
  confirmationRef: RefObject<HTMLInputElement | null>;
  /** What the page knows of the person (their username), which the password should not contain. */
  userInputs?: readonly string[];
}

/**
 * A new password typed twice: both `new-password` for password managers, the strength meter under
 * the first, and each field's problem said under it.
 */
export function NewPasswordFields({
  labels,
  problem,
  newRef,
  confirmationRef,
  userInputs,
}: NewPasswordFieldsProps) {
  const newId = useId();
  const confirmationId = useId();
  const [password, setPassword] = useState('');
  const own = (field: NewPasswordField) => (problem?.field === field ? problem.text : null);
  const inputs = useMemo(() => userInputs ?? [], [userInputs]);

  // A form's reset() empties the fields without an input event: the meter must follow it.
  useEffect(() => {
    const form = newRef.current?.form;
    if (form == null) return;
    const clear = () => {
      setPassword('');
    };
    form.addEventListener('reset', clear);
    return () => {
      form.removeEventListener('reset', clear);
    };
  }, [newRef]);

  return (
    <>
      <PasswordField
        id={newId}
        name="new-password"
        label={labels.newPassword}
        autoComplete="new-password"
        inputRef={newRef}
        invalid={own('new') !== null}
        problemId={own('new') !== null ? `${newId}-problem` : undefined}
        onValue={setPassword}
      >
        <ProblemText id={`${newId}-problem`} text={own('new')} />
        <PasswordStrength password={password} userInputs={inputs} />
      </PasswordField>
      <PasswordField
        id={confirmationId}
        name="confirmation"
        label={labels.confirmation}
        autoComplete="new-password"
        inputRef={confirmationRef}
        invalid={own('confirmation') !== null}
        problemId={own('confirmation') !== null ? `${confirmationId}-problem` : undefined}
      >
        <ProblemText id={`${confirmationId}-problem`} text={own('confirmation')} />
      </PasswordField>
    </>
  );
}

/** A field's problem, right under it, announced when it appears. */
export function ProblemText({ id, text }: { id: string; text: string | null }) {
  return text !== null ? (
    <p id={id} className="field-error" role="alert">
      {text}
    </p>
  ) : null;
}
