/**
 * Where to go after login. The target comes from router state or a query parameter, so an
 * attacker can craft it: only a path of this app is accepted, never another origin or scheme.
 */
import { paths } from '../config/paths';

/** Query parameters that links may use to say where to return after login. */
export const REDIRECT_PARAMS = ['next', 'redirectTo', 'returnTo'] as const;

const PROBE_ORIGIN = 'https://gatehouse.invalid';

/** Browsers read `\` as `/` and drop tabs and newlines: `/\evil.example` is `//evil.example`. */
function hasAmbiguousCharacters(value: string): boolean {
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (char === '\\' || code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** The same path, query and hash when `value` is a path of this app; null for anything else. */
export function safeRedirectPath(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (!value.startsWith('/') || value.startsWith('//') || hasAmbiguousCharacters(value))
    return null;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return null;
  }
  // Dot segments can normalise into a leading `//` (`/.//evil.example`): check the result too.
  if (url.origin !== PROBE_ORIGIN || url.pathname.startsWith('//')) return null;
  // The login and sign-up pages would only send a logged-in person on to /.
  if (url.pathname === paths.login || url.pathname === paths.signup) return null;
  return url.pathname + url.search + url.hash;
}

interface LocationLike {
  search: string;
  state: unknown;
}

function stateTarget(state: unknown): unknown {
  if (typeof state !== 'object' || state === null || !('from' in state)) return undefined;
  return state.from;
}

/** Where the login page should send the person once they are logged in. */
export function redirectTargetFrom(location: LocationLike): string {
  const candidates: unknown[] = [stateTarget(location.state)];
  const params = new URLSearchParams(location.search);
  for (const name of REDIRECT_PARAMS) candidates.push(params.get(name));
  for (const candidate of candidates) {
    const safe = safeRedirectPath(candidate);
    if (safe !== null) return safe;
  }
  return paths.home;
}
