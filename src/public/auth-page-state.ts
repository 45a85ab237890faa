/**
 * What /login and /signup hand each other in history state: the page to return to after login
 * (the guard's `from`, checked again by redirect-target.ts when used) and the username or email
 * of an account just created. History state, never the URL: it is not shared in links or logs.
 */
export interface AuthPageState {
  from?: string;
  signedUp?: string;
}

export function readAuthPageState(state: unknown): AuthPageState {
  if (typeof state !== 'object' || state === null) return {};
  const { from, signedUp } = state as Record<string, unknown>;
  return {
    ...(typeof from === 'string' ? { from } : {}),
    ...(typeof signedUp === 'string' ? { signedUp } : {}),
  };
}
