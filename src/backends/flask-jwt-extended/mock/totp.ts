/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps and pyotp compute them:
 * HMAC-SHA-1, 6 digits, 30-second steps, over Web Crypto so that the browser, jsdom and Node
 * (the e2e tests compute codes with totpCode) all run it.
 */
import { decodeBase32, encodeBase32 } from './base32';
import { withoutWhitespace } from './python-text';

export const TOTP_STEP_SECONDS = 30;
const DIGITS = 6;

/** The step a moment falls in: Unix seconds over 30. */
export const totpStep = (atMs: number) => Math.floor(atMs / 1000 / TOTP_STEP_SECONDS);

/** HOTP (RFC 4226): the code for `counter`; RFC 6238's test vectors have 8 digits. */
export async function hotpCode(key: Uint8Array, counter: number, digits = DIGITS): Promise<string> {
  const message = new DataView(new ArrayBuffer(8));
  message.setUint32(0, Math.floor(counter / 2 ** 32));
  message.setUint32(4, counter >>> 0);
  const hmacKey = await crypto.subtle.importKey(
    'raw',
    Uint8Array.from(key),
    { name: 'HMAC', hash: 'SHA-1' },
    false,
    ['sign'],
  );
  const mac = new DataView(await crypto.subtle.sign('HMAC', hmacKey, message));
  // Dynamic truncation: 31 bits from the offset the last nibble names.
  const offset = mac.getUint8(mac.byteLength - 1) & 0x0f;
  const binary = mac.getUint32(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

function secretKey(secretBase32: string): Uint8Array {
  const key = decodeBase32(secretBase32);
  if (key === null) throw new Error('A TOTP secret must be base32');
  return key;
}

/** The 6-digit code an authenticator app shows at `atMs` (now by default) for the secret. */
export function totpCode(secretBase32: string, atMs: number = Date.now()): Promise<string> {
  return hotpCode(secretKey(secretBase32), totpStep(atMs));
}

/** A new secret: 20 random bytes, 32 base32 characters. */
export const newTotpSecret = () => encodeBase32(crypto.getRandomValues(new Uint8Array(20)));

/**
 * The step of the code a person typed, if it is good now: whitespace removed, 6 digits, the code
 * of the current step or of the one before or after (a clock a little off), and later than
 * `lastStep`, the step of the last code accepted, so that each code works once. Null otherwise.
 */
export async function acceptedStep(
  secretBase32: string,
  typed: string,
  { atMs = Date.now(), lastStep }: { atMs?: number; lastStep: number | null },
): Promise<number | null> {
  const code = withoutWhitespace(typed);
  if (!/^[0-9]{6}$/.test(code)) return null;
  const key = secretKey(secretBase32);
  const now = totpStep(atMs);
  for (const step of [now - 1, now, now + 1]) {
    if (lastStep !== null && step <= lastStep) continue;
    if ((await hotpCode(key, step)) === code) return step;
  }
  return null;
}
