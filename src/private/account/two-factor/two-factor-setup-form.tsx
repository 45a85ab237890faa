import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type SubmitEvent } from 'react';
import { describeApiError } from '../../../api/describe-api-error';
import { enableTwoFactor, type TwoFactorSetup } from '../../../api/two-factor-endpoints';
import { useAccountFactorMessages } from '../../../i18n/account-factor-messages';
import { useMessages } from '../../../i18n/messages';
import { readAuthenticationCode } from '../../../lib/authentication-code';
import { formFields } from '../../../lib/form-fields';
import { FormAlert } from '../../../ui/form-alert';
import { SubmitButton } from '../../../ui/submit-button';
import { useApiAction } from '../../../ui/use-api-action';
import { explainedRefusal, isMissingRoute, refusedFor } from '../factor-refusals';
import { QrCode } from './qr-code';
import { SetupKey } from './setup-key';
import { twoFactorQuery } from './two-factor-query';
import { useFocusOnMount } from './use-focus-on-mount';

const send = (signal: AbortSignal, code: string) => enableTwoFactor(code, signal);

interface TwoFactorSetupFormProps {
  setup: TwoFactorSetup;
  /** Two-step verification is on: the recovery codes to show once. */
  onEnabled: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}

/**
 * The set-up's second half: the secret for the authenticator app, as a QR code and as text, and
 * the app's first code, which proves the app has it and turns two-step verification on.
 */
export function TwoFactorSetupForm({ setup, onEnabled, onCancel }: TwoFactorSetupFormProps) {
  const messages = useMessages();
  const { twoFactor } = useAccountFactorMessages();
  const text = twoFactor.setup;
  const queryClient = useQueryClient();
  const [validation, setValidation] = useState<'missing' | 'malformed' | null>(null);
  const { state, run } = useApiAction(send, onEnabled);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const inputRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const inputId = useId();
  const problemId = useId();
  const failure = state.status === 'failed' ? state.error : null;
  const alreadyOn = failure?.kind === 'http' && failure.status === 409;

  const problem = useMemo((): { text: string; inField: boolean } | null => {
    if (validation === 'missing') return { text: text.missingCode, inField: true };
    if (validation === 'malformed') return { text: text.malformedCode, inField: true };
    if (failure === null) return null;
    if (refusedFor(failure, 'refusesSetupCode')) return { text: text.wrongCode, inField: true };
    if (alreadyOn) return { text: twoFactor.alreadyOn, inField: false };
    if (isMissingRoute(failure)) return { text: twoFactor.unavailable, inField: false };
    const explained = explainedRefusal(failure);
    return { text: explained ?? describeApiError(failure, messages.errors), inField: false };
  }, [validation, failure, alreadyOn, text, twoFactor, messages]);

  useEffect(() => {
    // Turned on elsewhere meanwhile: the section's status catches up for when this closes.
    if (alreadyOn) void queryClient.invalidateQueries(twoFactorQuery);
  }, [alreadyOn, queryClient]);

  useEffect(() => {
    if (problem === null) return;
    // The wrong code stays, selected, so that typing the next one replaces it.
    if (problem.inField) {
      inputRef.current?.focus();
      inputRef.current?.select();
    } else alertRef.current?.focus();
  }, [problem]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readAuthenticationCode(formFields(event.currentTarget)('code'));
    setValidation(typeof read === 'string' ? read : null);
    if (typeof read !== 'string') void run(read.code);
  };

  return (
    <div className="factor-step">
      <h3 ref={headingRef} tabIndex={-1}>
        {text.title}
      </h3>
      <p>{text.scan}</p>
      <QrCode text={setup.otpauthUri} alt={text.qrAlt} failedText={text.qrFailed} />
      <SetupKey label={text.key} secret={setup.secret} />
      <form
        className="auth-form"
        onSubmit={onSubmit}
        noValidate
        aria-busy={state.status === 'pending'}
      >
        <p>{text.codeIntro}</p>
        {problem !== null && !problem.inField ? (
          <FormAlert ref={alertRef}>{problem.text}</FormAlert>
        ) : null}
        <div className="field">
          <label htmlFor={inputId}>{text.code}</label>
          <input
            ref={inputRef}
            id={inputId}
            name="code"
            type="text"
            autoComplete="one-time-code"
            inputMode="numeric"
            autoCapitalize="none"
            spellCheck={false}
            aria-invalid={problem?.inField === true || undefined}
            aria-describedby={problem?.inField === true ? problemId : undefined}
          />
          {problem?.inField === true ? (
            <p id={problemId} className="field-error" role="alert">
              {problem.text}
            </p>
          ) : null}
        </div>
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
    </div>
  );
}
