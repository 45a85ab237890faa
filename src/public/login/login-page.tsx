import { Link, Navigate, useLocation } from 'react-router-dom';
import { useSession } from '../../auth/use-session';
import { env } from '../../config/env';
import { paths } from '../../config/paths';
import { redirectTargetFrom } from '../../guard/redirect-target';
import { useMessages } from '../../i18n/messages';
import { LanguageSwitch } from '../../ui/language-switch';
import { readAuthPageState } from '../auth-page-state';
import { passwordResetPages } from '../password-reset/password-reset-loader';
import { signupPage } from '../signup/signup-loader';
import { LoginForm } from './login-form';

/** /login: the form for visitors; anyone logged in (here or in another tab) moves on. */
export function LoginPage() {
  const session = useSession();
  const location = useLocation();
  const { login } = useMessages();
  const { from, signedUp, passwordChanged } = readAuthPageState(location.state);

  if (session.status === 'authenticated') {
    return <Navigate to={redirectTargetFrom(location)} replace />;
  }

  return (
    <main className="centered-page" id="main">
      <div className="login-column">
        <LoginForm signedUp={signedUp} passwordChanged={passwordChanged} />
        {env.passwordReset ? (
          <p className="switch-page">
            <Link
              to={paths.forgotPassword}
              onPointerEnter={passwordResetPages.prefetch}
              onFocus={passwordResetPages.prefetch}
            >
              {login.forgotPassword}
            </Link>
          </p>
        ) : null}
        {env.signup ? (
          <p className="switch-page">
            {login.noAccount}{' '}
            <Link
              to={paths.signup}
              state={from === undefined ? undefined : { from }}
              onPointerEnter={signupPage.prefetch}
              onFocus={signupPage.prefetch}
            >
              {login.createAccount}
            </Link>
          </p>
        ) : null}
        <LanguageSwitch />
      </div>
    </main>
  );
}
