import { useEffect } from 'react';

/**
 * Hands `onValue` the text typed into a prerendered input before the page's script ran: that
 * typing fired no change event React saw. Later text comes through onChange.
 */
export function useTypedBeforeScript(
  readInput: () => HTMLInputElement | null | undefined,
  onValue: ((value: string) => void) | undefined,
): void {
  useEffect(() => {
    const typed = readInput()?.value ?? '';
    if (typed !== '') onValue?.(typed);
    // Once, when the page's script takes over; the callers' functions are new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
