/**
 * A passkey authenticator in software, for tests in jsdom and in Node: it answers WebAuthn's
 * options JSON with exactly the JSON a browser's PublicKeyCredential.toJSON() produces, signed
 * with Web Crypto. Credentials are discoverable, as the server asks: each remembers its RP ID,
 * user handle, key pair and signature counter.
 *
 *   const authenticator = createSoftwareAuthenticator();
 *   const credential = await authenticator.register(publicKey, window.location.origin);
 *   const assertion = await authenticator.authenticate(loginOptions, window.location.origin);
 */
import { decodeBase64Url, encodeBase64Url } from '../emulation/base64url';
import { encodeCbor, type CborValue } from '../backends/flask-jwt-extended/mock/webauthn/cbor';

const ES256 = -7;
const RS256 = -257;
type Algorithm = typeof ES256 | typeof RS256;

const FLAG = { userPresent: 0x01, userVerified: 0x04, attestedCredentialData: 0x40 };

const KEY_PARAMS: Record<Algorithm, RsaHashedKeyGenParams | EcKeyGenParams> = {
  [ES256]: { name: 'ECDSA', namedCurve: 'P-256' },
  [RS256]: {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  },
};
const SIGN_PARAMS: Record<Algorithm, AlgorithmIdentifier | EcdsaParams> = {
  [ES256]: { name: 'ECDSA', hash: 'SHA-256' },
  [RS256]: { name: 'RSASSA-PKCS1-v1_5' },
};

interface StoredCredential {
  id: Uint8Array;
  rpId: string;
  /** base64url, as the creation options gave it. */
  userHandle: string;
  algorithm: Algorithm;
  keys: CryptoKeyPair;
  signCount: number;
}

export interface SoftwareAuthenticatorOptions {
  /** Whether it says the user was verified (a PIN, a fingerprint): the UV flag. True by default. */
  userVerified?: boolean;
  /** The key type it creates when the server offers it: ES256 (-7) by default, or RS256 (-257). */
  algorithm?: Algorithm;
}

export interface SoftwareAuthenticator {
  register: (
    options: PublicKeyCredentialCreationOptionsJSON,
    origin: string,
  ) => Promise<RegistrationResponseJSON>;
  /** Signs with the latest credential for the RP ID (among allowCredentials, when listed). */
  authenticate: (
    options: PublicKeyCredentialRequestOptionsJSON,
    origin: string,
  ) => Promise<AuthenticationResponseJSON>;
}

const concat = (...parts: Uint8Array[]) =>
  Uint8Array.from(parts.flatMap((part) => Array.from(part)));

const sha256 = async (bytes: Uint8Array) =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', Uint8Array.from(bytes)));

function uint32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
}

