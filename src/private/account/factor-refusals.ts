import type { ApiError } from '../../api/api-error';

/**
 * The refusals the account page says under a field rather than as the server worded them: the
 * backend's 400s, told apart by its message, since both routes answer other 400s too.
 */
const refusedWith = (error: ApiError, message: string) =>
  error.kind === 'http' && error.status === 400 && error.serverMessage === message;

/** POST /2fa/enable: the code does not match the secret being set up. */
export const isWrongCode = (error: ApiError) => refusedWith(error, 'Invalid code');

/** POST /2fa/disable: the password is not the person's. */
export const isWrongPassword = (error: ApiError) =>
  refusedWith(error, 'Current password is incorrect');

/** A route this server does not have. */
export const isMissingRoute = (error: ApiError) =>
  error.kind === 'http' && (error.status === 404 || error.status === 405);

/** A 400 the backend explained: said in its words, as the rest of the account page does. */
export const explainedRefusal = (error: ApiError): string | null =>
  error.kind === 'http' && error.status === 400 ? (error.serverMessage ?? null) : null;
