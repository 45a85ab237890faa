/**
 * A typed authentication code (an authenticator app's 6 digits) as the server takes it, or why it
 * cannot be sent: at the login's second step and when turning two-step verification on.
 */
export function readAuthenticationCode(typed: string): { code: string } | 'missing' | 'malformed' {
  // Apps show the code as `123 456`, and a pasted one keeps the space.
  const code = typed.replace(/\s+/g, '');
  if (code === '') return 'missing';
  return /^\d{6}$/.test(code) ? { code } : 'malformed';
}
