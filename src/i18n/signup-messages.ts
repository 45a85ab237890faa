import { en, type SignupMessages } from './en/signup';
import { es } from './es/signup';
import { useLocale } from './use-locale';

const catalogs = { en, es };

/** The sign-up page's strings in the person's language; only the sign-up chunk imports this. */
export function useSignupMessages(): SignupMessages {
  return catalogs[useLocale()];
}
