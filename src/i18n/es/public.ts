import type { Messages } from '../en/public';

/** Lo que ve cualquiera, con o sin sesión, en español. */
export const es: Messages = {
  appName: 'Gatehouse',
  loading: 'Cargando…',
  language: 'Idioma',
  login: {
    title: 'Iniciar sesión',
    intro: 'Hola de nuevo. Inicia sesión para continuar.',
    username: 'Usuario',
    email: 'Correo electrónico',
    password: 'Contraseña',
    submit: 'Entrar',
    pending: 'Iniciando sesión…',
    missing: {
      username: 'Escribe tu nombre de usuario.',
      email: 'Escribe tu correo electrónico.',
    },
    missingPassword: 'Escribe tu contraseña.',
    badCredentials: {
      username: 'El usuario o la contraseña no son correctos. Revísalos y vuelve a intentarlo.',
      email: 'El correo o la contraseña no son correctos. Revísalos y vuelve a intentarlo.',
    },
    badRequest: {
      username: 'El servidor no pudo leer estos datos. Revisa tu usuario y tu contraseña.',
      email: 'El servidor no pudo leer estos datos. Revisa tu correo y tu contraseña.',
    },
    passwordChanged: 'Contraseña cambiada. Inicia sesión con tu nueva contraseña.',
    forgotPassword: '¿Olvidaste tu contraseña?',
    accountCreated: 'Cuenta creada. Inicia sesión con tu nueva contraseña.',
    noAccount: '¿Eres nuevo?',
    createAccount: 'Crear una cuenta',
    tokenAlreadyExpired:
      'Según el reloj de este dispositivo, la sesión que envió el servidor ya ha caducado. Revisa la fecha y la hora y vuelve a intentarlo.',
    cookiesUnreadable:
      'El servidor aceptó el inicio de sesión, pero su cookie de sesión no llegó a esta página: la app y su API deben estar en el mismo sitio.',
  },
  passwordField: {
    show: 'Mostrar contraseña',
    hide: 'Ocultar contraseña',
    capsLock: 'Bloq Mayús está activado',
  },
  sessionEnded: {
    everywhere: 'Se cerró tu sesión en todos los dispositivos.',
    expired: 'Tu sesión ha caducado. Vuelve a iniciar sesión.',
    invalid: 'Tu sesión ya no es válida. Vuelve a iniciar sesión.',
    revoked: 'El servidor ha cerrado tu sesión. Vuelve a iniciar sesión.',
    disabled: 'Esta cuenta está desactivada. Contacta con el administrador del sitio.',
    'other-tab': 'Has cerrado la sesión en otra pestaña.',
    logout: 'Has cerrado la sesión.',
  },
  errors: {
    network: 'No hay conexión con el servidor. Comprueba tu conexión y vuelve a intentarlo.',
    blockedByPolicy: (origin: string) =>
      `La política de seguridad de esta página bloquea la API en ${origin}: las cabeceras del servidor no corresponden a esta versión de la aplicación. Reintentar no servirá; quien administra el sitio debe publicar las cabeceras que escribió la compilación.`,
    timeout: 'El servidor ha tardado demasiado en responder. Vuelve a intentarlo.',
    server: (status: number) =>
      `El servidor ha tenido un problema (error ${status}). Vuelve a intentarlo en un momento.`,
    rateLimited: (seconds: number | undefined) =>
      seconds === undefined
        ? 'Demasiados intentos. Espera un momento y vuelve a intentarlo.'
        : `Demasiados intentos. Vuelve a intentarlo dentro de ${seconds} segundo${seconds === 1 ? '' : 's'}.`,
    invalidResponse:
      'El servidor ha enviado una respuesta que no entendemos. Vuelve a intentarlo más tarde.',
    unexpected: (status: number) =>
      `No se pudo completar la petición (error ${status}). Vuelve a intentarlo.`,
    cancelled: 'Se canceló la petición.',
    loadFailed: 'No se pudo cargar.',
    retry: 'Reintentar',
  },
  notFound: {
    title: 'Página no encontrada',
    body: 'No hay ninguna página en esta dirección.',
    home: 'Ir a la página de inicio',
  },
  crash: {
    title: 'Algo ha salido mal',
    body: 'Esta página ha tenido un error inesperado. Suele arreglarse al recargarla.',
    reload: 'Recargar la página',
    home: 'Ir a la página de inicio',
  },
};
