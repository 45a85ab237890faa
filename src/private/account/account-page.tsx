import { env, PASSKEYS, TWO_FACTOR } from '../../config/env';
import { usePrivateMessages } from '../../i18n/private-messages';
import { PageHeading } from '../../ui/page-heading';
import { ChangePasswordForm } from './change-password-form';
import { LogOutEverywhere } from './log-out-everywhere';
import { PasskeysSection } from './passkeys/passkeys-section';
import { TwoFactorSection } from './two-factor/two-factor-section';
import './account-factors.css';

/** /account: the person's password, sessions, and second factors where the build has them. */
export function AccountPage() {
  const { account } = usePrivateMessages();
  // The constants, not env's copies: a build without the sections leaves their code out.
  const factors = env.dialect.factors !== null;
  return (
    <section className="card account">
      <PageHeading>{account.title}</PageHeading>
      <ChangePasswordForm />
      <LogOutEverywhere />
      {TWO_FACTOR && factors ? <TwoFactorSection /> : null}
      {PASSKEYS && factors ? <PasskeysSection /> : null}
    </section>
  );
}
