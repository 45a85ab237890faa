import { en, type PrivateMessages } from './en/private';
import { es } from './es/private';
import { useLocale } from './use-locale';

const catalogs = { en, es };

/** The private pages' strings in the person's language; only the private chunk imports this. */
export function usePrivateMessages(): PrivateMessages {
  return catalogs[useLocale()];
}
