import { useCallback, useEffect, useMemo, useRef, useState, type SubmitEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { confirmPasswordReset } from '../../api/account-endpoints';
import { endSession, getSession } from '../../auth/session';
import { env } from '../../config/env';
import { paths } from '../../config/paths';
import { useMessages } from '../../i18n/messages';
import { usePasswordResetMessages } from '../../i18n/password-reset-messages';
import { formFields } from '../../lib/form-fields';
import { checkNewPassword } from '../../ui/check-new-password';
import { FormAlert } from '../../ui/form-alert';
import { LanguageSwitch } from '../../ui/language-switch';
import { NewPasswordFields, type FieldProblem } from '../../ui/new-password-fields';
import { SubmitButton } from '../../ui/submit-button';
import { useApiAction } from '../../ui/use-api-action';
import type { AuthPageState } from '../auth-page-state';
import { describeResetFailure } from './describe-reset-failure';
import {
  forgetResetTokenFromStartUp,
  resetTokenFromStartUp,
  tokenFromHash,
} from './reset-link-token';

type Problem =
  FieldProblem<'new' | 'confirmation'> | { field: 'link' } | { field: null; text: string };

const send = (signal: AbortSignal, token: string, password: string) =>
  confirmPasswordReset(token, password, signal);

/**
 * /reset-password#token=…: the e-mail's link. The token rides in the fragment, which no server
 * log and no Referer sees; the page takes it into memory and out of the address bar at once, so
 * it is not in the history, a bookmark or a shared screen either. Success goes to /login.
 */
export function ResetPasswordPage() {
  const messages = useMessages();
  const reset = usePasswordResetMessages();
  const location = useLocation();
  const navigate = useNavigate();
  // In a page load the start-up code has already taken the fragment out of the address bar; after
  // a navigation inside the app, the effect below does.
  const linkToken = tokenFromHash(location.hash);
  const [token, setToken] = useState(() => linkToken ?? resetTokenFromStartUp());
  const [validation, setValidation] = useState<Problem | null>(null);
  const newRef = useRef<HTMLInputElement>(null);
  const confirmationRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(forgetResetTokenFromStartUp, []);

  useEffect(() => {
    if (location.hash !== '') {
      void navigate({ pathname: location.pathname, search: location.search }, { replace: true });
    }
  }, [location, navigate]);

  const onDone = useCallback(() => {
    // The new password revoked every token of this person: a session here ends too.
    if (getSession().status === 'authenticated') endSession('revoked');
    const state: AuthPageState = { passwordChanged: true };
    void navigate(paths.login, { replace: true, state });
  }, [navigate]);
  const { state, run, reset: forgetAnswer } = useApiAction(send, onDone);

  // Another link opened in this tab (only the fragment changes, so the page stays): its token,
  // and nothing said about the last one.
  if (linkToken !== null && linkToken !== token) {
    setToken(linkToken);
    setValidation(null);
    forgetAnswer();
  }

  const problem = useMemo((): Problem | null => {
    if (token === null) return { field: 'link' };
    if (validation !== null) return validation;
    if (state.status !== 'failed') return null;
    const { error } = state;
    const refusal = { status: error.status ?? 0, serverMessage: error.serverMessage };
    const account = env.dialect.account;
    if (error.kind === 'http' && account?.resetConfirm.refusesToken(refusal)) {
      return { field: 'link' };
    }
    // The policy's reason goes under the new password; another refusal is said as it is.
    if (error.kind === 'http' && account?.refusesNewPassword(refusal)) {
      return { field: 'new', text: error.serverMessage ?? reset.reset.refused };
    }
    if (error.kind === 'http' && error.status === 400) {
      return { field: null, text: error.serverMessage ?? reset.reset.refused };
    }
    return { field: null, text: describeResetFailure(error, messages, reset) };
  }, [token, validation, state, messages, reset]);

  useEffect(() => {
    if (problem === null) return;
    if (problem.field === 'new') newRef.current?.select();
    else if (problem.field === 'confirmation') confirmationRef.current?.select();
    else alertRef.current?.focus();
  }, [problem]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (token === null) return;
    const field = formFields(event.currentTarget);
    const password = field('new-password');
    const found = checkNewPassword(password, field('confirmation'), reset.newPassword);
    setValidation(found);
    if (found === null) void run(token, password);
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
          <h1>{reset.reset.title}</h1>
          <p className="muted">{reset.reset.intro}</p>

          {problem?.field === 'link' ? (
            <FormAlert ref={alertRef}>
              {reset.reset.invalidLink}{' '}
              <Link to={paths.forgotPassword}>{reset.reset.requestNew}</Link>
            </FormAlert>
          ) : problem?.field === null ? (
            <FormAlert ref={alertRef}>{problem.text}</FormAlert>
          ) : null}

          {/* A refused link cannot be used again: only a new one helps. */}
          {problem?.field === 'link' ? null : (
            <>
              <NewPasswordFields
                labels={{
                  newPassword: reset.reset.newPassword,
                  confirmation: reset.reset.confirmPassword,
                }}
                problem={
                  problem?.field === 'new' || problem?.field === 'confirmation' ? problem : null
                }
                newRef={newRef}
                confirmationRef={confirmationRef}
              />
              <SubmitButton
                pending={state.status === 'pending'}
                label={reset.reset.submit}
                pendingText={reset.reset.pending}
              />
            </>
          )}
        </form>
        <p className="switch-page">
          <Link to={paths.login}>{reset.backToLogin}</Link>
        </p>
        <LanguageSwitch />
      </div>
    </main>
  );
}
