export const paths = {
  login: '/login',
  home: '/',
  profile: '/profile',
} as const;
