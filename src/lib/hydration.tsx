import { createContext, useContext, useLayoutEffect, useState, type ReactNode } from 'react';

// A page rendered in the browser from scratch is the script's from the start.
const HydratedContext = createContext(true);

/**
 * Around a tree the build prerenders and the browser then hydrates: false in the HTML and during
 * hydration, true in the same task as hydration's commit. A layout effect's update is rendered
 * before the task ends; a passive effect's (useSyncExternalStore's check of a server snapshot)
 * would wait for another task after it.
 */
export function HydrationBoundary({ children }: { children: ReactNode }) {
  const [hydrated, setHydrated] = useState(false);
  useLayoutEffect(() => {
    // This state exists to change once, when hydration commits; the rule's remedy, deriving it
    // during render, cannot tell that hydration is over.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setHydrated(true);
  }, []);
  return <HydratedContext value={hydrated}>{children}</HydratedContext>;
}

/** Whether the page's script has taken over the HTML under a HydrationBoundary. */
export function useHydrated(): boolean {
  return useContext(HydratedContext);
}
