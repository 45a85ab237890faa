import type { Locale } from '../../../i18n/locale';

/** A moment as the page's language writes a date and time: `Dec 6, 2026, 7:40 PM`. */
export function formatDateTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
