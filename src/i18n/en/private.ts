/** What only a logged-in person sees, in English. Part of the private chunk. */
export const en = {
  layout: {
    nav: 'Main',
    home: 'Home',
    profile: 'Profile',
    account: 'Account',
    logout: 'Log out',
    signedInAs: 'Signed in as',
  },
  home: {
    greeting: (name: string) => `Welcome, ${name}!`,
    intro: 'You are signed in. Your private pages live here.',
    expiresAt: (time: string) => `Your session expires at ${time}.`,
    viewProfile: 'View your profile',
  },
  profile: {
    title: 'Profile',
    id: 'ID',
    username: 'Username',
    email: 'Email',
    fullName: 'Full name',
  },
  account: {
    title: 'Account',
    change: {
      title: 'Change password',
      current: 'Current password',
      submit: 'Change password',
      pending: 'Changing your password…',
      done: 'Password changed.',
      missingCurrent: 'Enter your current password.',
      wrongCurrent: 'The current password is wrong.',
    },
    everywhere: {
      title: 'Log out everywhere',
      intro: 'Ends every session of this account, on every device and browser, this one included.',
      submit: 'Log out everywhere',
      pending: 'Logging out everywhere…',
    },
    unavailable: 'Password changes are not available on this server.',
  },
};

export type PrivateMessages = typeof en;
