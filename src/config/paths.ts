export const paths = {
  login: '/login',
  signup: '/signup',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  home: '/',
  profile: '/profile',
  account: '/account',
} as const;
