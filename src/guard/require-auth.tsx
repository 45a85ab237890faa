import { Navigate, useLocation } from 'react-router-dom';
import { useSession, useSessionEndReason } from '../auth/use-session';
import { paths } from '../config/paths';
import { useModule } from '../lib/use-module';
import { FullPageSpinner } from '../ui/full-page-spinner';
import { LoadFailed } from '../ui/load-failed';
import { privateApp } from './private-app-loader';

function PrivateArea({ token }: { token: string }) {
  const app = useModule(privateApp);

  if (app.status === 'loaded') {
    const { PrivateApp } = app.module;
    return <PrivateApp token={token} />;
  }
  if (app.status === 'failed') {
    return (
      <LoadFailed
        onRetry={() => {
          privateApp.preload().catch(() => {
            // Shown again by this same screen.
          });
        }}
      />
    );
  }
  return <FullPageSpinner />;
}

/**
 * Guards the private routes. A logged-out visitor goes to /login (replacing this history entry)
 * and comes back to exactly this URL after login, unless they logged out themselves.
 */
export function RequireAuth() {
  const session = useSession();
  const endReason = useSessionEndReason();
  const location = useLocation();

  if (session.status !== 'authenticated') {
    const remember = endReason !== 'logout' && endReason !== 'other-tab';
    const from = location.pathname + location.search + location.hash;
    return <Navigate to={paths.login} replace state={remember ? { from } : undefined} />;
  }

  return <PrivateArea token={session.token} />;
}
