/**
 * The shape rules of the reference backends' password policy, as Python applies them: the strength
 * meter says what they will refuse, and the mock refuses it the same way.
 */
export const MINIMUM_PASSWORD_LENGTH = 8;

/** Shorter than the minimum, counted in code points as Python's len() counts them. */
export function isTooShort(password: string): boolean {
  return Array.from(password).length < MINIMUM_PASSWORD_LENGTH;
}

/** Python's str.isdigit() for the digits people type: decimal digits of any script, nothing else. */
export function isEntirelyNumeric(password: string): boolean {
  return /^\p{Nd}+$/u.test(password);
}
