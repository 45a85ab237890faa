/**
 * A credential's COSE public key (RFC 9053) as a Web Crypto key, and the check of an assertion's
 * signature with it: ES256 (ECDSA P-256, whose DER signature Web Crypto wants as raw r‖s) and
 * RS256 (RSASSA-PKCS1-v1_5 with SHA-256), the two algorithms the server offers.
 */
import { encodeBase64Url } from '../../../../emulation/base64url';
import { decodeCbor, type CborValue } from './cbor';

export const ES256 = -7;
export const RS256 = -257;

const COSE = { kty: 1, alg: 3, crv: -1, x: -2, y: -3, n: -1, e: -2 } as const;
const KTY_EC2 = 2;
const KTY_RSA = 3;
const CRV_P256 = 1;

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const RSASSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };

function bytesAt(map: Map<number | string, CborValue>, label: number): Uint8Array {
  const value = map.get(label);
  if (!(value instanceof Uint8Array)) throw new Error(`COSE: ${label} is not a byte string`);
  return value;
}

const withoutLeadingZeros = (bytes: Uint8Array) => bytes.slice(bytes.findIndex((b) => b !== 0));

export interface CredentialKey {
  algorithm: typeof ES256 | typeof RS256;
  key: CryptoKey;
}

/** The COSE key as a Web Crypto key; throws for any other algorithm or a malformed key. */
export async function importCoseKey(cose: CborValue): Promise<CredentialKey> {
  if (!(cose instanceof Map)) throw new Error('COSE: not a map');
  const algorithm = cose.get(COSE.alg);
  if (algorithm === ES256) {
    const x = bytesAt(cose, COSE.x);
    const y = bytesAt(cose, COSE.y);
    if (cose.get(COSE.kty) !== KTY_EC2 || cose.get(COSE.crv) !== CRV_P256) {
      throw new Error('COSE: ES256 needs an EC2 key on P-256');
    }
    if (x.length !== 32 || y.length !== 32) throw new Error('COSE: not a P-256 point');
    const point = Uint8Array.from([4, ...x, ...y]);
    const key = await crypto.subtle.importKey('raw', point, ECDSA, false, ['verify']);
    return { algorithm, key };
  }
  if (algorithm === RS256) {
    if (cose.get(COSE.kty) !== KTY_RSA) throw new Error('COSE: RS256 needs an RSA key');
    const jwk: JsonWebKey = {
      kty: 'RSA',
      n: encodeBase64Url(withoutLeadingZeros(bytesAt(cose, COSE.n))),
      e: encodeBase64Url(withoutLeadingZeros(bytesAt(cose, COSE.e))),
    };
    const key = await crypto.subtle.importKey('jwk', jwk, RSASSA, false, ['verify']);
    return { algorithm, key };
  }
  throw new Error('COSE: neither ES256 nor RS256');
}

/** A DER INTEGER of an ECDSA signature as 32 big-endian bytes; null for anything else. */
function derInteger(der: Uint8Array, offset: number): { value: Uint8Array; end: number } | null {
  const length = der[offset + 1];
  if (der[offset] !== 0x02 || length === undefined || length < 1 || length > 33) return null;
  const end = offset + 2 + length;
  if (end > der.length) return null;
  const value = withoutLeadingZeros(der.slice(offset + 2, end));
  if (value.length > 32) return null;
  const padded = new Uint8Array(32);
  padded.set(value, 32 - value.length);
  return { value: padded, end };
}

/** ECDSA-Sig-Value (SEQUENCE { r INTEGER, s INTEGER }) as Web Crypto's r‖s. */
export function derToRawSignature(der: Uint8Array): Uint8Array<ArrayBuffer> | null {
  if (der[0] !== 0x30 || der[1] !== der.length - 2) return null;
  const r = derInteger(der, 2);
  const s = r === null ? null : derInteger(der, r.end);
  if (r === null || s === null || s.end !== der.length) return null;
  return Uint8Array.from([...r.value, ...s.value]);
}

/** Whether `signature` signs `data` with the stored COSE key. */
export async function verifyWithCoseKey(
  publicKeyBytes: Uint8Array,
  signature: Uint8Array,
  data: Uint8Array,
): Promise<boolean> {
  const { algorithm, key } = await importCoseKey(decodeCbor(publicKeyBytes));
  const message = Uint8Array.from(data);
  if (algorithm === RS256) {
    return crypto.subtle.verify(RSASSA, key, Uint8Array.from(signature), message);
  }
  const raw = derToRawSignature(signature);
  return raw !== null && crypto.subtle.verify(ECDSA, key, raw, message);
}
