/**
 * Loads the private part of the app (pages, react-query) on demand, so that /login downloads
 * none of it. The login form calls `preloadPrivateApp` on submit, so the code is usually there
 * before the token is, and the guard renders the private page without suspending.
 */
import { use } from 'react';

type PrivateModule = typeof import('../private');

let loaded: PrivateModule | undefined;
let loading: Promise<PrivateModule> | undefined;

export function preloadPrivateApp(): Promise<PrivateModule> {
  loading ??= import('../private').then(
    (module) => {
      loaded = module;
      return module;
    },
    (error: unknown) => {
      // Forget the failure so that the next attempt (a retry, a reload of the route) tries again.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The private module; suspends the first time, until the chunk is loaded. */
export function usePrivateApp(): PrivateModule {
  return loaded ?? use(preloadPrivateApp());
}
