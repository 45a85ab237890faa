import type { ReactNode } from 'react';
import { logOut } from '../api/logout';
import { usePrivateMessages } from '../i18n/private-messages';
import { FullPageSpinner } from '../ui/full-page-spinner';
import { QueryError } from '../ui/query-error';
import { useCurrentUser } from './use-current-user';

/**
 * A session in httpOnly cookies is a guess until the server answers: the readable CSRF cookie can
 * outlive its token. Nothing private shows before the current-user endpoint says 200; a refusal
 * ends the session (and the guard goes to /login), any other failure can be tried again.
 */
export function ConfirmedSession({ children }: { children: ReactNode }) {
  const { data, error, refetch } = useCurrentUser();
  const { layout } = usePrivateMessages();
  if (data !== undefined) return children;
  if (error !== null) {
    // With the server out of reach, a person on a shared computer can still end the session.
    return (
      <main className="page" id="main">
        <QueryError error={error} onRetry={() => void refetch()} />
        <button type="button" className="button button--secondary" onClick={logOut}>
          {layout.logout}
        </button>
      </main>
    );
  }
  return <FullPageSpinner />;
}
