/**
 * What the console tells a developer about a misconfigured server: its own chunk, downloaded only
 * by a page that meets one, so that /login does not carry the text.
 */
import type { PolicyBlock } from './policy-violations';

const warnedOrigins = new Set<string>();

/** One console warning per origin, with what the developer or the site's operator must do. */
export function warnAboutPolicyBlock({ origin, policy }: PolicyBlock): void {
  if (warnedOrigins.has(origin)) return;
  warnedOrigins.add(origin);
  console.warn(
    `Gatehouse: this page's security policy blocks the API at ${origin}. The server sent ` +
      `Content-Security-Policy "${policy}", whose connect-src does not allow ${origin}, the API ` +
      'this build calls: the server’s headers do not match this build. Serve the build with the ' +
      'headers it wrote for itself (dist/_headers and dist/gatehouse-build.json): `npm run ' +
      'preview`, or `node scripts/render-nginx-conf.js --root <dist>` for nginx. See ' +
      'docs/deployment.md.',
  );
}
