import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from '../../auth/use-session';
import { redirectTargetFrom } from '../../guard/redirect-target';
import { LanguageSwitch } from '../../ui/language-switch';
import { LoginForm } from './login-form';

/** /login: the form for visitors; anyone logged in (here or in another tab) moves on. */
export function LoginPage() {
  const session = useSession();
  const location = useLocation();

  if (session.status === 'authenticated') {
    return <Navigate to={redirectTargetFrom(location)} replace />;
  }

  return (
    <main className="centered-page" id="main">
      <div className="login-column">
        <LoginForm />
        <LanguageSwitch />
      </div>
    </main>
  );
}
