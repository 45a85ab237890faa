import { afterEach, describe, expect, it, vi } from 'vitest';

async function freshLocaleModule() {
  vi.resetModules();
  return import('./locale');
}

afterEach(() => {
  document.documentElement.lang = 'en';
});

describe('the interface language', () => {
  it.each([
    [['es-MX', 'en'], 'es'],
    [['fr-FR', 'es'], 'es'],
    [['de-DE', 'fr'], 'en'],
    [['en-GB'], 'en'],
  ])('follows the browser preference %j → %s', async (languages, expected) => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
    const { getLocale } = await freshLocaleModule();

    expect(getLocale()).toBe(expected);
    expect(document.documentElement.lang).toBe(expected);
  });

  it('prefers the choice the person made over the browser', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-US']);
    window.localStorage.setItem('gatehouse:locale', 'es');

    const { getLocale } = await freshLocaleModule();

    expect(getLocale()).toBe('es');
  });

  it('ignores a stored value that is not a supported language', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-US']);
    window.localStorage.setItem('gatehouse:locale', 'klingon');

    const { getLocale } = await freshLocaleModule();

    expect(getLocale()).toBe('en');
  });
});
