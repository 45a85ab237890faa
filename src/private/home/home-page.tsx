import { Link } from 'react-router-dom';
import { useSession } from '../../auth/use-session';
import { paths } from '../../config/paths';
import { usePrivateMessages } from '../../i18n/private-messages';
import { useLocale } from '../../i18n/use-locale';
import { useCurrentUser } from '../use-current-user';
import { PageHeading } from '../../ui/page-heading';
import { QueryError } from '../../ui/query-error';
import { Spinner } from '../../ui/spinner';

function SessionExpiry() {
  const session = useSession();
  const locale = useLocale();
  const { home } = usePrivateMessages();
  if (session.status !== 'authenticated' || session.claims === null) return null;
  const time = new Date(session.claims.exp * 1000).toLocaleTimeString(locale, {
    hour: '2-digit',
    minute: '2-digit',
  });
  return <p className="muted">{home.expiresAt(time)}</p>;
}

export function HomePage() {
  const { data: user, error, refetch } = useCurrentUser();
  const { home } = usePrivateMessages();

  if (error !== null) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (user === undefined) return <Spinner />;

  return (
    <section className="card">
      <PageHeading>{home.greeting(user.identifier)}</PageHeading>
      <p>{home.intro}</p>
      <SessionExpiry />
      <p>
        <Link to={paths.profile}>{home.viewProfile}</Link>
      </p>
    </section>
  );
}
