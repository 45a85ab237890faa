/**
 * The pages `npm run build` prerenders: what anyone sees before logging in. Private pages, deep
 * links and the 404 stay the empty shell, so that a logged-in reload never shows a login form.
 * Pure: vite.config.ts and the servers read it as well as the app.
 */
export const PRERENDERED_PATHS = ['/login', '/signup'] as const;
export type PrerenderedPath = (typeof PRERENDERED_PATHS)[number];

/** The languages each page is prerendered in; the first is for a reader who asks for none. */
export const PRERENDERED_LOCALES = ['en', 'es'] as const;
export type PrerenderedLocale = (typeof PRERENDERED_LOCALES)[number];

/**
 * The cookie that carries the person's choice of language to the server (src/i18n/locale.ts).
 * An underscore, not a hyphen: nginx reads it as $cookie_gatehouse_locale.
 */
export const LOCALE_COOKIE = 'gatehouse_locale';

/** Where the build writes a page in a language: `login.es.html`. */
export const prerenderedFile = (path: PrerenderedPath, locale: PrerenderedLocale) =>
  `${path.slice(1)}.${locale}.html`;

export const isPrerenderedPath = (path: string): path is PrerenderedPath =>
  PRERENDERED_PATHS.some((candidate) => candidate === path);

/**
 * The language of the page a server sends: the person's choice (the cookie), else the first
 * language of Accept-Language the app speaks, by its weight, else the first locale.
 */
export function negotiateLocale(
  cookieHeader: string | undefined,
  acceptLanguage: string | undefined,
): PrerenderedLocale {
  const known = (value: string | undefined) =>
    PRERENDERED_LOCALES.find((locale) => locale === value?.trim().toLowerCase());
  const chosen = (cookieHeader ?? '')
    .split(';')
    .map((pair) => pair.trim().split('='))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  const fromCookie = known(chosen);
  if (fromCookie !== undefined) return fromCookie;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...parameters] = entry.trim().split(';');
      const weight = parameters
        .map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1])
        .find((value) => value !== undefined);
      return {
        language: tag.split('-')[0],
        weight: weight === undefined ? 1 : Number(weight),
        index,
      };
    })
    .filter(({ weight }) => weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { language } of ranked) {
    const locale = known(language);
    if (locale !== undefined) return locale;
  }
  return PRERENDERED_LOCALES[0];
}
