/**
 * The server's checks of what an authenticator answered (WebAuthn §7.1 and §7.2), as the
 * reference backend makes them: the client data (type, challenge, origin), the authenticator data
 * (RP ID hash, user present), and for a sign-in the signature over authenticatorData ‖
 * SHA-256(clientDataJSON). Any attestation format is taken and its statement ignored: the
 * server asks for `none`. Every malformed or failed part refuses the whole.
 */
import { decodeBase64Url, encodeBase64Url } from '../../../../emulation/base64url';
import { parseAuthenticatorData, type AuthenticatorData } from './authenticator-data';
import { decodeCbor } from './cbor';
import { importCoseKey, verifyWithCoseKey } from './cose-key';
import { sha256, type RelyingParty } from './relying-party';

export interface Ceremony {
  relyingParty: RelyingParty;
  /** The challenge the server handed out, base64url. */
  challenge: string;
}

type Fields = Record<string, unknown>;

const asObject = (value: unknown): Fields | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : null;

/** A base64url field's bytes; throws where the reference backend's strict decoder refuses it. */
function bytesOf(fields: Fields, name: string): Uint8Array {
  const value = fields[name];
  const bytes = typeof value === 'string' ? decodeBase64Url(value) : null;
  if (bytes === null) throw new Error(`${name} is not base64url`);
  return bytes;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((byte, index) => byte === b[index]);

function checkClientData(bytes: Uint8Array, type: string, ceremony: Ceremony): void {
  const clientData = asObject(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
  if (clientData?.type !== type) throw new Error('client data: wrong type');
  if (clientData.challenge !== ceremony.challenge) throw new Error('client data: wrong challenge');
  const { origin } = clientData;
  if (typeof origin !== 'string' || !ceremony.relyingParty.origins.includes(origin)) {
    throw new Error('client data: origin not allowed');
  }
}

async function checkAuthenticatorData(data: AuthenticatorData, ceremony: Ceremony): Promise<void> {
  const expected = await sha256(new TextEncoder().encode(ceremony.relyingParty.id));
  if (!sameBytes(data.rpIdHash, expected)) throw new Error('authenticator data: another RP ID');
  if (!data.userPresent) throw new Error('authenticator data: user not present');
}

export interface NewCredential {
  /** base64url */
  id: string;
  /** The COSE key, base64url. */
  publicKey: string;
  signCount: number;
}

/** A RegistrationResponseJSON's new credential, or null when it does not pass. */
export async function verifyRegistration(
  credential: unknown,
  ceremony: Ceremony,
): Promise<NewCredential | null> {
  try {
    const response = asObject(asObject(credential)?.response);
    if (response === null) return null;
    checkClientData(bytesOf(response, 'clientDataJSON'), 'webauthn.create', ceremony);
    const attestation = decodeCbor(bytesOf(response, 'attestationObject'));
    if (!(attestation instanceof Map)) return null;
    const authData = attestation.get('authData');
    const hasStatement = attestation.get('attStmt') instanceof Map;
    if (typeof attestation.get('fmt') !== 'string' || !hasStatement) return null;
    if (!(authData instanceof Uint8Array)) return null;
    const data = parseAuthenticatorData(authData);
    await checkAuthenticatorData(data, ceremony);
    const attested = data.attestedCredential;
    if (attested === null) return null;
    await importCoseKey(attested.publicKey);
    return {
      id: encodeBase64Url(attested.credentialId),
      publicKey: encodeBase64Url(attested.publicKeyBytes),
      signCount: data.signCount,
    };
  } catch {
    return null;
  }
}

/** An AuthenticationResponseJSON's parts, decoded; null for one malformed. */
export interface Assertion {
  /** The credential id, base64url as the server writes it. */
  credentialId: string;
  /** The user handle's text: the user's id. */
  userHandle: string;
  clientDataJSON: Uint8Array;
  authenticatorData: Uint8Array;
  signature: Uint8Array;
}

export function readAssertion(credential: unknown): Assertion | null {
  try {
    const fields = asObject(credential);
    const response = asObject(fields?.response);
    if (fields === null || response === null) return null;
    return {
      credentialId: encodeBase64Url(bytesOf(fields, 'id')),
      userHandle: new TextDecoder('utf-8', { fatal: true }).decode(bytesOf(response, 'userHandle')),
      clientDataJSON: bytesOf(response, 'clientDataJSON'),
      authenticatorData: bytesOf(response, 'authenticatorData'),
      signature: bytesOf(response, 'signature'),
    };
  } catch {
    return null;
  }
}

/** The assertion's authenticator data when it passes with the stored key, else null. */
export async function verifyAssertion(
  assertion: Assertion,
  publicKey: string,
  ceremony: Ceremony,
): Promise<AuthenticatorData | null> {
  try {
    checkClientData(assertion.clientDataJSON, 'webauthn.get', ceremony);
    const data = parseAuthenticatorData(assertion.authenticatorData);
    await checkAuthenticatorData(data, ceremony);
    const key = decodeBase64Url(publicKey);
    if (key === null) return null;
    const signed = Uint8Array.from([
      ...assertion.authenticatorData,
      ...(await sha256(assertion.clientDataJSON)),
    ]);
    return (await verifyWithCoseKey(key, assertion.signature, signed)) ? data : null;
  } catch {
    return null;
  }
}
