/** What only a logged-in person sees, in English. Part of the private chunk. */
export const en = {
  layout: {
    nav: 'Main',
    home: 'Home',
    profile: 'Profile',
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
};

export type PrivateMessages = typeof en;
