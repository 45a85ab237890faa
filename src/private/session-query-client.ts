/**
 * One QueryClient per session. It is created for a user's token and thrown away, with every
 * cached query, the moment the token goes or belongs to someone else: the next user can never see
 * the previous user's data, and a late answer has no cache left to land in. A renewed token of
 * the same user keeps the cache (and the requests in flight).
 */
import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/api-error';
import { decodeJwtClaims } from '../lib/jwt-claims';
import { cookieSessionOwner, getToken, subscribeToToken } from '../auth/token-storage';
import { COOKIE_SESSIONS } from '../config/env';

let client: QueryClient | null = null;
/** Whose session the client caches for: the user (`sub`), so a renewed token keeps the cache. */
let clientOwner: string | null = null;

function ownerOf(token: string): string {
  // A session in cookies names no user the page can read: its CSRF cookie counts logins instead.
  if (COOKIE_SESSIONS) return `cookie session ${cookieSessionOwner() ?? token}`;
  return decodeJwtClaims(token)?.sub ?? token;
}
let sessionRequests = new AbortController();

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!isApiError(error) || failureCount >= 2) return false;
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  return error.kind === 'http' && (error.status ?? 0) >= 500;
}

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Tests assert on the first failure; retries would only make them wait.
        retry: import.meta.env.MODE === 'test' ? false : shouldRetry,
      },
    },
  });
}

/**
 * Lets go of a session's client for good. clear() empties its caches, but what still holds a
 * query lets go of it afterwards (components unmount, aborted fetches settle), and each time the
 * query schedules a garbage-collection timer (gcTime, 5 minutes) that would keep the whole
 * client reachable until it fires. With gcTime Infinity no timer is scheduled, and gcTime only
 * ever grows, so nothing later lowers it again.
 */
function retire(old: QueryClient) {
  const defaults = old.getDefaultOptions();
  old.setDefaultOptions({
    queries: { ...defaults.queries, gcTime: Infinity },
    mutations: { ...defaults.mutations, gcTime: Infinity },
  });
  for (const query of old.getQueryCache().getAll()) {
    query.setOptions({ ...query.options, gcTime: Infinity });
  }
  for (const mutation of old.getMutationCache().getAll()) {
    mutation.setOptions({ ...mutation.options, gcTime: Infinity });
  }
  old.clear();
}

function dropClient() {
  if (client === null) return;
  sessionRequests.abort();
  retire(client);
  client = null;
  clientOwner = null;
}

/**
 * Aborted when the session ends. Queries pass this, not react-query's own signal: consuming that
 * one makes StrictMode's mount, unmount, mount in development cancel and send every request twice.
 */
export function sessionSignal(): AbortSignal {
  return sessionRequests.signal;
}

subscribeToToken(() => {
  const token = getToken();
  if (token === null || ownerOf(token) !== clientOwner) dropClient();
});

export function queryClientFor(token: string): QueryClient {
  if (client !== null && clientOwner === ownerOf(token)) return client;
  dropClient();
  client = createQueryClient();
  clientOwner = ownerOf(token);
  sessionRequests = new AbortController();
  return client;
}
