/**
 * The listeners to one localStorage key: told about changes made in this tab (`notify`) and in
 * other tabs (the window `storage` event, attached only while anyone listens).
 */
export function createStorageSubscription(key: string, onOtherTabChange: () => void) {
  const listeners = new Set<() => void>();
  const onStorage = (event: StorageEvent) => {
    // key is null when another tab called localStorage.clear().
    if (event.key === key || event.key === null) onOtherTabChange();
  };
  return {
    notify: () => {
      for (const listener of [...listeners]) listener();
    },
    subscribe: (listener: () => void) => {
      if (listeners.size === 0) window.addEventListener('storage', onStorage);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) window.removeEventListener('storage', onStorage);
      };
    },
  };
}
