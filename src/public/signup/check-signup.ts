import { EMAIL_SHAPE } from '../../lib/email-shape';
import type { LoginIdentifier } from '../../backends/vocabulary';
import type { SignupMessages } from '../../i18n/en/signup';

/** Where a problem is shown and where the focus goes: a field, or the form's alert (null). */
export type SignupField = 'identifier' | 'password' | 'confirmation';

export interface SignupProblem {
  text: string;
  field: SignupField | null;
}

export interface SignupValues {
  identifier: string;
  password: string;
  confirmation: string;
}

/** The first thing to fix before the form may be sent, or null. Nothing is trimmed. */
export function checkSignup(
  { identifier, password, confirmation }: SignupValues,
  kind: LoginIdentifier,
  messages: SignupMessages,
): SignupProblem | null {
  if (identifier === '') return { text: messages.missing[kind], field: 'identifier' };
  if (kind === 'email' && !EMAIL_SHAPE.test(identifier)) {
    return { text: messages.invalidEmail, field: 'identifier' };
  }
  if (password === '') return { text: messages.missingPassword, field: 'password' };
  if (confirmation === '') return { text: messages.missingConfirmation, field: 'confirmation' };
  if (confirmation !== password) return { text: messages.mismatch, field: 'confirmation' };
  return null;
}
