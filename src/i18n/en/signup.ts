/** The sign-up page, in English. Part of the sign-up chunk, not of /login's download. */
export const en = {
  title: 'Create an account',
  intro: {
    username: 'Pick a username and a password.',
    email: 'Enter your email and pick a password.',
  },
  password: 'Password',
  confirmPassword: 'Confirm password',
  submit: 'Sign up',
  pending: 'Creating your account…',
  missing: { username: 'Choose a username.', email: 'Enter your email.' },
  invalidEmail: 'Enter an email address such as name@example.com.',
  missingPassword: 'Choose a password.',
  missingConfirmation: 'Type the password again to confirm it.',
  mismatch: 'The two passwords do not match. Type the same password twice.',
  taken: {
    username: 'This username is taken. Choose another, or log in.',
    email: 'An account with this email already exists. Log in, or use another email.',
  },
  refused: (serverMessage: string | undefined) =>
    serverMessage === undefined
      ? 'The server did not accept these details. Check them and try again.'
      : `The server did not accept these details: “${serverMessage}”.`,
  unavailable: 'Sign-ups are not available on this server.',
  unreachable:
    'Can’t reach the sign-up service. Check your connection and try again; if this keeps happening, this server may not offer sign-ups.',
  haveAccount: 'Already have an account?',
  logIn: 'Log in',
};

export type SignupMessages = typeof en;
