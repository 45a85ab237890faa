import { useMessages } from '../i18n/messages';

export function Spinner() {
  const messages = useMessages();
  return (
    <div className="inline-spinner" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="visually-hidden">{messages.loading}</span>
    </div>
  );
}
