/**
 * The backend's paths, from the tutorial: `POST /token`, `GET /protected`, and `/refresh` for a
 * backend that adds refresh tokens. One list for the app's endpoint code and for the proxy that
 * `npm run dev` and `vite preview` set up with VITE_API_PROXY: a path missing here would reach
 * Vite instead of the backend.
 *
 * Pure on purpose: vite.config.ts imports it as well as the app.
 */
export const API_PATHS = {
  token: '/token',
  protected: '/protected',
  refresh: '/refresh',
} as const;

export type ApiPath = (typeof API_PATHS)[keyof typeof API_PATHS];

/** One proxy rule, in the shape of Vite's `ProxyOptions`. */
export interface ApiProxyRule {
  target: string;
  changeOrigin: true;
}

/**
 * The `server.proxy` / `preview.proxy` table that forwards every API path to `target` (an origin).
 * A key starting with `^` is a regular expression for Vite, matched against the path and query:
 * `/token`, `/token?x=1` and `/token/…` go to the backend; `/tokens` or `/token.js` do not.
 * `changeOrigin` sends the backend its own Host, as a direct request would.
 */
export function apiProxyRules(target: string): Record<string, ApiProxyRule> {
  return Object.fromEntries(
    Object.values(API_PATHS).map((path) => [
      `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:[/?]|$)`,
      { target, changeOrigin: true },
    ]),
  );
}
