import { Navigate, useLocation } from 'react-router-dom';
import { useSession, useSessionEndReason } from '../auth/use-session';
import { paths } from '../config/paths';
import { LazyPage } from '../ui/lazy-page';
import { privateApp } from './private-app-loader';

/**
 * Guards the private routes. A logged-out visitor goes to /login (replacing this history entry)
 * and comes back to exactly this URL after login, unless they logged out themselves.
 */
export function RequireAuth() {
  const session = useSession();
  const endReason = useSessionEndReason();
  const location = useLocation();

  if (session.status !== 'authenticated') {
    const remember =
      endReason !== 'logout' && endReason !== 'other-tab' && endReason !== 'everywhere';
    const from = location.pathname + location.search + location.hash;
    return <Navigate to={paths.login} replace state={remember ? { from } : undefined} />;
  }

  return (
    <LazyPage
      loader={privateApp}
      render={({ PrivateApp }) => <PrivateApp token={session.token} />}
    />
  );
}
