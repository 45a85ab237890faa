/**
 * A code chunk downloaded on demand, whose state React can follow. Not React.lazy: a Suspense
 * fallback holds the new content back for React's ~300 ms reveal throttle; callers render their
 * own spinner and swap without delay.
 */
export type ModuleState<M> =
  | { status: 'idle' | 'loading' }
  | { status: 'loaded'; module: M }
  | { status: 'failed'; error: unknown };

export interface ModuleLoader<M> {
  getState: () => ModuleState<M>;
  subscribe: (listener: () => void) => () => void;
  /** Starts the download once; after a failure, the next call downloads again. */
  preload: () => Promise<M>;
  /**
   * Starts the download without waiting for it: a failure is in the state, for whoever renders
   * it, and the next call downloads again.
   */
  prefetch: () => void;
}

export function createModuleLoader<M>(load: () => Promise<M>): ModuleLoader<M> {
  let state: ModuleState<M> = { status: 'idle' };
  let loading: Promise<M> | undefined;
  const listeners = new Set<() => void>();

  const setState = (next: ModuleState<M>) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };

  const preload = () => {
    if (loading) return loading;
    setState({ status: 'loading' });
    loading = load().then(
      (module) => {
        setState({ status: 'loaded', module });
        return module;
      },
      (error: unknown) => {
        loading = undefined;
        setState({ status: 'failed', error });
        throw error;
      },
    );
    return loading;
  };

  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    preload,
    prefetch: () => {
      preload().catch(() => undefined);
    },
  };
}
