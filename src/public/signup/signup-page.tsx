import { useCallback } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import type { CurrentUser } from '../../api/endpoints';
import { useSession } from '../../auth/use-session';
import { paths } from '../../config/paths';
import { redirectTargetFrom } from '../../guard/redirect-target';
import { useSignupMessages } from '../../i18n/signup-messages';
import { LanguageSwitch } from '../../ui/language-switch';
import { readAuthPageState, type AuthPageState } from '../auth-page-state';
import { SignupForm } from './signup-form';

/**
 * /signup: creates an account, then goes to /login with the username or email filled in (never
 * the password), still remembering the page the guard sent the person from.
 */
export function SignupPage() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const signup = useSignupMessages();
  const { from } = readAuthPageState(location.state);

  const onCreated = useCallback(
    (user: CurrentUser) => {
      const state: AuthPageState = {
        signedUp: user.identifier,
        ...(from === undefined ? {} : { from }),
      };
      void navigate(paths.login, { replace: true, state });
    },
    [navigate, from],
  );

  if (session.status === 'authenticated') {
    return <Navigate to={redirectTargetFrom(location)} replace />;
  }

  return (
    <main className="centered-page" id="main">
      <div className="login-column">
        <SignupForm onCreated={onCreated} />
        <p className="switch-page">
          {signup.haveAccount}{' '}
          <Link to={paths.login} state={from === undefined ? undefined : { from }}>
            {signup.logIn}
          </Link>
        </p>
        <LanguageSwitch />
      </div>
    </main>
  );
}
