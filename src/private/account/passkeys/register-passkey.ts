import {
  startRegistration,
  WebAuthnAbortService,
  WebAuthnError,
  type RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import {
  beginPasskeyRegistration,
  completePasskeyRegistration,
  type Passkey,
} from '../../../api/passkey-endpoints';
import { isCalledOff } from '../../../lib/passkey-ceremony';

/** How adding a passkey ended, short of an API error (which is thrown). */
export type Registration =
  | { outcome: 'added'; passkey: Passkey }
  /** The person closed the browser's dialog, or it timed out: nothing to say. */
  | { outcome: 'called-off' }
  /** The browser or authenticator refused; `alreadyRegistered` when it holds one of ours. */
  | { outcome: 'refused'; alreadyRegistered: boolean };

/**
 * Adds a passkey named `name`: the server's options, the browser's ceremony, the server's check.
 * Aborting `signal` calls off the ceremony too.
 */
export async function registerPasskey(name: string, signal: AbortSignal): Promise<Registration> {
  const optionsJSON = await beginPasskeyRegistration(signal);
  signal.throwIfAborted();
  let credential: RegistrationResponseJSON;
  const callOff = () => {
    WebAuthnAbortService.cancelCeremony();
  };
  signal.addEventListener('abort', callOff, { once: true });
  try {
    credential = await startRegistration({ optionsJSON });
  } catch (error) {
    if (isCalledOff(error)) return { outcome: 'called-off' };
    return {
      outcome: 'refused',
      alreadyRegistered:
        error instanceof WebAuthnError &&
        error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED',
    };
  } finally {
    signal.removeEventListener('abort', callOff);
  }
  return { outcome: 'added', passkey: await completePasskeyRegistration(credential, name, signal) };
}
