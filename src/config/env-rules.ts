/**
 * The rules for the environment variables, shared by vite.config.ts (which refuses to start or
 * build with a bad value) and the app (which reads the values Vite baked in).
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** VITE_API_URL: an http(s) origin with an optional path prefix; '' means the app's own origin. */
export function parseApiUrl(raw: string | undefined): Parsed<string> {
  const value = (raw ?? '').trim();
  if (value === '') return { ok: true, value: '' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return {
      ok: false,
      problem: `VITE_API_URL must be an absolute URL such as http://127.0.0.1:5000, got "${value}".`,
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, problem: `VITE_API_URL must use http or https, got "${value}".` };
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    return {
      ok: false,
      problem: `VITE_API_URL must be an origin with an optional path, and nothing else, got "${value}".`,
    };
  }
  return { ok: true, value: (url.origin + url.pathname).replace(/\/+$/, '') };
}

/** VITE_API_MOCKING: on by default in the dev server, off by default in a build. */
export function parseMockingFlag(raw: string | undefined, devServer: boolean): Parsed<boolean> {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '') return { ok: true, value: devServer };
  if (value === 'true' || value === 'false') return { ok: true, value: value === 'true' };
  return { ok: false, problem: `VITE_API_MOCKING must be "true" or "false", got "${raw ?? ''}".` };
}
