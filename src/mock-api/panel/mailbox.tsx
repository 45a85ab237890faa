import { useSyncExternalStore } from 'react';
import type { MockControls } from './mock-controls';

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/**
 * The mock's outbox: what a person would find in their inbox, so that "Forgot your password?"
 * works to the end with no mail server. The link opens in this tab, as a click in a mail client
 * opens the app.
 */
export function Mailbox({ mailbox }: { mailbox: MockControls['mailbox'] }) {
  const messages = useSyncExternalStore(mailbox.subscribe, mailbox.read);
  return (
    <fieldset className="mock-panel__group">
      <legend>Mailbox</legend>
      {messages.length === 0 ? (
        <p className="mock-panel__empty">
          No messages yet. Ask for a password reset and its e-mail shows here.
        </p>
      ) : (
        <ul className="mock-panel__mails" aria-label="Sent messages">
          {messages.map((mail) => (
            <li key={mail.id} className="mock-panel__mail">
              <span className="mock-panel__mail-subject">{mail.subject}</span>
              <span className="mock-panel__mail-meta">
                To {mail.to}, at {timeFormat.format(mail.sentAt)}
              </span>
              <a href={mail.link}>Open the reset link</a>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
