/**
 * Loads the private part of the app (pages, react-query) on demand, so that /login downloads
 * none of it. The login form starts the download on submit, so the code is usually there before
 * the token is. Not React.lazy: a Suspense fallback would hold the private page back for React's
 * ~300 ms reveal throttle; the guard renders a spinner itself and swaps without delay.
 */
type PrivateModule = typeof import('../private');

export type PrivateAppState =
  | { status: 'idle' | 'loading' }
  | { status: 'loaded'; module: PrivateModule }
  | { status: 'failed'; error: unknown };

let state: PrivateAppState = { status: 'idle' };
let loading: Promise<PrivateModule> | undefined;
const listeners = new Set<() => void>();

function setState(next: PrivateAppState) {
  state = next;
  for (const listener of [...listeners]) listener();
}

export function getPrivateAppState(): PrivateAppState {
  return state;
}

export function subscribeToPrivateApp(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function preloadPrivateApp(): Promise<PrivateModule> {
  if (loading) return loading;
  setState({ status: 'loading' });
  loading = import('../private').then(
    (module) => {
      setState({ status: 'loaded', module });
      return module;
    },
    (error: unknown) => {
      // Forget the failure so that a retry downloads again.
      loading = undefined;
      setState({ status: 'failed', error });
      throw error;
    },
  );
  return loading;
}
