/**
 * WebAuthn in jsdom, which has none: `navigator.credentials.create/get` answered by a software
 * authenticator, as a browser's would be, so that pages run their real ceremonies in tests.
 *
 *   const webauthn = installWebAuthn(createSoftwareAuthenticator());
 *   webauthn.next = 'cancel'; // the person closes the browser's passkey dialog
 */
import { onTestFinished, vi } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from '../emulation/base64url';
import type { SoftwareAuthenticator } from './software-authenticator';

export interface InstalledWebAuthn {
  /** What the next ceremony does: answer, or fail as a browser does when the person cancels. */
  next: 'answer' | 'cancel';
  /** Conditional (autofill) requests the page made and that are still waiting. */
  readonly conditionalRequests: number;
}

const toBase64Url = (value: BufferSource): string =>
  encodeBase64Url(
    value instanceof ArrayBuffer
      ? new Uint8Array(value)
      : new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
  );

function toBuffer(base64url: string): ArrayBuffer {
  const bytes = decodeBase64Url(base64url);
  if (bytes === null) throw new Error(`not base64url: ${base64url}`);
  return Uint8Array.from(bytes).buffer;
}

const descriptors = (list: readonly PublicKeyCredentialDescriptor[] | undefined) =>
  list?.map((descriptor): PublicKeyCredentialDescriptorJSON => ({
    id: toBase64Url(descriptor.id),
    type: 'public-key',
  }));

function notAllowed(): DOMException {
  return new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError');
}

/** Rejects when the page aborts the ceremony, as a browser does. */
function abortable<T>(signal: AbortSignal | undefined, work: Promise<T>): Promise<T> {
  if (signal === undefined) return work;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason instanceof Error ? signal.reason : new DOMException('', 'AbortError'));
    };
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject);
  });
}

export function installWebAuthn(
  authenticator: SoftwareAuthenticator,
  { autofill = false }: { autofill?: boolean } = {},
): InstalledWebAuthn {
  let waiting = 0;
  const installed: InstalledWebAuthn = {
    next: 'answer',
    get conditionalRequests() {
      return waiting;
    },
  };
  const origin = window.location.origin;

  const create = async ({ publicKey, signal }: CredentialCreationOptions) => {
    if (publicKey === undefined) throw new TypeError('publicKey options required');
    if (installed.next === 'cancel') throw notAllowed();
    const options: PublicKeyCredentialCreationOptionsJSON = {
      ...publicKey,
      challenge: toBase64Url(publicKey.challenge),
      user: { ...publicKey.user, id: toBase64Url(publicKey.user.id) },
      excludeCredentials: descriptors(publicKey.excludeCredentials),
      extensions: undefined,
    };
    const json = await abortable(signal ?? undefined, authenticator.register(options, origin));
    return {
      id: json.id,
      rawId: toBuffer(json.rawId),
      type: 'public-key',
      authenticatorAttachment: 'platform',
      response: {
        attestationObject: toBuffer(json.response.attestationObject),
        clientDataJSON: toBuffer(json.response.clientDataJSON),
        getTransports: () => json.response.transports,
      },
      getClientExtensionResults: () => ({}),
    };
  };

  const get = async ({ publicKey, signal, mediation }: CredentialRequestOptions) => {
    if (publicKey === undefined) throw new TypeError('publicKey options required');
    if (mediation === 'conditional') {
      // Autofill waits until the person picks a passkey, which no test does: until called off.
      waiting += 1;
      return abortable(signal ?? undefined, new Promise<never>(() => undefined)).finally(() => {
        waiting -= 1;
      });
    }
    if (installed.next === 'cancel') throw notAllowed();
    const options: PublicKeyCredentialRequestOptionsJSON = {
      challenge: toBase64Url(publicKey.challenge),
      rpId: publicKey.rpId,
      timeout: publicKey.timeout,
      userVerification: publicKey.userVerification,
      allowCredentials: descriptors(publicKey.allowCredentials),
    };
    const json = await abortable(signal ?? undefined, authenticator.authenticate(options, origin));
    return {
      id: json.id,
      rawId: toBuffer(json.rawId),
      type: 'public-key',
      authenticatorAttachment: 'platform',
      response: {
        authenticatorData: toBuffer(json.response.authenticatorData),
        clientDataJSON: toBuffer(json.response.clientDataJSON),
        signature: toBuffer(json.response.signature),
        userHandle:
          json.response.userHandle === undefined ? null : toBuffer(json.response.userHandle),
      },
      getClientExtensionResults: () => ({}),
    };
  };

  function PublicKeyCredential() {
    throw new TypeError('Illegal constructor');
  }
  PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(autofill);
  vi.stubGlobal('PublicKeyCredential', PublicKeyCredential);
  Object.defineProperty(navigator, 'credentials', {
    value: { create, get },
    configurable: true,
  });
  onTestFinished(() => {
    vi.unstubAllGlobals();
    Reflect.deleteProperty(navigator, 'credentials');
  });
  return installed;
}
