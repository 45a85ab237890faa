/** The entry of the password reset chunk: both pages, fetched when someone heads for either. */
export { ForgotPasswordPage } from './forgot-password-page';
export { ResetPasswordPage } from './reset-password-page';
