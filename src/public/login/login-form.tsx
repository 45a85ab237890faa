import { useEffect, useId, useMemo, useRef, useState, type SubmitEvent } from 'react';
import { useSessionEndReason } from '../../auth/use-session';
import { preloadPrivateApp } from '../../guard/private-app-loader';
import { useMessages, type Messages } from '../../i18n/messages';
import { describeLoginFailure, type LoginFocus } from './describe-login-failure';
import { useLogin } from './use-login';

interface FormProblem {
  text: string;
  focus: LoginFocus;
}

function missingFieldProblem(
  username: string,
  password: string,
  messages: Messages,
): FormProblem | null {
  // The backend compares exactly, so only emptiness is ours to judge; spaces are the user's own.
  if (username === '') return { text: messages.login.missingUsername, focus: 'username' };
  if (password === '') return { text: messages.login.missingPassword, focus: 'password' };
  return null;
}

function warmUpPrivateApp() {
  preloadPrivateApp().catch(() => {
    // Tried again on submit, and shown with a retry by the page that needs it.
  });
}

export function LoginForm() {
  const messages = useMessages();
  const { login } = messages;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [validation, setValidation] = useState<FormProblem | null>(null);
  const { state, logIn } = useLogin();
  const endReason = useSessionEndReason();

  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const alertId = useId();

  // A new object for each new failure, even one with the same text, so focus moves every time.
  const problem = useMemo(
    () =>
      validation ??
      (state.status === 'failed' ? describeLoginFailure(state.error, messages) : null),
    [validation, state, messages],
  );
  const pending = state.status === 'pending';

  useEffect(() => {
    if (problem === null) return;
    if (problem.focus === 'username') usernameRef.current?.focus();
    else if (problem.focus === 'password') {
      passwordRef.current?.focus();
      passwordRef.current?.select();
    } else alertRef.current?.focus();
  }, [problem]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const missing = missingFieldProblem(username, password, messages);
    setValidation(missing);
    if (missing === null) void logIn({ username, password });
  };

  const sessionNotice = endReason === null ? null : messages.sessionEnded[endReason];
  // A logout the person chose is news, not an error; an ended session is something to act on.
  const chosenByUser = endReason === 'logout' || endReason === 'other-tab';

  return (
    <form
      className="card login-form"
      onSubmit={onSubmit}
      // Someone filling in the form is about to log in: fetch the private pages' code meanwhile.
      onFocus={warmUpPrivateApp}
      noValidate
      aria-busy={pending}
    >
      <p className="brand">{messages.appName}</p>
      <h1>{login.title}</h1>
      <p className="muted">{login.intro}</p>

      {problem !== null ? (
        <div
          ref={alertRef}
          id={alertId}
          className="notice notice--error"
          role="alert"
          tabIndex={-1}
        >
          {problem.text}
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
        <label htmlFor="login-username">{login.username}</label>
        <input
          ref={usernameRef}
          id="login-username"
          name="username"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(event) => {
            setUsername(event.target.value);
          }}
          aria-invalid={problem?.focus === 'username' || undefined}
          aria-describedby={problem?.focus === 'username' ? alertId : undefined}
        />
      </div>

      <div className="field">
        <label htmlFor="login-password">{login.password}</label>
        <input
          ref={passwordRef}
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
          }}
          aria-invalid={problem?.focus === 'password' || undefined}
          aria-describedby={problem?.focus === 'password' ? alertId : undefined}
        />
      </div>

      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? <span className="spinner spinner--small" aria-hidden="true" /> : null}
        {login.submit}
      </button>
      <p className="visually-hidden" role="status">
        {pending ? login.pending : ''}
      </p>
    </form>
  );
}
