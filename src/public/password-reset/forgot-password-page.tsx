import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router-dom';
import { requestPasswordReset } from '../../api/account-endpoints';
import { env } from '../../config/env';
import { paths } from '../../config/paths';
import { useMessages } from '../../i18n/messages';
import { usePasswordResetMessages } from '../../i18n/password-reset-messages';
import { formFields } from '../../lib/form-fields';
import { FormAlert } from '../../ui/form-alert';
import { LanguageSwitch } from '../../ui/language-switch';
import { ProblemText } from '../../ui/new-password-fields';
import { SubmitButton } from '../../ui/submit-button';
import { useApiAction } from '../../ui/use-api-action';
import { describeResetFailure } from './describe-reset-failure';

const send = (signal: AbortSignal, identifier: string) => requestPasswordReset(identifier, signal);

/**
 * /forgot-password: asks the backend to e-mail a reset link. The answer is the same whether an
 * account matches or not, and so is what the page says: it must not tell who has an account.
 */
export function ForgotPasswordPage() {
  const messages = useMessages();
  const reset = usePasswordResetMessages();
  const kind = env.loginIdentifier;
  const [missing, setMissing] = useState(false);
  const { state, run } = useApiAction(send);
  const fieldId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const failure = state.status === 'failed' ? state.error : null;

  useEffect(() => {
    if (missing) inputRef.current?.focus();
  }, [missing]);
  useEffect(() => {
    if (failure !== null) alertRef.current?.focus();
  }, [failure]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const identifier = formFields(event.currentTarget)('identifier');
    setMissing(identifier === '');
    if (identifier !== '') void run(identifier);
  };

  return (
    <main className="centered-page" id="main">
      <div className="login-column">
        <form
          className="card auth-form"
          onSubmit={onSubmit}
          noValidate
          aria-busy={state.status === 'pending'}
        >
          <p className="brand">{messages.appName}</p>
          <h1>{reset.forgot.title}</h1>
          <p className="muted">{reset.forgot.intro[kind]}</p>

          {failure !== null ? (
            <FormAlert ref={alertRef}>{describeResetFailure(failure, messages, reset)}</FormAlert>
          ) : null}
          {/* Always in the page, so that screen readers follow it before the answer arrives. */}
          <div className={state.status === 'done' ? 'notice' : 'visually-hidden'} role="status">
            {state.status === 'done' ? reset.forgot.sent : ''}
          </div>

          <div className="field">
            <label htmlFor={fieldId}>{messages.login[kind]}</label>
            <input
              ref={inputRef}
              id={fieldId}
              name="identifier"
              type={kind === 'email' ? 'email' : 'text'}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              aria-invalid={missing || undefined}
              aria-describedby={missing ? `${fieldId}-problem` : undefined}
            />
            <ProblemText
              id={`${fieldId}-problem`}
              text={missing ? reset.forgot.missing[kind] : null}
            />
          </div>

          <SubmitButton
            pending={state.status === 'pending'}
            label={reset.forgot.submit}
            pendingText={reset.forgot.pending}
          />
        </form>
        <p className="switch-page">
          <Link to={paths.login}>{reset.backToLogin}</Link>
        </p>
        <LanguageSwitch />
      </div>
    </main>
  );
}
