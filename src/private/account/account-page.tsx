import { usePrivateMessages } from '../../i18n/private-messages';
import { PageHeading } from '../../ui/page-heading';
import { ChangePasswordForm } from './change-password-form';
import { LogOutEverywhere } from './log-out-everywhere';

/** /account: the person's password and sessions. */
export function AccountPage() {
  const { account } = usePrivateMessages();
  return (
    <section className="card account">
      <PageHeading>{account.title}</PageHeading>
      <ChangePasswordForm />
      <LogOutEverywhere />
    </section>
  );
}
