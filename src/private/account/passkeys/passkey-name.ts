/** The longest passkey name the server keeps, counted in characters as Python counts them. */
export const PASSKEY_NAME_MAX = 64;

/** A typed passkey name as the server keeps it (trimmed), or why it cannot be sent. */
export function readPasskeyName(typed: string): { name: string } | 'missing' | 'too-long' {
  const name = typed.trim();
  if (name === '') return 'missing';
  // Code points, not UTF-16 units: an emoji is one character to the server.
  return Array.from(name).length > PASSKEY_NAME_MAX ? 'too-long' : { name };
}
