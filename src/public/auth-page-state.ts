/**
 * What /login, /signup and /reset-password hand each other in history state: the page to return
 * to after login (the guard's `from`, checked again by redirect-target.ts when used), the username
 * or email of an account just created, and whether a password reset just succeeded. History
 * state, never the URL: it is not shared in links or logs.
 */
export interface AuthPageState {
  from?: string;
  signedUp?: string;
  passwordChanged?: boolean;
}

export function readAuthPageState(state: unknown): AuthPageState {
  if (typeof state !== 'object' || state === null) return {};
  const { from, signedUp, passwordChanged } = state as Record<string, unknown>;
  return {
    ...(typeof from === 'string' ? { from } : {}),
    ...(typeof signedUp === 'string' ? { signedUp } : {}),
    ...(passwordChanged === true ? { passwordChanged } : {}),
  };
}
