/**
 * The options the server hands the browser for navigator.credentials.create() and .get(), in
 * WebAuthn Level 3's JSON (PublicKeyCredentialCreationOptionsJSON and …RequestOptionsJSON), keys
 * sorted as Flask's jsonify writes them.
 */
import { encodeBase64Url } from '../../../../emulation/base64url';
import { ES256, RS256 } from './cose-key';
import type { RelyingParty } from './relying-party';

/** The browser's time limit, and the server's for a ceremony begun. */
export const CEREMONY_MS = 120_000;
const USER_VERIFICATION = 'preferred';

/** The user handle: the UTF-8 bytes of the user's id, base64url. */
export const userHandle = (userId: number) =>
  encodeBase64Url(new TextEncoder().encode(String(userId)));

export function creationOptions({
  relyingParty,
  challenge,
  userId,
  identifier,
  excludeCredentials,
}: {
  relyingParty: RelyingParty;
  challenge: string;
  userId: number;
  identifier: string;
  excludeCredentials: readonly string[];
}): PublicKeyCredentialCreationOptionsJSON {
  return {
    attestation: 'none',
    // A discoverable credential: at sign-in the passkey itself says who signs in.
    authenticatorSelection: {
      requireResidentKey: true,
      residentKey: 'required',
      userVerification: USER_VERIFICATION,
    },
    challenge,
    excludeCredentials: excludeCredentials.map((id) => ({ id, type: 'public-key' })),
    pubKeyCredParams: [
      { alg: ES256, type: 'public-key' },
      { alg: RS256, type: 'public-key' },
    ],
    rp: { id: relyingParty.id, name: relyingParty.name },
    timeout: CEREMONY_MS,
    user: { displayName: identifier, id: userHandle(userId), name: identifier },
  };
}

export function requestOptions({
  relyingParty,
  challenge,
}: {
  relyingParty: RelyingParty;
  challenge: string;
}): PublicKeyCredentialRequestOptionsJSON {
  return {
    allowCredentials: [],
    challenge,
    rpId: relyingParty.id,
    timeout: CEREMONY_MS,
    userVerification: USER_VERIFICATION,
  };
}
