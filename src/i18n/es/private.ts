import type { PrivateMessages } from '../en/private';

/** Lo que solo ve quien ha iniciado sesión, en español. */
export const es: PrivateMessages = {
  layout: {
    nav: 'Principal',
    home: 'Inicio',
    profile: 'Perfil',
    logout: 'Cerrar sesión',
    signedInAs: 'Sesión iniciada como',
  },
  home: {
    greeting: (name: string) => `¡Hola, ${name}!`,
    intro: 'Has iniciado sesión. Aquí tienes tus páginas privadas.',
    expiresAt: (time: string) => `Tu sesión caduca a las ${time}.`,
    viewProfile: 'Ver tu perfil',
  },
  profile: {
    title: 'Perfil',
    id: 'ID',
    username: 'Usuario',
    email: 'Correo electrónico',
    fullName: 'Nombre completo',
  },
};
