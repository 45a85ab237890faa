import { createModuleLoader } from '../../lib/module-loader';
import { useModule } from '../../lib/use-module';
import type { LoginState } from './use-login';

const passkeySignIn = createModuleLoader(() => import('./passkey/passkey-sign-in'));

/**
 * Where Sign in with a passkey goes: its code (and WebAuthn's) is downloaded after the page has
 * rendered, and the button shows once it is here, where the browser has WebAuthn.
 */
export function PasskeySlot({ onOutcome }: { onOutcome: (state: LoginState) => void }) {
  const passkeys = useModule(passkeySignIn);
  return passkeys.status === 'loaded' ? (
    <passkeys.module.PasskeySignIn onOutcome={onOutcome} />
  ) : null;
}
