import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { isApiError } from '../../../api/api-error';
import type { TwoFactorSetup } from '../../../api/two-factor-endpoints';
import { useAccountFactorMessages } from '../../../i18n/account-factor-messages';
import { QueryError } from '../../../ui/query-error';
import { Spinner } from '../../../ui/spinner';
import { isMissingRoute } from '../factor-refusals';
import { RecoveryCodes } from './recovery-codes';
import { StartSetup } from './start-setup';
import { TurnOffForm } from './turn-off-form';
import { TwoFactorSetupForm } from './two-factor-setup-form';
import { twoFactorQuery } from './two-factor-query';
import { TwoFactorStatus } from './two-factor-status';

type View =
  | { name: 'status' }
  | { name: 'setup'; setup: TwoFactorSetup }
  | { name: 'codes'; codes: string[] }
  | { name: 'turn-off' };

/**
 * The account page's two-step verification: its status, and the way to turn it on (the
 * authenticator app's secret, its first code, then the recovery codes once) or off again.
 */
export function TwoFactorSection() {
  const { twoFactor: text } = useAccountFactorMessages();
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const queryClient = useQueryClient();
  const { data: status, error, refetch } = useQuery(twoFactorQuery);
  const [view, setView] = useState<View>({ name: 'status' });
  const [turnedOff, setTurnedOff] = useState(false);
  // Counts the returns to the status: each moves focus to the heading, as the control used is gone.
  const [returns, setReturns] = useState(0);

  useEffect(() => {
    if (returns > 0) headingRef.current?.focus();
  }, [returns]);

  const show = (next: View) => {
    setView(next);
    setTurnedOff(false);
  };
  const backToStatus = () => {
    show({ name: 'status' });
    setReturns((count) => count + 1);
  };

  const onEnabled = (codes: string[]) => {
    // On at once, without waiting for the refetch Done asks for.
    queryClient.setQueryData(twoFactorQuery.queryKey, {
      enabled: true,
      recoveryCodesLeft: codes.length,
    });
    show({ name: 'codes', codes });
  };

  const onDone = () => {
    void queryClient.invalidateQueries(twoFactorQuery);
    backToStatus();
  };

  const onTurnedOff = () => {
    queryClient.setQueryData(twoFactorQuery.queryKey, { enabled: false, recoveryCodesLeft: 0 });
    void queryClient.invalidateQueries(twoFactorQuery);
    backToStatus();
    setTurnedOff(true);
  };

  const body = () => {
    if (view.name === 'setup') {
      return (
        <TwoFactorSetupForm setup={view.setup} onEnabled={onEnabled} onCancel={backToStatus} />
      );
    }
    if (view.name === 'codes') return <RecoveryCodes codes={view.codes} onDone={onDone} />;
    if (error !== null) {
      return isApiError(error) && isMissingRoute(error) ? (
        <p className="notice">{text.unavailable}</p>
      ) : (
        <QueryError error={error} onRetry={() => void refetch()} />
      );
    }
    if (status === undefined) return <Spinner />;
    return (
      <>
        <TwoFactorStatus {...status} />
        {!status.enabled ? (
          <StartSetup
            onStarted={(setup) => {
              show({ name: 'setup', setup });
            }}
          />
        ) : view.name === 'turn-off' ? (
          <TurnOffForm onDone={onTurnedOff} onCancel={backToStatus} />
        ) : (
          <p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                show({ name: 'turn-off' });
              }}
            >
              {text.turnOff.open}
            </button>
          </p>
        )}
      </>
    );
  };

  return (
    <section className="auth-form account-factor" aria-labelledby={titleId}>
      <h2 id={titleId} ref={headingRef} tabIndex={-1}>
        {text.title}
      </h2>
      <p className="muted">{text.intro}</p>
      <p className={turnedOff ? 'notice' : 'visually-hidden'} role="status">
        {turnedOff ? text.turnOff.done : ''}
      </p>
      {body()}
    </section>
  );
}
