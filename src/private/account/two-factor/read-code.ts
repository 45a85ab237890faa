/** A typed authentication code as the server takes it, or why it cannot be sent. */
export function readCode(typed: string): { code: string } | 'missing' | 'malformed' {
  // Apps show the code as `123 456`, and a pasted one keeps the space.
  const code = typed.replace(/\s+/g, '');
  if (code === '') return 'missing';
  return /^\d{6}$/.test(code) ? { code } : 'malformed';
}
