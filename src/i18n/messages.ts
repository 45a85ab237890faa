import { en, type Messages } from './en/public';
import { es } from './es/public';
import { useLocale } from './use-locale';

export type { Messages };

const catalogs = { en, es };

/** The public strings in the person's language. */
export function useMessages(): Messages {
  return catalogs[useLocale()];
}
