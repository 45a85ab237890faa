/**
 * Django 3.2's AUTH_PASSWORD_VALIDATORS as the reference backend lists them (its project
 * template's four, the minimum length 8), for a reset's and a change's new password: every
 * validator that refuses says so, in their order, as validate_password collects them.
 */
import { isEntirelyNumeric, isTooShort } from '../../password-rules';
import type { MockUser } from '../../../mock-api/server/users';

let commonPasswords: Promise<ReadonlySet<string>> | undefined;

/** CommonPasswordValidator's list, fetched the first time a password is checked. */
function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  commonPasswords ??= import('../../../../examples/common-passwords.txt?raw').then(
    ({ default: text }) =>
      new Set(
        text
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== ''),
      ),
    (error: unknown) => {
      commonPasswords = undefined;
      throw error;
    },
  );
  return commonPasswords;
}

/** Python's len(): code points. */
const length = (text: string) => Array.from(text).length;

/** difflib.SequenceMatcher(a, b).quick_ratio(): the characters the two share, as a ratio. */
function quickRatio(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const character of b) counts.set(character, (counts.get(character) ?? 0) + 1);
  let matches = 0;
  for (const character of a) {
    const left = counts.get(character) ?? 0;
    if (left > 0) {
      matches += 1;
      counts.set(character, left - 1);
    }
  }
  const total = length(a) + length(b);
  return total === 0 ? 1 : (2 * matches) / total;
}

const MAX_SIMILARITY = 0.7;

/**
 * UserAttributeSimilarityValidator over the attributes the mock's users have (Django's users
 * here have no first or last name): each value and each of its \W+-separated parts.
 */
function similarity(password: string, user: MockUser): string | null {
  const lowered = password.toLowerCase();
  const attributes = [
    ['username', user.username],
    ['email address', user.email],
  ] as const;
  for (const [verboseName, value] of attributes) {
    if (value === null || value === '') continue;
    const valueLower = value.toLowerCase();
    for (const part of [...valueLower.split(/[^\p{L}\p{N}_]+/u), valueLower]) {
      // exceeds_maximum_length_ratio: a value far shorter than the password is skipped.
      const passwordLength = length(lowered);
      const partLength = length(part);
      if (passwordLength >= 10 * partLength && partLength < (MAX_SIMILARITY / 2) * passwordLength) {
        continue;
      }
      if (quickRatio(lowered, part) >= MAX_SIMILARITY) {
        return `The password is too similar to the ${verboseName}.`;
      }
    }
  }
  return null;
}

/** Python's str.strip(): whitespace at both ends. */
const pythonStrip = (text: string) => text.replace(/^\s+|\s+$/g, '');

/** Every message of the validators that refuse `password` for `user`; empty when none does. */
export async function passwordValidationErrors(
  password: string,
  user: MockUser,
): Promise<string[]> {
  const errors: string[] = [];
  const similar = similarity(password, user);
  if (similar !== null) errors.push(similar);
  if (isTooShort(password)) {
    errors.push('This password is too short. It must contain at least 8 characters.');
  }
  if ((await loadCommonPasswords()).has(pythonStrip(password.toLowerCase()))) {
    errors.push('This password is too common.');
  }
  if (isEntirelyNumeric(password)) errors.push('This password is entirely numeric.');
  return errors;
}
