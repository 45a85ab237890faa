/**
 * The reference backends' password policy, for the mock's sign-up, reset and change: at least 8
 * characters, not one of the common passwords, not digits only, in Django's validators' words.
 * The list is examples/common-passwords.txt, which the Flask backend reads too; it is
 * fetched the first time a password is checked.
 */
import {
  isEntirelyNumeric,
  isTooShort,
  MINIMUM_PASSWORD_LENGTH,
} from '../../backends/password-rules';

let commonPasswords: Promise<ReadonlySet<string>> | undefined;

function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  commonPasswords ??= import('../../../examples/common-passwords.txt?raw').then(
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

/** Python's str.strip(): whitespace at both ends. */
const pythonStrip = (text: string) => text.replace(/^\s+|\s+$/g, '');

/** Why the policy refuses `password`, in one sentence; null when it is acceptable. */
export async function passwordProblem(password: string): Promise<string | null> {
  if (isTooShort(password)) {
    return `This password is too short. It must contain at least ${MINIMUM_PASSWORD_LENGTH} characters.`;
  }
  if ((await loadCommonPasswords()).has(pythonStrip(password.toLowerCase()))) {
    return 'This password is too common.';
  }
  if (isEntirelyNumeric(password)) return 'This password is entirely numeric.';
  return null;
}
