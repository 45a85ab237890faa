/**
 * zxcvbn's estimate of how hard a password is to guess: its own chunk, with the 40,000 most common
 * passwords and the keyboard layouts, downloaded only by pages where someone picks a password.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { translations as english } from '@zxcvbn-ts/language-en';
import { translations as spanish } from '@zxcvbn-ts/language-es-es';
import type { Locale } from '../../i18n/locale';

export interface StrengthEstimate {
  /** zxcvbn's score: 0 (guessed in a blink) to 4 (very unlikely to be guessed). */
  score: 0 | 1 | 2 | 3 | 4;
  /** What makes this password weak, or how to make it stronger; null when there is nothing to say. */
  hint: string | null;
}

// Each factory ranks the dictionaries once, on first use: only the language in use pays for it.
const factories = new Map<Locale, ZxcvbnFactory>();

function factoryFor(locale: Locale): ZxcvbnFactory {
  let factory = factories.get(locale);
  if (factory === undefined) {
    factory = new ZxcvbnFactory({
      dictionary: { 'passwords-common': dictionary['passwords-common'] },
      graphs: adjacencyGraphs,
      translations: locale === 'es' ? spanish : english,
    });
    factories.set(locale, factory);
  }
  return factory;
}

/** `userInputs`: what the page knows of the person (the username), which a password should not be. */
export function estimateStrength(
  password: string,
  locale: Locale,
  userInputs: readonly string[],
): StrengthEstimate {
  const { score, feedback } = factoryFor(locale).check(password, [...userInputs]);
  const hint = feedback.warning ?? feedback.suggestions[0] ?? null;
  return { score, hint: hint === '' ? null : hint };
}
