import { env } from '../../config/env';
import { usePrivateMessages } from '../../i18n/private-messages';
import { useCurrentUser } from '../use-current-user';
import { PageHeading } from '../../ui/page-heading';
import { QueryError } from '../../ui/query-error';
import { Spinner } from '../../ui/spinner';

export function ProfilePage() {
  const { data: user, error, refetch } = useCurrentUser();
  const { profile } = usePrivateMessages();

  return (
    <section className="card">
      <PageHeading>{profile.title}</PageHeading>
      {error !== null ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : user === undefined ? (
        <Spinner />
      ) : (
        <dl className="details">
          <div>
            <dt>{profile.id}</dt>
            <dd>{user.id}</dd>
          </div>
          <div>
            <dt>{profile[env.loginIdentifier]}</dt>
            <dd>{user.identifier}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
