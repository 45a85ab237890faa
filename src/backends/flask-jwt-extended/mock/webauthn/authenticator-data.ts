/**
 * Authenticator data (WebAuthn §6.1): the RP ID's hash, the flags, the signature counter, and on
 * registration the new credential (its id and COSE public key). Parsed strictly, as the reference
 * backend's fido2 does: a byte too many or too few refuses the whole.
 */
import { decodeCborPrefix, type CborValue } from './cbor';

export const FLAGS = {
  userPresent: 0x01,
  userVerified: 0x04,
  attestedCredentialData: 0x40,
  extensionData: 0x80,
} as const;

export interface AttestedCredential {
  aaguid: Uint8Array;
  credentialId: Uint8Array;
  /** The COSE key as the authenticator encoded it: what the server keeps. */
  publicKeyBytes: Uint8Array;
  publicKey: CborValue;
}

export interface AuthenticatorData {
  rpIdHash: Uint8Array;
  userPresent: boolean;
  userVerified: boolean;
  signCount: number;
  attestedCredential: AttestedCredential | null;
}

/** Throws for data that is not well formed. */
export function parseAuthenticatorData(bytes: Uint8Array): AuthenticatorData {
  if (bytes.length < 37) throw new Error('authenticator data: too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const flags = view.getUint8(32);
  let offset = 37;
  let attestedCredential: AttestedCredential | null = null;
  if ((flags & FLAGS.attestedCredentialData) !== 0) {
    if (bytes.length < offset + 18) throw new Error('authenticator data: truncated credential');
    const aaguid = bytes.slice(offset, offset + 16);
    const idLength = view.getUint16(offset + 16);
    const idStart = offset + 18;
    if (bytes.length < idStart + idLength) throw new Error('authenticator data: truncated id');
    const credentialId = bytes.slice(idStart, idStart + idLength);
    const { value, end } = decodeCborPrefix(bytes, idStart + idLength);
    attestedCredential = {
      aaguid,
      credentialId,
      publicKeyBytes: bytes.slice(idStart + idLength, end),
      publicKey: value,
    };
    offset = end;
  }
  if ((flags & FLAGS.extensionData) !== 0) offset = decodeCborPrefix(bytes, offset).end;
  if (offset !== bytes.length) throw new Error('authenticator data: wrong length');
  return {
    rpIdHash: bytes.slice(0, 32),
    userPresent: (flags & FLAGS.userPresent) !== 0,
    userVerified: (flags & FLAGS.userVerified) !== 0,
    signCount: view.getUint32(33),
    attestedCredential,
  };
}
