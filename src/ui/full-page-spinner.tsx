import { useMessages } from '../i18n/messages';

export function FullPageSpinner() {
  const messages = useMessages();
  return (
    <div className="full-page-spinner" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="visually-hidden">{messages.loading}</span>
    </div>
  );
}
