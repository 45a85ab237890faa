import { en, type Messages } from './en/public';
import type { Locale } from './locale';
import { useLocale } from './use-locale';

export type { Messages };

// English ships with /login; other languages are fetched only by those who use them.
const catalogs: Partial<Record<Locale, Messages>> = { en };

/** Makes a language's strings available; call before switching to it. */
export async function loadMessages(locale: Locale): Promise<void> {
  if (catalogs[locale] !== undefined) return;
  catalogs.es = (await import('./es/public')).es;
}

/** The public strings in the person's language (English until theirs has arrived). */
export function useMessages(): Messages {
  return catalogs[useLocale()] ?? en;
}
