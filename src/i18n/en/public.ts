/** What anyone sees, logged in or not, in English. Part of the /login download: keep it lean. */
export const en = {
  appName: 'Gatehouse',
  loading: 'Loading…',
  language: 'Language',
  login: {
    title: 'Log in',
    intro: 'Welcome back. Log in to continue.',
    username: 'Username',
    email: 'Email',
    password: 'Password',
    submit: 'Log in',
    pending: 'Logging in…',
    missing: { username: 'Enter your username.', email: 'Enter your email.' },
    missingPassword: 'Enter your password.',
    badCredentials: {
      username: 'Wrong username or password. Check both and try again.',
      email: 'Wrong email or password. Check both and try again.',
    },
    badRequest: {
      username: 'The server could not read these details. Check your username and password.',
      email: 'The server could not read these details. Check your email and password.',
    },
    accountCreated: 'Account created. Log in with your new password.',
    passwordChanged: 'Password changed. Log in with your new password.',
    forgotPassword: 'Forgot your password?',
    noAccount: 'New here?',
    createAccount: 'Create an account',
    tokenAlreadyExpired:
      'The login the server sent has already expired by this device’s clock. Check the date and time settings, then try again.',
    cookiesUnreadable:
      'The login worked, but its session cookie did not reach this page: the app and its API must be on the same site.',
  },
  passwordField: {
    show: 'Show password',
    hide: 'Hide password',
    capsLock: 'Caps Lock is on',
  },
  sessionEnded: {
    expired: 'Your session has expired. Please log in again.',
    invalid: 'Your session is no longer valid. Please log in again.',
    revoked: 'Your session was ended by the server. Please log in again.',
    disabled: 'This account is disabled. Contact the site’s administrator.',
    'other-tab': 'You logged out in another tab.',
    logout: 'You have logged out.',
    everywhere: 'You were logged out on every device.',
  },
  errors: {
    network: 'Can’t reach the server. Check your connection and try again.',
    blockedByPolicy: (origin: string) =>
      `This page’s security policy blocks the API at ${origin}: the server’s headers do not match this build of the app. Trying again will not help; the site’s administrator must deploy the headers the build wrote.`,
    timeout: 'The server took too long to answer. Please try again.',
    server: (status: number) =>
      `The server had a problem (error ${status}). Please try again in a moment.`,
    rateLimited: (seconds: number | undefined) =>
      seconds === undefined
        ? 'Too many attempts. Please wait a moment and try again.'
        : `Too many attempts. Please try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
    invalidResponse: 'The server sent an answer we could not understand. Please try again later.',
    unexpected: (status: number) => `The request failed (error ${status}). Please try again.`,
    cancelled: 'The request was cancelled.',
    loadFailed: 'This could not be loaded.',
    retry: 'Try again',
  },
  notFound: {
    title: 'Page not found',
    body: 'There is no page at this address.',
    home: 'Go to the home page',
  },
  crash: {
    title: 'Something went wrong',
    body: 'This page hit an unexpected error. Reloading usually fixes it.',
    reload: 'Reload the page',
    home: 'Go to the home page',
  },
};

export type Messages = typeof en;
