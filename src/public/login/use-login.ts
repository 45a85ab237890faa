import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { requestToken, type Credentials, type CurrentUser } from '../../api/endpoints';
import { clearSessionEndReason, startSession } from '../../auth/session';
import { getToken } from '../../auth/token-storage';
import { privateApp } from '../../guard/private-app-loader';

export type LoginState =
  { status: 'idle' } | { status: 'pending' } | { status: 'failed'; error: LoginFailure };

/** Why a login failed: what the API said, or a token this browser's clock already sees as expired. */
export type LoginFailure = ApiError | 'token-already-expired';

// A failed download of the private code is shown, with a retry, by the page that needs it.
const ignoreLoadFailure = () => undefined;

/**
 * The one login request. A second submit while one is in flight is ignored, and leaving the page
 * cancels the request, so a late answer cannot log someone in behind their back.
 */
export function useLogin() {
  const [state, setState] = useState<LoginState>({ status: 'idle' });
  const inFlight = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      inFlight.current?.abort();
    },
    [],
  );

  const logIn = useCallback(async (credentials: Credentials) => {
    if (inFlight.current !== null) return;
    const controller = new AbortController();
    inFlight.current = controller;
    setState({ status: 'pending' });
    clearSessionEndReason();
    // Fetch the private pages' code while the server checks the password.
    const privateCode = privateApp.preload();
    privateCode.catch(ignoreLoadFailure);
    try {
      const {
        token,
        userId,
        refreshToken: refresh,
      } = await requestToken(credentials, controller.signal);
      if (controller.signal.aborted) return;
      // A login answer that names the user (the tutorial's user_id) seeds the cache before the
      // token is stored, so the first private render can greet them; the current-user endpoint
      // confirms it. Other answers leave the greeting to that endpoint.
      const user: CurrentUser | null =
        userId === null
          ? null
          : { id: userId, identifier: credentials.identifier, email: null, fullName: null };
      const started = startSession({ token, refreshToken: refresh }, () => {
        const app = privateApp.getState();
        if (user !== null && app.status === 'loaded') app.module.seedSession(token, user);
      });
      if (!started) {
        setState({ status: 'failed', error: 'token-already-expired' });
        return;
      }
      privateCode.then((module) => {
        if (user !== null && getToken() === token) module.seedSession(token, user);
      }, ignoreLoadFailure);
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({
        status: 'failed',
        error: error instanceof ApiError ? error : new ApiError('invalid-response', String(error)),
      });
    } finally {
      if (inFlight.current === controller) inFlight.current = null;
    }
  }, []);

  return { state, logIn };
}
