const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/** The forgot- and reset-password pages, in English. Part of their chunk, not of /login's. */
export const en = {
  forgot: {
    title: 'Reset your password',
    intro: {
      username:
        'Enter your username. If it has an account with an email, we send it a link to choose a new password.',
      email: 'Enter your email, and we send it a link to choose a new password.',
    },
    submit: 'Send reset link',
    pending: 'Sending the link…',
    sent: 'If an account matches, we sent a link to reset the password.',
    missing: { username: 'Enter your username.', email: 'Enter your email.' },
    tooMany: (seconds: number | undefined) =>
      seconds === undefined
        ? 'Too many reset links were asked for this account. Please try again later.'
        : `Too many reset links were asked for this account. Please try again in ${minutes(seconds)} minute${minutes(seconds) === 1 ? '' : 's'}.`,
  },
  reset: {
    title: 'Choose a new password',
    intro: 'Pick a new password for your account. It replaces the old one on every device.',
    newPassword: 'New password',
    confirmPassword: 'Confirm new password',
    submit: 'Set new password',
    pending: 'Saving your new password…',
    invalidLink: 'This reset link is invalid or has expired.',
    requestNew: 'Request a new link',
    refused: 'The server did not accept this password.',
  },
  newPassword: {
    missing: 'Choose a new password.',
    missingConfirmation: 'Type the new password again to confirm it.',
    mismatch: 'The two passwords do not match. Type the same password twice.',
  },
  unavailable: 'Password resets are not available on this server.',
  unreachable:
    'Can’t reach the password reset service. Check your connection and try again; if this keeps happening, this server may not offer password resets.',
  backToLogin: 'Back to log in',
};

export type PasswordResetMessages = typeof en;
