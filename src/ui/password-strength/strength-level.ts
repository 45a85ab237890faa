import { isEntirelyNumeric, isTooShort } from '../../backends/password-rules';

export type StrengthLevel = 'too-short' | 'weak' | 'fair' | 'strong';

/**
 * What the password's shape alone decides, before any estimate: the backends refuse it whatever
 * zxcvbn says. Null when zxcvbn must judge.
 */
export function levelByShape(
  password: string,
): { level: StrengthLevel; why: 'length' | 'digits' } | null {
  if (isTooShort(password)) return { level: 'too-short', why: 'length' };
  if (isEntirelyNumeric(password)) return { level: 'weak', why: 'digits' };
  return null;
}

/** zxcvbn's 0-4 score in the meter's words. */
export function levelOfScore(score: number): StrengthLevel {
  if (score <= 1) return 'weak';
  return score === 2 ? 'fair' : 'strong';
}
