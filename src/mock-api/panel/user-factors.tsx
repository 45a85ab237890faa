import { useSyncExternalStore } from 'react';
import type { LoginIdentifier } from '../../backends/vocabulary';
import type { UserFactorSummary } from '../server/mock-factors';
import type { MockControls } from './mock-controls';

function twoStepText({ twoStep, recoveryCodesLeft }: UserFactorSummary): string {
  if (!twoStep) return 'Two-step verification: off';
  const codes = recoveryCodesLeft === 1 ? '1 recovery code' : `${recoveryCodesLeft} recovery codes`;
  return `Two-step verification: on, ${codes} left`;
}

/**
 * Each user's second factors, as the server holds them, with a reset: a developer who set up
 * two-step verification or a passkey on the mock, and lost the authenticator app or the
 * authenticator, gets the account back to a password alone.
 */
export function UserFactors({
  factors,
  loginIdentifier,
  onReset,
}: {
  factors: MockControls['factors'];
  loginIdentifier: LoginIdentifier;
  /** Called with the name of the user whose factors were reset. */
  onReset: (name: string) => void;
}) {
  const users = useSyncExternalStore(factors.subscribe, factors.read);
  return (
    <fieldset className="mock-panel__group">
      <legend>Two-step verification and passkeys</legend>
      {/* Focusable: a keyboard scrolls the list when it holds more users than it shows. */}
      <ul className="mock-panel__users" aria-label="Users" tabIndex={0}>
        {users.map((user) => {
          const name = user[loginIdentifier] ?? `User ${user.userId}`;
          const passkeys = user.passkeys.length === 0 ? 'none' : user.passkeys.join(', ');
          return (
            <li key={user.userId} className="mock-panel__user">
              <span className="mock-panel__user-name">{name}</span>
              <span className="mock-panel__user-factor">{twoStepText(user)}</span>
              <span className="mock-panel__user-factor">Passkeys: {passkeys}</span>
              {(user.twoStep || user.passkeys.length > 0) && (
                <button
                  type="button"
                  className="mock-panel__button"
                  aria-label={`Reset factors of ${name}`}
                  onClick={() => {
                    factors.reset(user.userId);
                    onReset(name);
                  }}
                >
                  Reset factors
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
