import type { CookieSession } from '../backends/api-dialect';
import { env } from './env';

/**
 * The backend's cookie mode, in a build with cookie sessions (vite.config.ts allows no other). A
 * module of its own: the chunks that call it behind COOKIE_SESSIONS take it along, and /login's
 * does not.
 */
export function cookieMode(): CookieSession {
  if (env.cookieSession === null) throw new Error('This build keeps no session in cookies');
  return env.cookieSession;
}
