import { useCallback, useEffect, useId, useMemo, useRef, useState, type SubmitEvent } from 'react';
import { describeApiError } from '../../../api/describe-api-error';
import type { SessionStart } from '../../../api/endpoints';
import { factorRoutes } from '../../../api/factor-routes';
import { verifySecondStep, type SecondFactor } from '../../../api/two-factor-endpoints';
import { useMessages } from '../../../i18n/messages';
import { getLocale } from '../../../i18n/locale';
import {
  signInFactorMessages,
  useSignInFactorMessages,
} from '../../../i18n/sign-in-factor-messages';
import { readAuthenticationCode } from '../../../lib/authentication-code';
import { formFields } from '../../../lib/form-fields';
import { FormAlert } from '../../../ui/form-alert';
import { SubmitButton } from '../../../ui/submit-button';
import { useApiAction } from '../../../ui/use-api-action';
import { beginSession } from '../begin-session';
import type { LoginState } from '../use-login';

type Kind = 'code' | 'recovery';

const send = (signal: AbortSignal, mfaToken: string, factor: SecondFactor) =>
  verifySecondStep(mfaToken, factor, signal);

/** Back at the password step, saying why (in the language the page is in when it renders). */
const backToPassword = (why: 'timedOut' | 'tooMany'): LoginState => ({
  status: 'failed',
  describe: () => ({ text: signInFactorMessages(getLocale()).secondStep[why], focus: 'password' }),
});

/** What was typed, as the server takes it, or why it cannot be sent. */
function readFactor(kind: Kind, typed: string): SecondFactor | 'missing' | 'malformed' {
  if (kind === 'code') return readAuthenticationCode(typed);
  // Recovery codes are copied off paper or a file: spaces around or inside them are not theirs.
  const recoveryCode = typed.replace(/\s+/g, '');
  return recoveryCode === '' ? 'missing' : { recoveryCode };
}

interface SecondStepFormProps {
  /** The password step's token, which this step trades for the session. */
  mfaToken: string;
  /** Who is logging in, when known: greets them at once. */
  identifier: string | null;
  /** The login's next state: back to the password step, or failed starting the session. */
  onOutcome: (state: LoginState) => void;
}

/**
 * The login's second step: the code of the person's authenticator app, or one of their recovery
 * codes. A wrong code is said and cleared; a step that timed out, or had too many wrong codes,
 * goes back to the password.
 */
export function SecondStepForm({ mfaToken, identifier, onOutcome }: SecondStepFormProps) {
  const messages = useMessages();
  const { secondStep: text } = useSignInFactorMessages();
  const [kind, setKind] = useState<Kind>('code');
  const [validation, setValidation] = useState<'missing' | 'malformed' | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const inputId = useId();
  const alertId = useId();

  const onDone = useCallback(
    (start: SessionStart) => {
      const outcome = beginSession(start, identifier);
      if (outcome !== null) onOutcome(outcome);
    },
    [identifier, onOutcome],
  );
  const { state, run, reset } = useApiAction(send, onDone);
  const refusal =
    state.status === 'failed' && state.error.kind === 'http'
      ? factorRoutes().secondStepRefusal({
          status: state.error.status ?? 0,
          serverMessage: state.error.serverMessage,
        })
      : null;

  useEffect(() => {
    if (refusal === 'expired') onOutcome(backToPassword('timedOut'));
    else if (refusal === 'too-many') onOutcome(backToPassword('tooMany'));
  }, [refusal, onOutcome]);

  const problem = useMemo((): { text: string; inField: boolean } | null => {
    if (validation === 'missing') {
      return { text: kind === 'code' ? text.missingCode : text.missingRecoveryCode, inField: true };
    }
    if (validation === 'malformed') return { text: text.malformedCode, inField: true };
    // A step that timed out, or had too many wrong codes, is said on the password step.
    if (state.status !== 'failed' || refusal === 'expired' || refusal === 'too-many') return null;
    if (refusal === 'wrong-code') {
      return { text: kind === 'code' ? text.wrongCode : text.wrongRecoveryCode, inField: true };
    }
    return { text: describeApiError(state.error, messages.errors), inField: false };
  }, [validation, state, refusal, kind, text, messages]);

  useEffect(() => {
    if (refusal === 'wrong-code' && inputRef.current !== null) inputRef.current.value = '';
  }, [refusal, state]);

  useEffect(() => {
    if (problem === null || problem.inField) inputRef.current?.focus();
    else alertRef.current?.focus();
  }, [problem, kind]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const factor = readFactor(kind, formFields(event.currentTarget)('code'));
    setValidation(typeof factor === 'string' ? factor : null);
    if (typeof factor !== 'string') void run(mfaToken, factor);
  };

  const switchKind = () => {
    setKind(kind === 'code' ? 'recovery' : 'code');
    setValidation(null);
    reset();
    if (inputRef.current !== null) inputRef.current.value = '';
  };

  return (
    <form
      className="card auth-form"
      onSubmit={onSubmit}
      noValidate
      aria-busy={state.status === 'pending'}
    >
      <p className="brand">{messages.appName}</p>
      <h1>{text.title}</h1>
      <p className="muted">{kind === 'code' ? text.intro : text.recoveryIntro}</p>
      {problem !== null ? (
        <FormAlert ref={alertRef} id={alertId}>
          {problem.text}
        </FormAlert>
      ) : null}
      <div className="field">
        <label htmlFor={inputId}>{kind === 'code' ? text.code : text.recoveryCode}</label>
        <input
          // A new input for the other kind: its autocomplete and keyboard differ.
          key={kind}
          ref={inputRef}
          id={inputId}
          name="code"
          type="text"
          autoComplete={kind === 'code' ? 'one-time-code' : 'off'}
          inputMode={kind === 'code' ? 'numeric' : 'text'}
          autoCapitalize="none"
          spellCheck={false}
          aria-invalid={problem?.inField === true || undefined}
          aria-describedby={problem?.inField === true ? alertId : undefined}
        />
      </div>
      <SubmitButton
        pending={state.status === 'pending'}
        label={text.submit}
        pendingText={text.pending}
      />
      <p className="switch-page">
        <button type="button" className="button button--secondary" onClick={switchKind}>
          {kind === 'code' ? text.useRecoveryCode : text.useCode}
        </button>
      </p>
      <p className="switch-page">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            onOutcome({ status: 'idle' });
          }}
        >
          {text.back}
        </button>
      </p>
    </form>
  );
}
