import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';

export type ApiActionState<R> =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'done'; result: R }
  | { status: 'failed'; error: ApiError };

/**
 * One request a form sends: a second submit while it is in flight is ignored, leaving the page
 * cancels it, and the state says how it went. `onDone` runs once the server has said yes.
 */
export function useApiAction<A extends unknown[], R>(
  send: (signal: AbortSignal, ...args: A) => Promise<R>,
  onDone?: (result: R) => void,
) {
  const [state, setState] = useState<ApiActionState<R>>({ status: 'idle' });
  const inFlight = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      inFlight.current?.abort();
    },
    [],
  );

  const run = useCallback(
    async (...args: A) => {
      if (inFlight.current !== null) return;
      const controller = new AbortController();
      inFlight.current = controller;
      setState({ status: 'pending' });
      try {
        const result = await send(controller.signal, ...args);
        if (controller.signal.aborted) return;
        setState({ status: 'done', result });
        onDone?.(result);
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
    [send, onDone],
  );

  const reset = useCallback(() => {
    setState({ status: 'idle' });
  }, []);

  return { state, run, reset };
}
