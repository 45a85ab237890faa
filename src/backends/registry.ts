/**
 * Every dialect by profile name, for vite.config.ts, the tests and the mock. The app itself
 * reaches its dialect through env.dialect, so that a build carries only its own.
 */
import type { ApiProfile } from '../backends/vocabulary.ts';
import type { ApiDialect, CookieSession } from './api-dialect.ts';
import { fastapi } from './fastapi/dialect.ts';
import { flaskCookieSession } from './flask-jwt-extended/cookie-session.ts';
import { flaskJwtExtended } from './flask-jwt-extended/dialect.ts';
import { simplejwt } from './simplejwt/dialect.ts';

export const DIALECTS: Record<ApiProfile, ApiDialect> = {
  'flask-jwt-extended': flaskJwtExtended,
  fastapi,
  simplejwt,
};

/** The frameworks' cookie modes (VITE_TOKEN_STORAGE=cookie); null where a framework has none. */
export const COOKIE_MODES: Record<ApiProfile, CookieSession | null> = {
  'flask-jwt-extended': flaskCookieSession,
  fastapi: null,
  simplejwt: null,
};
