/**
 * The HTTP security headers of every response that serves the built app, computed once, when it
 * is built, into the build's own manifest (build-manifest.ts): `vite preview`, deploy/nginx.conf
 * (rendered by scripts/render-nginx-conf.js) and static hosts all send them from there.
 * Not for `vite dev`, whose React refresh needs an inline script.
 */
import { createHash } from 'node:crypto';
import { parseApiUrl } from '../src/config/env-rules.ts';
import { EARLY_SUBMIT_SCRIPT } from '../src/lib/early-submit.ts';

/** The CSP hash of an inline `<script>` or `<style>` element holding exactly `text`. */
export const cspHash = (text: string) =>
  `sha256-${createHash('sha256').update(text).digest('base64')}`;

/**
 * The origin to add to `connect-src` for VITE_API_URL ('' or a path means the app's own origin,
 * covered by 'self'). CSP paths would need an exact match or a trailing slash, so only the origin goes in.
 */
export function apiOrigin(apiUrl: string): string | null {
  const parsed = parseApiUrl(apiUrl);
  if (!parsed.ok) throw new Error(parsed.problem);
  // A path (`/api`) is on the page's own origin, which 'self' covers.
  return parsed.value === '' || parsed.value.startsWith('/') ? null : new URL(parsed.value).origin;
}

/**
 * The Content-Security-Policy value: no eval, no framing, and no inline script or style but the
 * build's own, by hash: the prerendered /login's early submit (src/lib/early-submit.ts), and the
 * stylesheet the prerendered pages inline (`styleHashes`).
 */
export function contentSecurityPolicy(apiUrl: string, styleHashes: readonly string[] = []): string {
  const origin = apiOrigin(apiUrl);
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", `'${cspHash(EARLY_SUBMIT_SCRIPT)}'`],
    ['style-src', "'self'", ...styleHashes.map((hash) => `'${hash}'`)],
    ['img-src', "'self'", 'data:'],
    ['connect-src', "'self'", ...(origin === null ? [] : [origin])],
    // The mock API's service worker (public/mockServiceWorker.js) in a build with the mock on.
    ['worker-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** Header name to value, for every response of the built app (HTML, assets, service worker). */
export function securityHeaders(
  apiUrl: string,
  styleHashes: readonly string[] = [],
): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(apiUrl, styleHashes),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  };
}
