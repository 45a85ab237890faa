import type { ApiError } from '../../api/api-error';
import { factorRoutes } from '../../api/factor-routes';

/** A refusal, as the dialect reads it; null for a failure that is no answer of the server's. */
const refusalOf = (error: ApiError) =>
  error.kind === 'http' ? { status: error.status ?? 0, serverMessage: error.serverMessage } : null;

/** Whether the backend refused for the reason `check` (one of the dialect's) reads in it. */
export function refusedFor(
  error: ApiError,
  check: 'refusesSetupCode' | 'refusesCurrentPassword',
): boolean {
  const refusal = refusalOf(error);
  return refusal !== null && factorRoutes()[check](refusal);
}

/** A route this server does not have. */
export const isMissingRoute = (error: ApiError) =>
  error.kind === 'http' && (error.status === 404 || error.status === 405);

/** A 400 the backend explained: said in its words, as the rest of the account page does. */
export const explainedRefusal = (error: ApiError): string | null =>
  error.kind === 'http' && error.status === 400 ? (error.serverMessage ?? null) : null;
