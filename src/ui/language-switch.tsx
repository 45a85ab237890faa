import { useId } from 'react';
import { LOCALE_NAMES, LOCALES, setLocale } from '../i18n/locale';
import { loadMessages, useMessages } from '../i18n/messages';
import { useLocale } from '../i18n/use-locale';

/** A choice of language that sticks across visits. */
export function LanguageSwitch() {
  const id = useId();
  const locale = useLocale();
  const messages = useMessages();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{messages.language}</label>
      <select
        id={id}
        value={locale}
        onChange={(event) => {
          const next = LOCALES.find((candidate) => candidate === event.target.value);
          if (next === undefined) return;
          loadMessages(next).then(
            () => {
              setLocale(next);
            },
            () => {
              // Offline: the strings could not be fetched; stay in the current language.
            },
          );
        }}
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
