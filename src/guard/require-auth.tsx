import { Navigate, useLocation } from 'react-router-dom';
import { useSession, useSessionEndReason } from '../auth/use-session';
import { paths } from '../config/paths';
import { useMessages } from '../i18n/messages';
import { FullPageSpinner } from '../ui/full-page-spinner';
import { preloadPrivateApp } from './private-app-loader';
import { usePrivateApp } from './use-private-app';

function PrivateArea({ token }: { token: string }) {
  const app = usePrivateApp();
  const messages = useMessages();

  if (app.status === 'loaded') {
    const { PrivateApp } = app.module;
    return <PrivateApp token={token} />;
  }
  if (app.status === 'failed') {
    return (
      <main className="centered-page" id="main">
        <section className="card notice--error" role="alert">
          <h1>{messages.errors.loadFailed}</h1>
          <p>{messages.errors.network}</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              preloadPrivateApp().catch(() => {
                // Shown again by this same screen.
              });
            }}
          >
            {messages.errors.retry}
          </button>
        </section>
      </main>
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
