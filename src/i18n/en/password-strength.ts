/** The password strength meter, in English: part of the pages where a password is chosen. */
export const en = {
  label: 'Password strength',
  levels: {
    'too-short': 'Too short',
    weak: 'Weak',
    fair: 'Fair',
    strong: 'Strong',
  },
  checking: 'Checking…',
  tooShort: (minimum: number) => `Use at least ${minimum} characters.`,
  onlyDigits: 'Add letters: a password of digits only is easy to guess.',
  addWords: 'Add another word or two; uncommon words are best.',
  unavailable: 'The strength of this password could not be checked; the server will check it.',
};

export type StrengthMessages = typeof en;
