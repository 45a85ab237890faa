/**
 * The proxy that `npm run dev` and `vite preview` set up with VITE_API_PROXY: it forwards the
 * paths of the build's dialect (src/backends), and only those, to the backend, under the
 * build's path prefix when VITE_API_URL is one (`/api`).
 *
 * Pure on purpose: vite.config.ts imports it as well as the tests.
 */
import { dialectPaths, type ApiDialect } from '../backends/api-dialect.ts';

/** What the proxy rule reads of a request: an `http.IncomingMessage`, structurally. */
interface ProxiedRequest {
  url?: string | undefined;
  headers: { accept?: string | undefined };
}

/** One proxy rule, in the shape of Vite's `ProxyOptions`. */
export interface ApiProxyRule {
  target: string;
  changeOrigin: true;
  /** Keeps a request for Vite (by returning its URL) instead of forwarding it. */
  bypass: (request: ProxiedRequest) => string | undefined;
}

/**
 * A page the browser navigates to asks for HTML: `/signup` is both the app's page and the API's
 * route, and the page must stay the app's (the rule create-react-app's proxy follows too).
 */
function keepPageNavigations(request: ProxiedRequest): string | undefined {
  return request.headers.accept?.includes('text/html') ? request.url : undefined;
}

/**
 * The `server.proxy` / `preview.proxy` table that forwards `dialect`'s paths to `target` (an
 * origin).
 * A key starting with `^` is a regular expression for Vite, matched against the path and query:
 * `/token`, `/token?x=1` and `/token/…` go to the backend; `/tokens` or `/token.js` do not.
 * `changeOrigin` sends the backend its own Host, as a direct request would. A page navigation
 * (Accept: text/html) stays with Vite, which serves the app.
 */
export function apiProxyRules(
  target: string,
  dialect: ApiDialect,
  /** The build's VITE_API_URL when it is a path (`/api`): the paths are under it, on both sides. */
  prefix = '',
): Record<string, ApiProxyRule> {
  return Object.fromEntries(
    dialectPaths(dialect).map((path) => [
      `^${(prefix + path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:[/?]|$)`,
      { target, changeOrigin: true, bypass: keepPageNavigations },
    ]),
  );
}
