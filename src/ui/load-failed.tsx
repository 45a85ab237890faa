import { useMessages } from '../i18n/messages';

/** A chunk of the app that could not be downloaded, with a way to try again. */
export function LoadFailed({ onRetry }: { onRetry: () => void }) {
  const { errors } = useMessages();
  return (
    <main className="centered-page" id="main">
      <section className="card notice--error" role="alert">
        <h1>{errors.loadFailed}</h1>
        <p>{errors.network}</p>
        <button type="button" className="button" onClick={onRetry}>
          {errors.retry}
        </button>
      </section>
    </main>
  );
}
