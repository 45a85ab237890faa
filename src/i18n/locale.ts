import { LOCALE_COOKIE } from '../config/prerendered-pages';

/**
 * The interface language: the person's choice when they made one (kept in localStorage), else
 * the browser's preference, else English.
 */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español' };

const STORAGE_KEY = 'gatehouse:locale';

function isLocale(value: unknown): value is Locale {
  return LOCALES.some((locale) => locale === value);
}

function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

function browserLocale(): Locale {
  for (const tag of navigator.languages) {
    const language = tag.toLowerCase().split('-')[0];
    if (isLocale(language)) return language;
  }
  return 'en';
}

const listeners = new Set<() => void>();
let current: Locale = storedLocale() ?? browserLocale();
document.documentElement.lang = current;

export function getLocale(): Locale {
  return current;
}

export function subscribeToLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered across reloads, but used for this visit.
  }
  // The server reads it to send the prerendered /login in this language (no English flash).
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
  if (locale === current) return;
  current = locale;
  document.documentElement.lang = locale;
  for (const listener of [...listeners]) listener();
}
