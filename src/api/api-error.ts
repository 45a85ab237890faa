export type ApiErrorKind =
  /** The server answered with a status outside 2xx. */
  | 'http'
  /** No answer at all: offline, DNS, refused connection, CORS. */
  | 'network'
  /** The page's own security policy (connect-src) refused to send the request. */
  | 'blocked-by-policy'
  /** No answer within the time limit. */
  | 'timeout'
  /** The caller cancelled the request (navigation, logout). */
  | 'aborted'
  /** An answer we cannot use: not JSON, or JSON of the wrong shape. */
  | 'invalid-response';

interface ApiErrorDetails {
  status?: number;
  serverMessage?: string | undefined;
  serverCode?: string | undefined;
  retryAfterSeconds?: number;
  blockedOrigin?: string;
  cause?: unknown;
}

/** The only error the API client throws, so the UI can tell the person what happened. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  /** The backend's message (`msg`, `detail`: the dialect says which), when it sent one. */
  readonly serverMessage: string | undefined;
  /** A machine-readable reason, from frameworks that send one (SimpleJWT's `code`). */
  readonly serverCode: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** The API origin the page's security policy blocked (`blocked-by-policy`). */
  readonly blockedOrigin: string | undefined;

  constructor(kind: ApiErrorKind, message: string, details: ApiErrorDetails = {}) {
    super(message, { cause: details.cause });
    this.name = 'ApiError';
    this.kind = kind;
    this.status = details.status;
    this.serverMessage = details.serverMessage;
    this.serverCode = details.serverCode;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.blockedOrigin = details.blockedOrigin;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
