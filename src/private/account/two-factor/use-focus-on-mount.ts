import { useEffect, useRef } from 'react';

/**
 * A ref for the heading of a step that replaced the control the person just used: focus moves
 * there, so that keyboard and screen reader users carry on from the new step.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
