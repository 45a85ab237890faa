import { en, type StrengthMessages } from './en/password-strength';
import { es } from './es/password-strength';
import { useLocale } from './use-locale';

const catalogs = { en, es };

/** The strength meter's strings in the person's language; only pages that choose passwords. */
export function useStrengthMessages(): StrengthMessages {
  return catalogs[useLocale()];
}