function clientData(type: string, challenge: string, origin: string): Uint8Array {
  // The members in the order browsers write them.
  return new TextEncoder().encode(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

/** The COSE key of the credential's public key (in CTAP2's canonical order of labels). */
async function coseKey(algorithm: Algorithm, publicKey: CryptoKey): Promise<CborValue> {
  if (algorithm === ES256) {
    const point = new Uint8Array(await crypto.subtle.exportKey('raw', publicKey));
    return new Map<number, CborValue>([
      [1, 2],
      [3, ES256],
      [-1, 1],
      [-2, point.slice(1, 33)],
      [-3, point.slice(33, 65)],
    ]);
  }
  const { n = '', e = '' } = await crypto.subtle.exportKey('jwk', publicKey);
  return new Map<number, CborValue>([
    [1, 3],
    [3, RS256],
    [-1, decodeBase64Url(n) ?? new Uint8Array()],
    [-2, decodeBase64Url(e) ?? new Uint8Array()],
  ]);
}

/** One DER INTEGER: big-endian, no leading zero unless the high bit needs one. */
function derInteger(bytes: Uint8Array): number[] {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  const value = Array.from(bytes.slice(start));
  if ((value[0] ?? 0) >= 0x80) value.unshift(0);
  return [0x02, value.length, ...value];
}

/** Web Crypto's ECDSA r‖s as the DER a browser's assertion carries. */
function rawToDer(raw: Uint8Array): Uint8Array {
  const body = [...derInteger(raw.slice(0, 32)), ...derInteger(raw.slice(32))];
  return Uint8Array.from([0x30, body.length, ...body]);
}

async function sign(credential: StoredCredential, data: Uint8Array): Promise<Uint8Array> {
  const signature = new Uint8Array(
    await crypto.subtle.sign(
      SIGN_PARAMS[credential.algorithm],
      credential.keys.privateKey,
      Uint8Array.from(data),
    ),
  );
  return credential.algorithm === ES256 ? rawToDer(signature) : signature;
}

export function createSoftwareAuthenticator({
  userVerified = true,
  algorithm = ES256,
}: SoftwareAuthenticatorOptions = {}): SoftwareAuthenticator {
  const credentials: StoredCredential[] = [];
  const flags = (extra: number) =>
    FLAG.userPresent | (userVerified ? FLAG.userVerified : 0) | extra;

  return {
    async register(options, origin) {
      const rpId = options.rp.id ?? new URL(origin).hostname;
      if (!options.pubKeyCredParams.some((param) => param.alg === algorithm)) {
        throw new DOMException('No algorithm this authenticator supports', 'NotSupportedError');
      }
      const excluded = new Set((options.excludeCredentials ?? []).map((found) => found.id));
      if (
        credentials.some((found) => found.rpId === rpId && excluded.has(encodeBase64Url(found.id)))
      ) {
        throw new DOMException('A credential here is already registered', 'InvalidStateError');
      }
      const keys = await crypto.subtle.generateKey(KEY_PARAMS[algorithm], true, ['sign', 'verify']);
      const credential: StoredCredential = {
        id: crypto.getRandomValues(new Uint8Array(32)),
        rpId,
        userHandle: options.user.id,
        algorithm,
        keys,
        signCount: 0,
      };
      credentials.push(credential);
      const idLength = new Uint8Array([0, credential.id.length]);
      const authenticatorData = concat(
        await sha256(new TextEncoder().encode(rpId)),
        Uint8Array.of(flags(FLAG.attestedCredentialData)),
        uint32(credential.signCount),
        new Uint8Array(16),
        idLength,
        credential.id,
        encodeCbor(await coseKey(algorithm, keys.publicKey)),
      );
      const attestationObject = encodeCbor(
        new Map<string, CborValue>([
          ['fmt', 'none'],
          ['attStmt', new Map()],
          ['authData', authenticatorData],
        ]),
      );
      const id = encodeBase64Url(credential.id);
      const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
      return {
        id,
        rawId: id,
        type: 'public-key',
        response: {
          clientDataJSON: encodeBase64Url(clientData('webauthn.create', options.challenge, origin)),
          attestationObject: encodeBase64Url(attestationObject),
          transports: ['internal'],
          publicKeyAlgorithm: algorithm,
          publicKey: encodeBase64Url(spki),
          authenticatorData: encodeBase64Url(authenticatorData),
        },
        authenticatorAttachment: 'platform',
        clientExtensionResults: {},
      };
    },

    async authenticate(options, origin) {
      const rpId = options.rpId ?? new URL(origin).hostname;
      const allowed = new Set((options.allowCredentials ?? []).map((found) => found.id));
      const credential = credentials.findLast(
        (found) =>
          found.rpId === rpId && (allowed.size === 0 || allowed.has(encodeBase64Url(found.id))),
      );
      if (credential === undefined) {
        throw new DOMException('No credential for this RP ID', 'NotAllowedError');
      }
      credential.signCount += 1;
      const authenticatorData = concat(
        await sha256(new TextEncoder().encode(rpId)),
        Uint8Array.of(flags(0)),
        uint32(credential.signCount),
      );
      const clientDataJSON = clientData('webauthn.get', options.challenge, origin);
      const signature = await sign(
        credential,
        concat(authenticatorData, await sha256(clientDataJSON)),
      );
      const id = encodeBase64Url(credential.id);
      return {
        id,
        rawId: id,
        type: 'public-key',
        response: {
          clientDataJSON: encodeBase64Url(clientDataJSON),
          authenticatorData: encodeBase64Url(authenticatorData),
          signature: encodeBase64Url(signature),
          userHandle: credential.userHandle,
        },
        authenticatorAttachment: 'platform',
        clientExtensionResults: {},
      };
    },
  };
}
