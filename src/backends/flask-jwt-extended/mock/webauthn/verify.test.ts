/**
 * The server's WebAuthn checks below the routes: authenticator data parsed strictly, ECDSA's DER
 * signatures turned into Web Crypto's r‖s, and registrations refused for a flag or key the
 * server does not take.
 */
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from '../../../../emulation/base64url';
import { createSoftwareAuthenticator } from '../../../../test/software-authenticator';
import { FLAGS, parseAuthenticatorData } from './authenticator-data';
import { decodeCbor, encodeCbor, type CborValue } from './cbor';
import { derToRawSignature } from './cose-key';
import { creationOptions, userHandle } from './options';
import { relyingParty } from './relying-party';
import { verifyRegistration } from './verify';

const ORIGIN = window.location.origin;

/** A registration by the software authenticator, for the options the mock would hand out. */
async function registration() {
  const ceremony = { relyingParty: relyingParty(), challenge: encodeBase64Url(new Uint8Array(32)) };
  const options = creationOptions({
    ...ceremony,
    userId: 2,
    identifier: 'ada',
    excludeCredentials: [],
  });
  const credential = await createSoftwareAuthenticator().register(options, ORIGIN);
  return { ceremony, credential };
}

/** The attestation object's map, and its authenticator data. */
function attestationOf(encoded: string) {
  const attestation = decodeCbor(decodeBase64Url(encoded) ?? new Uint8Array());
  if (!(attestation instanceof Map)) throw new Error('not a map');
  const authData = attestation.get('authData');
  if (!(authData instanceof Uint8Array)) throw new Error('no authData');
  return { attestation, authData: Uint8Array.from(authData) };
}

function withAuthData(attestation: Map<number | string, CborValue>, authData: Uint8Array) {
  return encodeBase64Url(encodeCbor(new Map([...attestation, ['authData', authData]])));
}

describe('parseAuthenticatorData', () => {
  it('reads the RP ID hash, the flags, the counter and the new credential', async () => {
    const { credential } = await registration();
    const { authData } = attestationOf(credential.response.attestationObject);
    const rpIdHash = new Uint8Array(
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode('localhost')),
    );

    const data = parseAuthenticatorData(authData);

    expect(Array.from(data.rpIdHash)).toEqual(Array.from(rpIdHash));
    expect(data).toMatchObject({ userPresent: true, userVerified: true, signCount: 0 });
    expect(encodeBase64Url(data.attestedCredential?.credentialId ?? new Uint8Array())).toBe(
      credential.id,
    );
    const key = data.attestedCredential?.publicKey;
    expect(key instanceof Map && [...key.keys()]).toEqual([1, 3, -1, -2, -3]);
  });

  it('reads extension data after the key, and refuses a byte too many or too few', async () => {
    const { credential } = await registration();
    const { authData } = attestationOf(credential.response.attestationObject);
    const flagged = Uint8Array.from(authData);
    flagged[32] = (flagged[32] ?? 0) | FLAGS.extensionData;
    const extensions = encodeCbor(new Map([['credProtect', 2]]));

    expect(() =>
      parseAuthenticatorData(Uint8Array.from([...flagged, ...extensions])),
    ).not.toThrow();
    expect(() => parseAuthenticatorData(Uint8Array.from([...authData, 0]))).toThrow();
    expect(() => parseAuthenticatorData(authData.slice(0, -1))).toThrow();
    expect(() => parseAuthenticatorData(authData.slice(0, 36))).toThrow();
  });
});

describe('derToRawSignature', () => {
  it('strips the sign byte and pads each integer to 32 bytes', () => {
    const r = [0x00, 0x80, ...new Array<number>(31).fill(1)];
    const s = [0x05];
    const der = Uint8Array.from([0x30, 4 + r.length + s.length, 2, r.length, ...r, 2, 1, ...s]);
    expect(Array.from(derToRawSignature(der) ?? [])).toEqual([
      0x80,
      ...new Array<number>(31).fill(1),
      ...new Array<number>(31).fill(0),
      5,
    ]);
  });

  it.each([
    ['not a sequence', [0x31, 6, 2, 1, 1, 2, 1, 1]],
    ['a wrong length', [0x30, 7, 2, 1, 1, 2, 1, 1]],
    ['bytes after s', [0x30, 7, 2, 1, 1, 2, 1, 1, 0]],
    ['an integer too long', [0x30, 38, 2, 34, ...new Array<number>(34).fill(1), 2, 0]],
  ])('is null for %s', (_, bytes) => {
    expect(derToRawSignature(Uint8Array.from(bytes))).toBeNull();
  });
});

describe('verifyRegistration', () => {
  it('takes the software authenticator’s answer, with the user handle the options gave', async () => {
    const { ceremony, credential } = await registration();
    expect(await verifyRegistration(credential, ceremony)).toMatchObject({
      id: credential.id,
      signCount: 0,
    });
    expect(userHandle(2)).toBe('Mg');
  });

  it('refuses authenticator data without the user-present flag', async () => {
    const { ceremony, credential } = await registration();
    const { attestation, authData } = attestationOf(credential.response.attestationObject);
    authData[32] = (authData[32] ?? 0) & ~FLAGS.userPresent;
    const attestationObject = withAuthData(attestation, authData);
    expect(
      await verifyRegistration(
        { ...credential, response: { ...credential.response, attestationObject } },
        ceremony,
      ),
    ).toBeNull();
  });

  it('refuses a key of another algorithm (EdDSA)', async () => {
    const { ceremony, credential } = await registration();
    const { attestation, authData } = attestationOf(credential.response.attestationObject);
    const data = parseAuthenticatorData(authData);
    const eddsa = encodeCbor(
      new Map<number, CborValue>([
        [1, 1],
        [3, -8],
        [-1, 6],
        [-2, new Uint8Array(32)],
      ]),
    );
    const keyStart = authData.length - (data.attestedCredential?.publicKeyBytes.length ?? 0);
    const attestationObject = withAuthData(
      attestation,
      Uint8Array.from([...authData.slice(0, keyStart), ...eddsa]),
    );
    expect(
      await verifyRegistration(
        { ...credential, response: { ...credential.response, attestationObject } },
        ceremony,
      ),
    ).toBeNull();
  });

  it('takes any attestation format, and ignores its statement', async () => {
    const { ceremony, credential } = await registration();
    const { attestation, authData } = attestationOf(credential.response.attestationObject);
    const packed = new Map<number | string, CborValue>([
      ['fmt', 'packed'],
      [
        'attStmt',
        new Map<number | string, CborValue>([
          ['alg', -7],
          ['sig', new Uint8Array(8)],
        ]),
      ],
      ['authData', authData],
    ]);
    expect(attestation.get('fmt')).toBe('none');
    const attestationObject = encodeBase64Url(encodeCbor(packed));
    expect(
      await verifyRegistration(
        { ...credential, response: { ...credential.response, attestationObject } },
        ceremony,
      ),
    ).not.toBeNull();
  });
});
