import { en, type PasswordResetMessages } from './en/password-reset';
import { es } from './es/password-reset';
import { useLocale } from './use-locale';

const catalogs = { en, es };

/** The password pages' strings in the person's language: reset, and the account's change. */
export function usePasswordResetMessages(): PasswordResetMessages {
  return catalogs[useLocale()];
}
