import type { StrengthMessages } from '../en/password-strength';

/** El medidor de seguridad de la contraseña, en español. */
export const es: StrengthMessages = {
  label: 'Seguridad de la contraseña',
  levels: {
    'too-short': 'Demasiado corta',
    weak: 'Débil',
    fair: 'Aceptable',
    strong: 'Fuerte',
  },
  checking: 'Comprobando…',
  tooShort: (minimum) => `Usa al menos ${minimum} caracteres.`,
  onlyDigits: 'Añade letras: una contraseña solo de números es fácil de adivinar.',
  addWords: 'Añade una o dos palabras más; mejor si son poco comunes.',
  unavailable: 'No se pudo comprobar la seguridad de esta contraseña; el servidor la comprobará.',
};
