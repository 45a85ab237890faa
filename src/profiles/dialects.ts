/**
 * Every dialect by profile name, for vite.config.ts, the tests and the mock. The app itself
 * reaches its dialect through env.dialect, so that a build carries only its own.
 */
import type { ApiProfile } from '../config/env-rules.ts';
import type { ApiDialect } from './api-dialect.ts';
import { fastapi } from './fastapi.ts';
import { flaskJwtExtended } from './flask-jwt-extended.ts';
import { simplejwt } from './simplejwt.ts';

export const DIALECTS: Record<ApiProfile, ApiDialect> = {
  'flask-jwt-extended': flaskJwtExtended,
  fastapi,
  simplejwt,
};
