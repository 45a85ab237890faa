/**
 * The otpauth:// URI an authenticator app scans, character for character what pyotp's
 * `provisioning_uri(name=identifier, issuer_name=issuer)` writes for SHA-1, 6 digits and 30 s.
 */

/**
 * urllib.parse.quote(text, safe): UTF-8 bytes, percent-encoded (uppercase hex) except letters,
 * digits, `_.-~` and the characters in `safe`.
 */
function pythonQuote(text: string, safe: string): string {
  let quoted = '';
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte);
    quoted +=
      /[A-Za-z0-9_.~-]/.test(char) || safe.includes(char)
        ? char
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return quoted;
}

export function otpauthUri({
  secret,
  identifier,
  issuer,
}: {
  secret: string;
  identifier: string;
  issuer: string;
}): string {
  // The label is quote()d with its default safe "/"; the query is urlencode()d, whose "+" for a
  // space pyotp turns into "%20": quote() with nothing safe.
  const label = `${pythonQuote(issuer, '/')}:${pythonQuote(identifier, '/')}`;
  const query = `secret=${pythonQuote(secret, '')}&issuer=${pythonQuote(issuer, '')}`;
  return `otpauth://totp/${label}?${query}`;
}
