/**
 * A form's submit button that cannot send twice: disabled with a spinner while the request is in
 * flight, and `pendingText` said to screen readers.
 */
export function SubmitButton({
  pending,
  label,
  pendingText,
}: {
  pending: boolean;
  label: string;
  pendingText: string;
}) {
  return (
    <>
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? <span className="spinner spinner--small" aria-hidden="true" /> : null}
        {label}
      </button>
      <p className="visually-hidden" role="status">
        {pending ? pendingText : ''}
      </p>
    </>
  );
}
