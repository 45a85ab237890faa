import { useCallback, useEffect, useId, useMemo, useRef, useState, type SubmitEvent } from 'react';
import { changePassword } from '../../api/account-endpoints';
import type { SessionStart } from '../../api/endpoints';
import { clearCookiesOnServer } from '../../api/logout';
import { startSession } from '../../auth/session';
import { getToken, peekCsrfCookie } from '../../auth/token-storage';
import { COOKIE_SESSIONS, env } from '../../config/env';
import { useMessages } from '../../i18n/messages';
import { usePasswordResetMessages } from '../../i18n/password-reset-messages';
import { usePrivateMessages } from '../../i18n/private-messages';
import { formFields } from '../../lib/form-fields';
import { checkNewPassword } from '../../ui/check-new-password';
import { FormAlert } from '../../ui/form-alert';
import { NewPasswordFields, ProblemText, type FieldProblem } from '../../ui/new-password-fields';
import { PasswordField } from '../../ui/password-field';
import { SubmitButton } from '../../ui/submit-button';
import { useApiAction } from '../../ui/use-api-action';
import { describeApiError } from '../../api/describe-api-error';
import { seedSession } from '../seed-session';
import { useCurrentUser } from '../use-current-user';

type Problem = FieldProblem<'current' | 'new' | 'confirmation'> | { field: null; text: string };

const send = (signal: AbortSignal, current: string, next: string) =>
  changePassword(current, next, signal);

/**
 * Change password: the current one, and the new one twice. The server revokes every token issued
 * before the change, on every device, and answers new ones: this tab goes on with those, and the
 * other tabs of this browser follow them through storage.
 */
export function ChangePasswordForm() {
  const messages = useMessages();
  const { account } = usePrivateMessages();
  const reset = usePasswordResetMessages();
  const { data: user } = useCurrentUser();
  const [validation, setValidation] = useState<Problem | null>(null);
  const [expiredOnArrival, setExpiredOnArrival] = useState(false);
  const currentId = useId();
  const currentRef = useRef<HTMLInputElement>(null);
  const newRef = useRef<HTMLInputElement>(null);
  const confirmationRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const onDone = useCallback(
    ({ tokens }: SessionStart) => {
      // Logged out while the change was on its way: its new tokens must not log back in (and
      // cookies it set again, only the server can clear).
      if (getToken() === null) {
        if (COOKIE_SESSIONS) clearCookiesOnServer(peekCsrfCookie());
        return;
      }
      const started = startSession(tokens, (token) => {
        if (user !== undefined) seedSession(token, user);
      });
      setExpiredOnArrival(started === null);
      // The passwords are not left in the form once they have done their job.
      if (started !== null) formRef.current?.reset();
    },
    [user],
  );
  const { state, run } = useApiAction(send, onDone);

  const problem = useMemo((): Problem | null => {
    if (validation !== null) return validation;
    if (expiredOnArrival) return { field: null, text: messages.login.tokenAlreadyExpired };
    if (state.status !== 'failed') return null;
    const { error } = state;
    const routes = env.dialect.account;
    const refusal = { status: error.status ?? 0, serverMessage: error.serverMessage };
    if (error.kind === 'http' && routes?.passwordChange.refusesCurrentPassword(refusal)) {
      return { field: 'current', text: account.change.wrongCurrent };
    }
    if (error.kind === 'http' && error.serverMessage !== undefined) {
      // The policy's reason goes under the new password; another refusal is said as it is.
      if (routes?.refusesNewPassword(refusal)) return { field: 'new', text: error.serverMessage };
      if (error.status === 400) return { field: null, text: error.serverMessage };
    }
    if (error.kind === 'http' && (error.status === 404 || error.status === 405)) {
      return { field: null, text: account.unavailable };
    }
    return { field: null, text: describeApiError(error, messages.errors) };
  }, [validation, expiredOnArrival, state, messages, account]);

  useEffect(() => {
    if (problem === null) return;
    const input = {
      current: currentRef,
      new: newRef,
      confirmation: confirmationRef,
    }[problem.field ?? 'current'];
    if (problem.field === null) alertRef.current?.focus();
    else input.current?.select();
  }, [problem]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const field = formFields(event.currentTarget);
    const current = field('current-password');
    const next = field('new-password');
    const found: Problem | null =
      current === ''
        ? { field: 'current', text: account.change.missingCurrent }
        : checkNewPassword(next, field('confirmation'), reset.newPassword);
    setValidation(found);
    setExpiredOnArrival(false);
    if (found === null) void run(current, next);
  };

  const currentProblem = problem?.field === 'current' ? problem.text : null;
  const userInputs = useMemo(() => (user === undefined ? [] : [user.identifier]), [user]);

  return (
    <form
      ref={formRef}
      className="auth-form"
      onSubmit={onSubmit}
      noValidate
      aria-busy={state.status === 'pending'}
      aria-labelledby={`${currentId}-title`}
    >
      <h2 id={`${currentId}-title`}>{account.change.title}</h2>
      {problem?.field === null ? <FormAlert ref={alertRef}>{problem.text}</FormAlert> : null}
      <div
        className={state.status === 'done' && problem === null ? 'notice' : 'visually-hidden'}
        role="status"
      >
        {state.status === 'done' && problem === null ? account.change.done : ''}
      </div>
      {/* The identifier, for password managers to file the new password under the right account. */}
      <input
        type="text"
        name="username"
        autoComplete="username"
        value={user?.identifier ?? ''}
        readOnly
        hidden
      />
      <PasswordField
        id={currentId}
        name="current-password"
        label={account.change.current}
        autoComplete="current-password"
        inputRef={currentRef}
        invalid={currentProblem !== null}
        problemId={currentProblem !== null ? `${currentId}-problem` : undefined}
      >
        <ProblemText id={`${currentId}-problem`} text={currentProblem} />
      </PasswordField>
      <NewPasswordFields
        labels={{ newPassword: reset.reset.newPassword, confirmation: reset.reset.confirmPassword }}
        problem={problem?.field === 'new' || problem?.field === 'confirmation' ? problem : null}
        newRef={newRef}
        confirmationRef={confirmationRef}
        userInputs={userInputs}
      />
      <SubmitButton
        pending={state.status === 'pending'}
        label={account.change.submit}
        pendingText={account.change.pending}
      />
    </form>
  );
}
