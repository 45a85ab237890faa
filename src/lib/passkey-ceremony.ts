/**
 * Whether a WebAuthn ceremony ended because the person (or the app) called it off: they closed the
 * browser's dialog, let it time out, or another ceremony took its place. Nothing to say then.
 */
export function isCalledOff(error: unknown): boolean {
  return (
    error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError')
  );
}
