/** The login's second step and passkey sign-in, in English. Loaded only by those who need them. */
export const en = {
  secondStep: {
    title: 'Two-step verification',
    intro: 'Enter the 6-digit code from your authenticator app.',
    recoveryIntro:
      'Enter one of the recovery codes you saved when you turned two-step verification on.',
    code: 'Authentication code',
    recoveryCode: 'Recovery code',
    submit: 'Verify',
    pending: 'Verifying…',
    useRecoveryCode: 'Use a recovery code',
    useCode: 'Use an authentication code',
    back: 'Back to log in',
    missingCode: 'Enter the 6-digit code from your authenticator app.',
    missingRecoveryCode: 'Enter one of your recovery codes.',
    malformedCode: 'An authentication code is 6 digits. Check your authenticator app.',
    wrongCode: 'That code did not work. Enter the code your app shows now.',
    wrongRecoveryCode: 'That recovery code did not work. Each code works only once.',
    timedOut: 'The verification step timed out. Log in again.',
    tooMany: 'Too many wrong codes. Log in again.',
  },
  passkey: {
    signIn: 'Sign in with a passkey',
    pending: 'Waiting for your passkey…',
    notRecognised:
      'This passkey is not registered here. Log in with your password, or choose another passkey.',
    expired: 'The passkey sign-in took too long. Try again.',
  },
};

export type SignInFactorMessages = typeof en;
