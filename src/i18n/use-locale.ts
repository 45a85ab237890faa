import { useSyncExternalStore } from 'react';
import { getLocale, subscribeToLocale, type Locale } from './locale';

export function useLocale(): Locale {
  return useSyncExternalStore(subscribeToLocale, getLocale, getLocale);
}
