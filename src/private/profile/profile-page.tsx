import type { CurrentUser } from '../../api/endpoints';
import { env } from '../../config/env';
import type { PrivateMessages } from '../../i18n/en/private';
import { usePrivateMessages } from '../../i18n/private-messages';
import { useCurrentUser } from '../use-current-user';
import { PageHeading } from '../../ui/page-heading';
import { QueryError } from '../../ui/query-error';
import { Spinner } from '../../ui/spinner';

/** What the current-user endpoint says about the person: each backend says something else. */
function detailsOf(user: CurrentUser, labels: PrivateMessages['profile']) {
  return [
    { label: labels.id, value: user.id === null ? null : String(user.id) },
    { label: labels[env.loginIdentifier], value: user.identifier },
    { label: labels.email, value: user.email },
    { label: labels.fullName, value: user.fullName },
  ].filter((detail) => detail.value !== null);
}

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
          {detailsOf(user, profile).map(({ label, value }) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
