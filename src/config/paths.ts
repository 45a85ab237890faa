export const paths = {
  login: '/login',
  signup: '/signup',
  home: '/',
  profile: '/profile',
} as const;
