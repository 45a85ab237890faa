import { useEffect, useId, useMemo, useRef, useState, type SubmitEvent } from 'react';
import type { Credentials } from '../../api/endpoints';
import { useSessionEndReason } from '../../auth/use-session';
import { env, PASSKEYS } from '../../config/env';
import { privateApp } from '../../guard/private-app-loader';
import { takeHeldSubmit } from '../../lib/early-submit';
import { formFields } from '../../lib/form-fields';
import { useMessages, type Messages } from '../../i18n/messages';
import { FormAlert } from '../../ui/form-alert';
import { PasswordField } from '../../ui/password-field';
import { SubmitButton } from '../../ui/submit-button';
import type { LoginProblem } from './describe-login-failure';
import { loginRequest } from './login-request-loader';
import { PasskeySlot } from './passkey-slot';
import { secondStep } from './second-step-loader';
import { useLogin } from './use-login';

function missingFieldProblem(
  identifier: string,
  password: string,
  messages: Messages,
): LoginProblem | null {
  // The backend compares exactly, so only emptiness is ours to judge; spaces are the user's own.
  if (identifier === '') {
    return { text: messages.login.missing[env.loginIdentifier], focus: 'identifier' };
  }
  if (password === '') return { text: messages.login.missingPassword, focus: 'password' };
  return null;
}

// Tried again on submit; a failure then is said in the form or by the page that needs the code.
function warmUp() {
  loginRequest.prefetch();
  privateApp.prefetch();
}

interface LoginFormProps {
  /** The username or email of an account just created: filled in, the password focused. */
  signedUp?: string;
  /** A password reset just succeeded: said, as news. */
  passwordChanged?: boolean;
}

function readCredentials(form: HTMLFormElement): Credentials {
  const field = formFields(form);
  return { identifier: field(env.loginIdentifier), password: field('password') };
}

export function LoginForm({ signedUp, passwordChanged = false }: LoginFormProps) {
  const messages = useMessages();
  const { login } = messages;
  const field = env.loginIdentifier;
  const [validation, setValidation] = useState<LoginProblem | null>(null);
  const { state, logIn, settle } = useLogin();
  // Kept for the way back from the second step, which renders the form afresh.
  const [identifier, setIdentifier] = useState(signedUp);
  const endReason = useSessionEndReason();

  const formRef = useRef<HTMLFormElement>(null);
  const identifierRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const alertId = useId();

  // A new object for each new failure, even one with the same text, so focus moves every time.
  const problem = useMemo(
    () => validation ?? (state.status === 'failed' ? state.describe(messages) : null),
    [validation, state, messages],
  );
  const pending = state.status === 'pending';

  useEffect(() => {
    if (signedUp !== undefined) passwordRef.current?.focus();
  }, [signedUp]);

  // What was typed into the prerendered page before this script arrived goes back in (rendered
  // afresh, the fields are empty or hold a prefill the person typed over), and Log in pressed
  // then is sent now.
  useEffect(() => {
    const held = takeHeldSubmit();
    const form = formRef.current;
    if (held === null || form === null) return;
    for (const [name, value] of held.fields) {
      const field = form.elements.namedItem(name);
      if (value && field instanceof HTMLInputElement) field.value = value;
    }
    if (held.submitted) form.requestSubmit();
  }, []);

  useEffect(() => {
    if (problem === null) return;
    if (problem.focus === 'identifier') identifierRef.current?.focus();
    else if (problem.focus === 'password') {
      passwordRef.current?.focus();
      passwordRef.current?.select();
    } else alertRef.current?.focus();
  }, [problem]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const credentials = readCredentials(event.currentTarget);
    const missing = missingFieldProblem(credentials.identifier, credentials.password, messages);
    setValidation(missing);
    setIdentifier(credentials.identifier);
    if (missing === null) void logIn(credentials);
  };

  const step = secondStep.getState();
  // The login request downloads the second step before it asks for it.
  if (state.status === 'second-step' && step.status === 'loaded') {
    return (
      <step.module.SecondStepForm
        mfaToken={state.mfaToken}
        identifier={state.identifier}
        onOutcome={settle}
      />
    );
  }

  const sessionNotice = endReason === null ? null : messages.sessionEnded[endReason];
  // A logout the person chose is news, not an error; an ended session is something to act on.
  const chosenByUser =
    endReason === 'logout' || endReason === 'other-tab' || endReason === 'everywhere';

  return (
    <form
      ref={formRef}
      className="card auth-form"
      onSubmit={onSubmit}
      // Someone filling in the form is about to log in: fetch the login's and the private pages'
      // code meanwhile.
      onFocus={warmUp}
      noValidate
      aria-busy={pending}
    >
      <p className="brand">{messages.appName}</p>
      <h1>{login.title}</h1>
      <p className="muted">{login.intro}</p>

      {problem !== null ? (
        <FormAlert ref={alertRef} id={alertId}>
          {problem.text}
        </FormAlert>
      ) : signedUp !== undefined ? (
        <div className="notice" role="status">
          {login.accountCreated}
        </div>
      ) : passwordChanged ? (
        <div className="notice" role="status">
          {login.passwordChanged}
        </div>
      ) : sessionNotice !== null ? (
        <div
          className={chosenByUser ? 'notice' : 'notice notice--warning'}
          role={chosenByUser ? 'status' : 'alert'}
        >
          {sessionNotice}
        </div>
      ) : null}

      <div className="field">
        <label htmlFor="login-identifier">{login[field]}</label>
        <input
          ref={identifierRef}
          id="login-identifier"
          name={field}
          type={field === 'email' ? 'email' : 'text'}
          // `webauthn`: browsers offer the person's passkeys among the suggestions.
          autoComplete={PASSKEYS ? 'username webauthn' : 'username'}
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={identifier}
          aria-invalid={problem?.focus === 'identifier' || undefined}
          aria-describedby={problem?.focus === 'identifier' ? alertId : undefined}
        />
      </div>

      <PasswordField
        id="login-password"
        name="password"
        label={login.password}
        autoComplete="current-password"
        inputRef={passwordRef}
        invalid={problem?.focus === 'password'}
        problemId={problem?.focus === 'password' ? alertId : undefined}
      />

      <SubmitButton pending={pending} label={login.submit} pendingText={login.pending} />
      {PASSKEYS ? <PasskeySlot onOutcome={settle} /> : null}
    </form>
  );
}
