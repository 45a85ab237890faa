import { useEffect, useSyncExternalStore } from 'react';
import { getPrivateAppState, preloadPrivateApp, subscribeToPrivateApp } from './private-app-loader';

/** The private code's loading state; starts the download if nobody has yet. */
export function usePrivateApp() {
  const state = useSyncExternalStore(subscribeToPrivateApp, getPrivateAppState);
  const idle = state.status === 'idle';
  useEffect(() => {
    if (idle) {
      preloadPrivateApp().catch(() => {
        // The failed state is rendered by the caller, with a way to retry.
      });
    }
  }, [idle]);
  return state;
}
