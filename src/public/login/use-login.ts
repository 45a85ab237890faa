import { useCallback, useEffect, useRef, useState } from 'react';
import type { Credentials } from '../../api/endpoints';
import type { Messages } from '../../i18n/messages';
import type { LoginProblem } from './describe-login-failure';
import { loginRequest } from './login-request-loader';

export type LoginState =
  | { status: 'idle' }
  | { status: 'pending' }
  /** `describe` says what went wrong in the language the page is in when it renders. */
  | { status: 'failed'; describe: (messages: Messages) => LoginProblem }
  /** The password was right; the account asks for a code too. */
  | { status: 'second-step'; mfaToken: string; identifier: string | null };

const codeNotDownloaded = (messages: Messages): LoginProblem => ({
  text: messages.errors.network,
  focus: 'alert',
});

/**
 * The one login request. A second submit while one is in flight is ignored, and leaving the page
 * cancels the request, so a late answer cannot log someone in behind their back. `settle` takes
 * the outcome of a login made another way (a passkey), or goes back from the second step.
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
    try {
      const outcome = await loginRequest.preload().then(
        (request) => request.requestLogin(credentials, controller.signal),
        // The login code itself did not arrive: as far as anyone can tell, the network is down.
        () =>
          controller.signal.aborted
            ? null
            : { status: 'failed' as const, describe: codeNotDownloaded },
      );
      if (outcome !== null) setState(outcome);
    } finally {
      if (inFlight.current === controller) inFlight.current = null;
    }
  }, []);

  return { state, logIn, settle: setState };
}
