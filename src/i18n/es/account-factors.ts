import type { AccountFactorMessages } from '../en/account-factors';

/** La verificación en dos pasos y las llaves de acceso de la página de la cuenta, en español. */
export const es: AccountFactorMessages = {
  twoFactor: {
    title: 'Verificación en dos pasos',
    intro:
      'Si está activada, al iniciar sesión se te pide, además de la contraseña, un código de una aplicación de autenticación.',
    status: 'Estado',
    on: 'Activada',
    off: 'Desactivada',
    codesLeft: (count: number) =>
      count === 0
        ? 'No te quedan códigos de recuperación.'
        : count === 1
          ? 'Te queda 1 código de recuperación.'
          : `Te quedan ${count} códigos de recuperación.`,
    noCodesHint:
      'Para obtener códigos de recuperación nuevos, desactiva la verificación en dos pasos y vuelve a activarla.',
    setUp: 'Configurar la verificación en dos pasos',
    settingUp: 'Iniciando la configuración…',
    alreadyOn: 'La verificación en dos pasos ya estaba activada, quizá desde otra pestaña.',
    unavailable: 'Este servidor no ofrece la verificación en dos pasos.',
    setup: {
      title: 'Configura tu aplicación de autenticación',
      scan: 'Escanea este código QR con tu aplicación de autenticación o escribe en ella la clave de configuración.',
      qrAlt: 'Código QR para tu aplicación de autenticación',
      qrFailed:
        'No se ha podido cargar el código QR. Escribe la clave de configuración o vuelve a intentarlo.',
      key: 'Clave de configuración',
      codeIntro: 'Después, escribe el código de 6 cifras que muestra la aplicación.',
      code: 'Código de autenticación',
      submit: 'Activar',
      pending: 'Activando la verificación en dos pasos…',
      cancel: 'Cancelar',
      missingCode: 'Escribe el código de 6 cifras de tu aplicación de autenticación.',
      malformedCode:
        'Un código de autenticación tiene 6 cifras. Comprueba tu aplicación de autenticación.',
      wrongCode: 'Ese código no es válido. Escribe el que muestra ahora tu aplicación.',
    },
    codes: {
      title: 'Guarda tus códigos de recuperación',
      intro:
        'La verificación en dos pasos está activada. Si pierdes tu aplicación de autenticación, cada uno de estos códigos te permite iniciar sesión una vez. Guárdalos en un lugar seguro: solo se muestran esta vez.',
      list: 'Códigos de recuperación',
      copy: 'Copiar los códigos',
      copied: 'Copiados.',
      copyFailed:
        'No se han podido copiar los códigos. Selecciónalos y cópialos tú, o descárgalos.',
      download: 'Descargar los códigos',
      done: 'Hecho',
    },
    turnOff: {
      open: 'Desactivar la verificación en dos pasos',
      intro: 'Escribe tu contraseña para desactivar la verificación en dos pasos.',
      password: 'Contraseña actual',
      submit: 'Desactivar',
      pending: 'Desactivando la verificación en dos pasos…',
      cancel: 'Cancelar',
      missingPassword: 'Escribe tu contraseña actual.',
      wrongPassword: 'La contraseña actual no es correcta.',
      done: 'La verificación en dos pasos está desactivada.',
    },
  },
  passkeys: {
    title: 'Llaves de acceso',
    intro:
      'Una llave de acceso te permite iniciar sesión con tu huella, tu cara o el bloqueo de pantalla en lugar de con la contraseña.',
    list: 'Tus llaves de acceso',
    none: 'Todavía no tienes llaves de acceso.',
    added: 'Añadida',
    lastUsed: 'Último uso',
    neverUsed: 'Nunca se ha usado',
    remove: 'Quitar',
    removeLabel: (name: string) => `Quitar ${name}`,
    removing: (name: string) => `Quitando ${name}…`,
    removed: (name: string) => `Se ha quitado la llave de acceso «${name}».`,
    alreadyRemoved: (name: string) => `La llave de acceso «${name}» ya se había quitado.`,
    name: 'Nombre de la llave de acceso',
    nameHint: 'Un nombre para distinguir tus llaves de acceso, como «Portátil del trabajo».',
    missingName: 'Ponle un nombre a la llave de acceso.',
    longName: (max: number) =>
      `El nombre de una llave de acceso puede tener como mucho ${max} caracteres.`,
    add: 'Añadir una llave de acceso',
    adding: 'Esperando a tu llave de acceso…',
    addedOne: (name: string) => `Se ha añadido la llave de acceso «${name}».`,
    alreadyRegistered: 'Este dispositivo ya tiene una llave de acceso de tu cuenta.',
    ceremonyFailed:
      'Tu navegador no ha podido crear la llave de acceso. Vuelve a intentarlo o usa otro dispositivo.',
    unsupported: 'Este navegador no admite llaves de acceso.',
    unavailable: 'Este servidor no ofrece llaves de acceso.',
  },
};
