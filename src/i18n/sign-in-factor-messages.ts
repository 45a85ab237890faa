import { en, type SignInFactorMessages } from './en/sign-in-factors';
import { es } from './es/sign-in-factors';
import type { Locale } from './locale';
import { useLocale } from './use-locale';

const catalogs = { en, es };

/** The second step's and passkey sign-in's strings; only their chunks import this. */
export function signInFactorMessages(locale: Locale): SignInFactorMessages {
  return catalogs[locale];
}

export function useSignInFactorMessages(): SignInFactorMessages {
  return signInFactorMessages(useLocale());
}
