/** The account page's two-step verification and passkeys, in English. Part of the private chunk. */
export const en = {
  twoFactor: {
    title: 'Two-step verification',
    intro:
      'When it is on, logging in asks for a code from an authenticator app as well as your password.',
    status: 'Status',
    on: 'On',
    off: 'Off',
    codesLeft: (count: number) =>
      count === 0
        ? 'No recovery codes left.'
        : count === 1
          ? '1 recovery code left.'
          : `${count} recovery codes left.`,
    noCodesHint: 'To get new recovery codes, turn two-step verification off and on again.',
    setUp: 'Set up two-step verification',
    settingUp: 'Starting the set-up…',
    alreadyOn: 'Two-step verification was already turned on, perhaps in another tab.',
    unavailable: 'Two-step verification is not available on this server.',
    setup: {
      title: 'Set up your authenticator app',
      scan: 'Scan this QR code with your authenticator app, or type the setup key into it.',
      qrAlt: 'QR code for your authenticator app',
      qrFailed: 'The QR code could not be loaded. Type the setup key instead, or try again.',
      key: 'Setup key',
      codeIntro: 'Then enter the 6-digit code the app shows.',
      code: 'Authentication code',
      submit: 'Turn on',
      pending: 'Turning on two-step verification…',
      cancel: 'Cancel',
      missingCode: 'Enter the 6-digit code from your authenticator app.',
      malformedCode: 'An authentication code is 6 digits. Check your authenticator app.',
      wrongCode: 'That code did not work. Enter the code your app shows now.',
    },
    codes: {
      title: 'Save your recovery codes',
      intro:
        'Two-step verification is on. If you lose your authenticator app, each of these codes lets you log in once. Keep them somewhere safe: they are shown only this once.',
      list: 'Recovery codes',
      copy: 'Copy codes',
      copied: 'Copied.',
      copyFailed:
        'The codes could not be copied. Select them and copy them yourself, or download them.',
      download: 'Download codes',
      done: 'Done',
    },
    turnOff: {
      open: 'Turn off two-step verification',
      intro: 'Enter your password to turn two-step verification off.',
      password: 'Current password',
      submit: 'Turn off',
      pending: 'Turning off two-step verification…',
      cancel: 'Cancel',
      missingPassword: 'Enter your current password.',
      wrongPassword: 'The current password is wrong.',
      done: 'Two-step verification is off.',
    },
  },
  passkeys: {
    title: 'Passkeys',
    intro:
      'A passkey lets you sign in with your fingerprint, face or screen lock instead of your password.',
    list: 'Your passkeys',
    none: 'You have no passkeys yet.',
    added: 'Added',
    lastUsed: 'Last used',
    neverUsed: 'Never used',
    remove: 'Remove',
    removeLabel: (name: string) => `Remove ${name}`,
    removing: (name: string) => `Removing ${name}…`,
    removed: (name: string) => `Passkey “${name}” removed.`,
    alreadyRemoved: (name: string) => `Passkey “${name}” was already removed.`,
    name: 'Passkey name',
    nameHint: 'A name to tell your passkeys apart, such as “Work laptop”.',
    missingName: 'Give the passkey a name.',
    longName: (max: number) => `A passkey name can be at most ${max} characters.`,
    add: 'Add a passkey',
    adding: 'Waiting for your passkey…',
    addedOne: (name: string) => `Passkey “${name}” added.`,
    alreadyRegistered: 'This device already holds a passkey for your account.',
    ceremonyFailed: 'Your browser could not create the passkey. Try again, or use another device.',
    unsupported: 'This browser does not support passkeys.',
    unavailable: 'Passkeys are not available on this server.',
  },
};

export type AccountFactorMessages = typeof en;
