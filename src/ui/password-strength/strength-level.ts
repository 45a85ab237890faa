/**
 * The reference backends' length rule: shorter passwords are refused, so the meter says so without
 * waiting for zxcvbn.
 */
export const MINIMUM_PASSWORD_LENGTH = 8;

export type StrengthLevel = 'too-short' | 'weak' | 'fair' | 'strong';

/** What the password's shape alone decides, before any estimate: null when zxcvbn must judge. */
export function levelByShape(
  password: string,
): { level: StrengthLevel; why: 'length' | 'digits' } | null {
  // Code points, as the backends' len() counts them, not UTF-16 units.
  if (Array.from(password).length < MINIMUM_PASSWORD_LENGTH)
    return { level: 'too-short', why: 'length' };
  // The reference backends refuse a password of digits only, however long.
  if (/^\d+$/.test(password)) return { level: 'weak', why: 'digits' };
  return null;
}

/** zxcvbn's 0-4 score in the meter's words. */
export function levelOfScore(score: number): StrengthLevel {
  if (score <= 1) return 'weak';
  return score === 2 ? 'fair' : 'strong';
}
