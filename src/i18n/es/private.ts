import type { PrivateMessages } from '../en/private';

/** Lo que solo ve quien ha iniciado sesión, en español. */
export const es: PrivateMessages = {
  layout: {
    nav: 'Principal',
    home: 'Inicio',
    profile: 'Perfil',
    account: 'Cuenta',
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
  account: {
    title: 'Cuenta',
    change: {
      title: 'Cambiar la contraseña',
      current: 'Contraseña actual',
      submit: 'Cambiar la contraseña',
      pending: 'Cambiando tu contraseña…',
      done: 'Contraseña cambiada.',
      missingCurrent: 'Escribe tu contraseña actual.',
      wrongCurrent: 'La contraseña actual no es correcta.',
    },
    everywhere: {
      title: 'Cerrar sesión en todas partes',
      intro:
        'Cierra todas las sesiones de esta cuenta, en todos los dispositivos y navegadores, también esta.',
      submit: 'Cerrar sesión en todas partes',
      pending: 'Cerrando sesión en todas partes…',
    },
    unavailable: 'Este servidor no permite cambiar contraseñas.',
  },
};
