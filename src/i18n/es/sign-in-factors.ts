import type { SignInFactorMessages } from '../en/sign-in-factors';

/** El segundo paso del inicio de sesión y el acceso con llave de acceso, en español. */
export const es: SignInFactorMessages = {
  secondStep: {
    title: 'Verificación en dos pasos',
    intro: 'Escribe el código de 6 dígitos de tu aplicación de autenticación.',
    recoveryIntro:
      'Escribe uno de los códigos de recuperación que guardaste al activar la verificación en dos pasos.',
    code: 'Código de autenticación',
    recoveryCode: 'Código de recuperación',
    submit: 'Verificar',
    pending: 'Verificando…',
    useRecoveryCode: 'Usar un código de recuperación',
    useCode: 'Usar un código de autenticación',
    back: 'Volver al inicio de sesión',
    missingCode: 'Escribe el código de 6 dígitos de tu aplicación de autenticación.',
    missingRecoveryCode: 'Escribe uno de tus códigos de recuperación.',
    malformedCode: 'Un código de autenticación tiene 6 dígitos. Revisa tu aplicación.',
    wrongCode: 'Ese código no funcionó. Escribe el código que muestra tu aplicación ahora.',
    wrongRecoveryCode: 'Ese código de recuperación no funcionó. Cada código sirve una sola vez.',
    timedOut: 'El paso de verificación caducó. Vuelve a iniciar sesión.',
    tooMany: 'Demasiados códigos incorrectos. Vuelve a iniciar sesión.',
  },
  passkey: {
    signIn: 'Iniciar sesión con una llave de acceso',
    pending: 'Esperando tu llave de acceso…',
    notRecognised:
      'Esta llave de acceso no está registrada aquí. Inicia sesión con tu contraseña o elige otra llave.',
    expired: 'El inicio de sesión con llave de acceso tardó demasiado. Inténtalo de nuevo.',
  },
};
