/**
 * Each framework's answer to an exception no view catches: what the mock sends for a crash, and
 * for the panel's injected server error.
 */
import { HttpResponse } from 'msw';
import type { ApiProfile } from '../config/env-rules';
import { internalServerError } from './flask-error-pages';

/** Starlette's (FastAPI's). */
export const starletteServerError = () =>
  new HttpResponse('Internal Server Error', {
    status: 500,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });

/** Django's page with DEBUG off. */
export const djangoServerError = () =>
  new HttpResponse(
    '\n<!doctype html>\n<html lang="en">\n<head>\n  <title>Server Error (500)</title>\n</head>\n' +
      '<body>\n  <h1>Server Error (500)</h1><p></p>\n</body>\n</html>\n',
    { status: 500, headers: { 'Content-Type': 'text/html' } },
  );

export const SERVER_ERRORS: Record<ApiProfile, () => Response> = {
  'flask-jwt-extended': internalServerError,
  fastapi: starletteServerError,
  simplejwt: djangoServerError,
};
