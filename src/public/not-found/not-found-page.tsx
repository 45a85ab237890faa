import { Link } from 'react-router-dom';
import { paths } from '../../config/paths';
import { useMessages } from '../../i18n/messages';
import { PageHeading } from '../../ui/page-heading';

export function NotFoundPage() {
  const { notFound } = useMessages();
  return (
    <main className="centered-page" id="main">
      <section className="card">
        <PageHeading>{notFound.title}</PageHeading>
        <p>{notFound.body}</p>
        <Link to={paths.home}>{notFound.home}</Link>
      </section>
    </main>
  );
}
