import type { SignupMessages } from '../en/signup';

/** La página de registro, en español. Va con el código del registro, no con /login. */
export const es: SignupMessages = {
  title: 'Crear una cuenta',
  intro: {
    username: 'Elige un nombre de usuario y una contraseña.',
    email: 'Escribe tu correo electrónico y elige una contraseña.',
  },
  password: 'Contraseña',
  confirmPassword: 'Confirmar contraseña',
  submit: 'Registrarse',
  pending: 'Creando tu cuenta…',
  missing: { username: 'Elige un nombre de usuario.', email: 'Escribe tu correo electrónico.' },
  invalidEmail: 'Escribe una dirección de correo como nombre@ejemplo.com.',
  missingPassword: 'Elige una contraseña.',
  missingConfirmation: 'Vuelve a escribir la contraseña para confirmarla.',
  mismatch: 'Las dos contraseñas no coinciden. Escribe la misma contraseña dos veces.',
  taken: {
    username: 'Ese nombre de usuario ya existe. Elige otro o inicia sesión.',
    email: 'Ya hay una cuenta con ese correo. Inicia sesión o usa otro correo.',
  },
  refused: (serverMessage: string | undefined) =>
    serverMessage === undefined
      ? 'El servidor no aceptó estos datos. Revísalos y vuelve a intentarlo.'
      : `El servidor no aceptó estos datos: «${serverMessage}».`,
  unavailable: 'Este servidor no permite crear cuentas.',
  unreachable:
    'No se puede contactar con el servicio de registro. Comprueba tu conexión y vuelve a intentarlo; si sigue pasando, puede que este servidor no permita crear cuentas.',
  haveAccount: '¿Ya tienes una cuenta?',
  logIn: 'Iniciar sesión',
};
