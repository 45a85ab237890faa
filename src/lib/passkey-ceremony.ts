/**
 * Whether a WebAuthn ceremony ended because the person (or the app) called it off: they closed the
 * browser's dialog, let it time out, or another ceremony took its place. Nothing to say then.
 */
export function isCalledOff(error: unknown): boolean {
  // A browser's own DOMException, or the library's error that carries its name.
  const named = error instanceof Error || error instanceof DOMException;
  return named && (error.name === 'NotAllowedError' || error.name === 'AbortError');
}

/**
 * Whether passkeys can work on this page at all: browsers refuse WebAuthn on an IP address (a
 * relying party is a domain), so a page opened at 127.0.0.1 offers none instead of failing.
 */
export function passkeysWorkAt(hostname: string): boolean {
  const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname);
  const ipv6 = hostname.startsWith('[');
  return hostname !== '' && !ipv4 && !ipv6;
}
