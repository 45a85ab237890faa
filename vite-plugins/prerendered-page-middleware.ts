/**
 * Serves /login and /signup from the files the build prerendered, in the reader's language: the
 * choice in their cookie, else their browser's Accept-Language (src/prerender/public-pages.ts).
 * A build without them (or a path without one) falls through to the app's shell.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import {
  isPrerenderedPath,
  negotiateLocale,
  prerenderedFile,
} from '../src/config/prerendered-pages.ts';

export function prerenderedPageMiddleware(outDir: string) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    if (!isPrerenderedPath(pathname) || (method !== 'GET' && method !== 'HEAD')) {
      next();
      return;
    }
    const locale = negotiateLocale(request.headers.cookie, request.headers['accept-language']);
    const file = join(outDir, prerenderedFile(pathname, locale));
    if (!existsSync(file)) {
      next();
      return;
    }
    const html = readFileSync(file);
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    // Caches must keep one copy per language.
    response.setHeader('Vary', 'Accept-Language, Cookie');
    response.setHeader('Content-Length', html.length);
    response.end(method === 'HEAD' ? undefined : html);
  };
}
