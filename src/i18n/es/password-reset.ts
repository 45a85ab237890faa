import type { PasswordResetMessages } from '../en/password-reset';

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/** Las páginas para recuperar y restablecer la contraseña, en español. */
export const es: PasswordResetMessages = {
  forgot: {
    title: 'Restablecer la contraseña',
    intro: {
      username:
        'Escribe tu nombre de usuario. Si tiene una cuenta con correo, le enviamos un enlace para elegir una nueva contraseña.',
      email:
        'Escribe tu correo electrónico y te enviamos un enlace para elegir una nueva contraseña.',
    },
    submit: 'Enviar enlace',
    pending: 'Enviando el enlace…',
    sent: 'Si hay una cuenta con esos datos, le enviamos un enlace para restablecer la contraseña.',
    missing: { username: 'Escribe tu nombre de usuario.', email: 'Escribe tu correo electrónico.' },
    tooMany: (seconds) =>
      seconds === undefined
        ? 'Se pidieron demasiados enlaces para esta cuenta. Vuelve a intentarlo más tarde.'
        : `Se pidieron demasiados enlaces para esta cuenta. Vuelve a intentarlo dentro de ${minutes(seconds)} minuto${minutes(seconds) === 1 ? '' : 's'}.`,
  },
  reset: {
    title: 'Elige una nueva contraseña',
    intro:
      'Elige una nueva contraseña para tu cuenta. Sustituye a la anterior en todos los dispositivos.',
    newPassword: 'Nueva contraseña',
    confirmPassword: 'Confirmar nueva contraseña',
    submit: 'Guardar nueva contraseña',
    pending: 'Guardando tu nueva contraseña…',
    invalidLink: 'Este enlace para restablecer la contraseña no es válido o ha caducado.',
    requestNew: 'Pedir un enlace nuevo',
    refused: 'El servidor no aceptó esta contraseña.',
  },
  newPassword: {
    missing: 'Elige una nueva contraseña.',
    missingConfirmation: 'Vuelve a escribir la nueva contraseña para confirmarla.',
    mismatch: 'Las dos contraseñas no coinciden. Escribe la misma contraseña dos veces.',
  },
  unavailable: 'Este servidor no permite restablecer contraseñas.',
  unreachable:
    'No se puede contactar con el servicio para restablecer contraseñas. Comprueba tu conexión y vuelve a intentarlo; si sigue pasando, puede que este servidor no lo ofrezca.',
  backToLogin: 'Volver a iniciar sesión',
};
