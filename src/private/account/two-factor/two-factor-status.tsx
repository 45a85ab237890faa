import { useAccountFactorMessages } from '../../../i18n/account-factor-messages';

/** Whether two-step verification is on, and while it is, the recovery codes left. */
export function TwoFactorStatus({
  enabled,
  recoveryCodesLeft,
}: {
  enabled: boolean;
  recoveryCodesLeft: number;
}) {
  const { twoFactor: text } = useAccountFactorMessages();
  return (
    <>
      <p className="factor-status">
        {text.status}: <strong>{enabled ? text.on : text.off}</strong>
      </p>
      {enabled ? <p>{text.codesLeft(recoveryCodesLeft)}</p> : null}
      {enabled && recoveryCodesLeft === 0 ? <p className="muted">{text.noCodesHint}</p> : null}
    </>
  );
}
