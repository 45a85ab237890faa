import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useRef, useState } from 'react';
import { isApiError } from '../../../api/api-error';
import type { Passkey } from '../../../api/passkey-endpoints';
import { useAccountFactorMessages } from '../../../i18n/account-factor-messages';
import { QueryError } from '../../../ui/query-error';
import { Spinner } from '../../../ui/spinner';
import { isMissingRoute } from '../factor-refusals';
import { AddPasskeyForm } from './add-passkey-form';
import { PasskeyItem } from './passkey-item';
import { passkeysQuery } from './passkeys-query';

/**
 * The account page's passkeys: each with its name, when it was added and last used, and a way
 * to remove it; and, where the browser has WebAuthn, a way to add one.
 */
export function PasskeysSection() {
  const { passkeys: text } = useAccountFactorMessages();
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const queryClient = useQueryClient();
  const { data: passkeys, error, refetch } = useQuery(passkeysQuery);
  const [news, setNews] = useState('');

  const onAdded = useCallback(
    (name: string) => {
      setNews(text.addedOne(name));
      void queryClient.invalidateQueries(passkeysQuery);
    },
    [text, queryClient],
  );

  const onRemoved = useCallback(
    (passkey: Passkey, alreadyGone: boolean) => {
      setNews(alreadyGone ? text.alreadyRemoved(passkey.name) : text.removed(passkey.name));
      queryClient.setQueryData(passkeysQuery.queryKey, (list) =>
        list?.filter((found) => found.id !== passkey.id),
      );
      void queryClient.invalidateQueries(passkeysQuery);
      // Its Remove button, which had focus, is gone.
      headingRef.current?.focus();
    },
    [text, queryClient],
  );

  const list = () => {
    if (error !== null) {
      return isApiError(error) && isMissingRoute(error) ? (
        <p className="notice">{text.unavailable}</p>
      ) : (
        <QueryError error={error} onRetry={() => void refetch()} />
      );
    }
    if (passkeys === undefined) return <Spinner />;
    if (passkeys.length === 0) return <p>{text.none}</p>;
    return (
      <ul className="passkeys" aria-label={text.list}>
        {passkeys.map((passkey) => (
          <PasskeyItem key={passkey.id} passkey={passkey} onRemoved={onRemoved} />
        ))}
      </ul>
    );
  };

  return (
    <section className="auth-form account-factor" aria-labelledby={titleId}>
      <h2 id={titleId} ref={headingRef} tabIndex={-1}>
        {text.title}
      </h2>
      <p className="muted">{text.intro}</p>
      <p className={news === '' ? 'visually-hidden' : 'notice'} role="status">
        {news}
      </p>
      {list()}
      {browserSupportsWebAuthn() ? (
        <AddPasskeyForm onAdded={onAdded} />
      ) : (
        <p className="notice notice--warning">{text.unsupported}</p>
      )}
    </section>
  );
}
