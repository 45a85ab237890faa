import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
  type SubmitEvent,
} from 'react';
import type { CurrentUser } from '../../api/endpoints';
import { env } from '../../config/env';
import { useMessages } from '../../i18n/messages';
import { useSignupMessages } from '../../i18n/signup-messages';
import { formFields } from '../../lib/form-fields';
import { useTypedBeforeScript } from '../../lib/use-typed-before-script';
import { FormAlert } from '../../ui/form-alert';
import { ProblemText } from '../../ui/new-password-fields';
import { PasswordField } from '../../ui/password-field';
import { PasswordStrength } from '../../ui/password-strength/password-strength';
import { SubmitButton } from '../../ui/submit-button';
import { checkSignup, type SignupField, type SignupProblem } from './check-signup';
import { describeSignupFailure } from './describe-signup-failure';
import { useSignup } from './use-signup';

interface FieldProps {
  field: SignupField;
  label: string;
  type: 'text' | 'email';
  autoComplete: string;
  problem: SignupProblem | null;
  inputRef: RefObject<HTMLInputElement | null>;
  onValue?: (value: string) => void;
}

/** A labelled input whose problem, if it has one, is said right under it. */
function Field({ field, label, type, autoComplete, problem, inputRef, onValue }: FieldProps) {
  const id = useId();
  const ownProblem = problem?.field === field ? problem.text : null;
  useTypedBeforeScript(() => inputRef.current, onValue);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        name={field}
        type={type}
        autoComplete={autoComplete}
        autoCapitalize="none"
        spellCheck={false}
        aria-invalid={ownProblem !== null || undefined}
        aria-describedby={ownProblem !== null ? `${id}-problem` : undefined}
        onChange={
          onValue === undefined
            ? undefined
            : (event) => {
                onValue(event.target.value);
              }
        }
      />
      <ProblemText id={`${id}-problem`} text={ownProblem} />
    </div>
  );
}

interface NewPasswordProps {
  field: 'password' | 'confirmation';
  label: string;
  problem: SignupProblem | null;
  inputRef: RefObject<HTMLInputElement | null>;
  onValue?: (value: string) => void;
  children?: ReactNode;
}

function NewPassword({ field, label, problem, inputRef, onValue, children }: NewPasswordProps) {
  const id = useId();
  const ownProblem = problem?.field === field ? problem.text : null;
  return (
    <PasswordField
      id={id}
      name={field}
      label={label}
      autoComplete="new-password"
      inputRef={inputRef}
      invalid={ownProblem !== null}
      problemId={ownProblem !== null ? `${id}-problem` : undefined}
      onValue={onValue}
    >
      <ProblemText id={`${id}-problem`} text={ownProblem} />
      {children}
    </PasswordField>
  );
}

/** Sign-up: the account's username or email and a password typed twice; then `onCreated`. */
export function SignupForm({ onCreated }: { onCreated: (user: CurrentUser) => void }) {
  const messages = useMessages();
  const signup = useSignupMessages();
  const kind = env.loginIdentifier;
  const [validation, setValidation] = useState<SignupProblem | null>(null);
  const { state, signUp } = useSignup(onCreated);
  const pending = state.status === 'pending';
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const userInputs = useMemo(() => [identifier], [identifier]);

  const identifierRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmationRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  // A new object for each new failure, even one with the same text, so focus moves every time.
  const problem = useMemo(
    () =>
      validation ??
      (state.status === 'failed'
        ? describeSignupFailure(state.error, kind, messages, signup)
        : null),
    [validation, state, kind, messages, signup],
  );

  useEffect(() => {
    if (problem === null) return;
    if (problem.field === null) {
      alertRef.current?.focus();
      return;
    }
    if (problem.field === 'identifier') {
      identifierRef.current?.focus();
      return;
    }
    const input = problem.field === 'password' ? passwordRef.current : confirmationRef.current;
    input?.focus();
    input?.select();
  }, [problem]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const field = formFields(event.currentTarget);
    const values = {
      identifier: field('identifier'),
      password: field('password'),
      confirmation: field('confirmation'),
    };
    const found = checkSignup(values, kind, signup);
    setValidation(found);
    if (found === null) void signUp({ identifier: values.identifier, password: values.password });
  };

  return (
    <form className="card auth-form" onSubmit={onSubmit} noValidate aria-busy={pending}>
      <p className="brand">{messages.appName}</p>
      <h1>{signup.title}</h1>
      <p className="muted">{signup.intro[kind]}</p>

      {problem !== null && problem.field === null ? (
        <FormAlert ref={alertRef}>{problem.text}</FormAlert>
      ) : null}

      <Field
        field="identifier"
        label={messages.login[kind]}
        type={kind === 'email' ? 'email' : 'text'}
        autoComplete={kind === 'email' ? 'email' : 'username'}
        problem={problem}
        inputRef={identifierRef}
        onValue={setIdentifier}
      />
      <NewPassword
        field="password"
        label={signup.password}
        problem={problem}
        inputRef={passwordRef}
        onValue={setPassword}
      >
        <PasswordStrength password={password} userInputs={userInputs} />
      </NewPassword>
      <NewPassword
        field="confirmation"
        label={signup.confirmPassword}
        problem={problem}
        inputRef={confirmationRef}
      />

      <SubmitButton pending={pending} label={signup.submit} pendingText={signup.pending} />
    </form>
  );
}
