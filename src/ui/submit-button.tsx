import { useHydrated } from '../lib/hydration';

/**
 * A form's submit button that cannot send twice: disabled with a spinner while the request is in
 * flight, and `pendingText` said to screen readers. Disabled too in prerendered HTML until the
 * script takes over: a disabled default button stops the browser from sending the form itself
 * (a GET with the password in the address) when someone presses Enter too early.
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
  const hydrated = useHydrated();
  return (
    <>
      <button type="submit" className="button button--primary" disabled={pending || !hydrated}>
        {pending ? <span className="spinner spinner--small" aria-hidden="true" /> : null}
        {label}
      </button>
      <p className="visually-hidden" role="status">
        {pending ? pendingText : ''}
      </p>
    </>
  );
}
