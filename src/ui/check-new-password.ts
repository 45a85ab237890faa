import type { PasswordResetMessages } from '../i18n/en/password-reset';
import type { FieldProblem, NewPasswordField } from './new-password-fields';

/**
 * What must be right before a new password is sent: it is there, and typed the same twice. How
 * strong it is only advises; the server's policy decides.
 */
export function checkNewPassword(
  password: string,
  confirmation: string,
  messages: PasswordResetMessages['newPassword'],
): FieldProblem<NewPasswordField> | null {
  if (password === '') return { field: 'new', text: messages.missing };
  if (confirmation === '') return { field: 'confirmation', text: messages.missingConfirmation };
  if (password !== confirmation) return { field: 'confirmation', text: messages.mismatch };
  return null;
}
