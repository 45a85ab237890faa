/** Werkzeug's own HTML error pages, which Flask sends when no JSON error handler answers. */
import { HttpResponse } from 'msw';

function errorPage(status: number, title: string, description: string, headers = {}) {
  return new HttpResponse(
    `<!doctype html>\n<html lang=en>\n<title>${status} ${title}</title>\n<h1>${title}</h1>\n<p>${description}</p>\n`,
    { status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers } },
  );
}

/** An unhandled exception in a view. */
export function internalServerError() {
  return errorPage(
    500,
    'Internal Server Error',
    'The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.',
  );
}

/** A route the backend does not have. */
export function notFound() {
  return errorPage(
    404,
    'Not Found',
    'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
  );
}

/** A route that exists, asked with a method it does not take. */
export function methodNotAllowed(allowed: readonly string[]) {
  return errorPage(405, 'Method Not Allowed', 'The method is not allowed for the requested URL.', {
    Allow: allowed.join(', '),
  });
}

/** A rate limiter (Flask-Limiter) saying no, with the seconds to wait. */
export function tooManyRequests(retryAfterSeconds: number) {
  return errorPage(
    429,
    'Too Many Requests',
    'This user has exceeded an allotted request count. Try again later.',
    { 'Retry-After': String(Math.round(retryAfterSeconds)) },
  );
}
