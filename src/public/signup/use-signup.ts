import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { requestSignup, type Credentials, type CurrentUser } from '../../api/endpoints';

export type SignupState =
  { status: 'idle' } | { status: 'pending' } | { status: 'failed'; error: ApiError };

/**
 * The one sign-up request. A second submit while one is in flight is ignored, and leaving the
 * page cancels it; `onCreated` runs once the server has created the account.
 */
export function useSignup(onCreated: (user: CurrentUser) => void) {
  const [state, setState] = useState<SignupState>({ status: 'idle' });
  const inFlight = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      inFlight.current?.abort();
    },
    [],
  );

  const signUp = useCallback(
    async (credentials: Credentials) => {
      if (inFlight.current !== null) return;
      const controller = new AbortController();
      inFlight.current = controller;
      setState({ status: 'pending' });
      try {
        const user = await requestSignup(credentials, controller.signal);
        if (!controller.signal.aborted) onCreated(user);
      } catch (error) {
        if (controller.signal.aborted) return;
        setState({
          status: 'failed',
          error:
            error instanceof ApiError ? error : new ApiError('invalid-response', String(error)),
        });
      } finally {
        if (inFlight.current === controller) inFlight.current = null;
      }
    },
    [onCreated],
  );

  return { state, signUp };
}
