import { useSyncExternalStore } from 'react';
import {
  getSession,
  getSessionEndReason,
  subscribeToSession,
  subscribeToSessionEndReason,
  type Session,
  type SessionEndReason,
} from './session';

/** The current session, always in step with storage and other tabs. */
export function useSession(): Session {
  return useSyncExternalStore(subscribeToSession, getSession, getSession);
}

export function useSessionEndReason(): SessionEndReason | null {
  return useSyncExternalStore(
    subscribeToSessionEndReason,
    getSessionEndReason,
    getSessionEndReason,
  );
}
