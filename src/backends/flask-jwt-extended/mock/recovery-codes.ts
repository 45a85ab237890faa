/**
 * Recovery codes: the way in when the authenticator app is lost. Ten per enable, each 10
 * characters of an alphabet without look-alikes (about 50 bits), shown `xxxxx-xxxxx`, stored as
 * SHA-256 and good once.
 */
import { withoutWhitespace } from './python-text';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

/** One character of the alphabet, drawn without the bias of a plain modulo. */
function randomCharacter(): string {
  const limit = 256 - (256 % ALPHABET.length);
  for (;;) {
    const [byte = limit] = crypto.getRandomValues(new Uint8Array(1));
    if (byte < limit) return ALPHABET.charAt(byte % ALPHABET.length);
  }
}

function newRecoveryCode(): string {
  const characters = Array.from({ length: 10 }, randomCharacter).join('');
  return `${characters.slice(0, 5)}-${characters.slice(5)}`;
}

export const newRecoveryCodes = () => Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);

/** What a person typed, as it was issued: lowercase, without whitespace or hyphens. */
const normalised = (typed: string) => withoutWhitespace(typed.toLowerCase()).replace(/-/g, '');

/** The SHA-256, in hex, of the code normalised: what the server keeps. */
export async function hashRecoveryCode(typed: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(normalised(typed)));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
