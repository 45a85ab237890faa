import { useEffect, useSyncExternalStore } from 'react';
import type { ModuleLoader, ModuleState } from './module-loader';

/** The chunk's loading state; starts the download if nobody has yet. */
export function useModule<M>(loader: ModuleLoader<M>): ModuleState<M> {
  const state = useSyncExternalStore(loader.subscribe, loader.getState, loader.getState);
  const idle = state.status === 'idle';
  useEffect(() => {
    // A failure is rendered by the caller, with a way to retry.
    if (idle) loader.prefetch();
  }, [idle, loader]);
  return state;
}
