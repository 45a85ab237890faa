import { en, type AccountFactorMessages } from './en/account-factors';
import { es } from './es/account-factors';
import { useLocale } from './use-locale';

const catalogs = { en, es };

/** The account page's two-step and passkey strings; only the private chunk imports this. */
export function useAccountFactorMessages(): AccountFactorMessages {
  return catalogs[useLocale()];
}
