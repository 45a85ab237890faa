import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  startAuthentication,
  WebAuthnAbortService,
} from '@simplewebauthn/browser';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { ApiError } from '../../../api/api-error';
import { describeApiError } from '../../../api/describe-api-error';
import { beginPasskeyLogin, completePasskeyLogin } from '../../../api/passkey-endpoints';
import { clearSessionEndReason } from '../../../auth/session';
import { useMessages } from '../../../i18n/messages';
import { useSignInFactorMessages } from '../../../i18n/sign-in-factor-messages';
import { isCalledOff, passkeysWorkAt } from '../../../lib/passkey-ceremony';
import { settleLogin, type LoginOutcome } from '../login-request';
import type { LoginState } from '../use-login';

type Problem = 'not-recognised' | 'expired' | ApiError | Error;

function problemOf(error: unknown): Problem {
  if (!(error instanceof ApiError)) return new ApiError('invalid-response', String(error));
  if (error.kind === 'http' && error.status === 401) return 'not-recognised';
  if (error.kind === 'http' && error.status === 400) return 'expired';
  return error;
}

/**
 * One passkey sign-in: the server's challenge, the browser's ceremony, the server's verdict.
 * `autofill` waits for the person to pick a passkey among the identifier field's suggestions, and
 * keeps quiet about a challenge that could not be fetched: nobody asked for anything yet.
 * Resolves null when the ceremony was called off.
 */
async function signInWithPasskey(autofill: boolean): Promise<LoginOutcome | Problem | null> {
  let started;
  try {
    started = await beginPasskeyLogin();
  } catch (error) {
    return autofill ? null : problemOf(error);
  }
  const { options, state } = started;
  try {
    let credential;
    try {
      credential = await startAuthentication({
        optionsJSON: options,
        useBrowserAutofill: autofill,
      });
    } catch (error) {
      if (isCalledOff(error)) return null;
      return error instanceof Error ? error : new Error(String(error));
    }
    clearSessionEndReason();
    return await settleLogin(await completePasskeyLogin(state, credential), null);
  } catch (error) {
    return problemOf(error);
  }
}

const passkeysOffered = () => browserSupportsWebAuthn() && passkeysWorkAt(window.location.hostname);

const isProblem = (result: LoginOutcome | Problem | null): result is Problem =>
  typeof result === 'string' || result instanceof Error;

/**
 * Sign in with a passkey, where the browser has WebAuthn: the button, and the passkeys the
 * browser offers in the identifier field's suggestions. A passkey verified the person, so no
 * second step follows, unless their authenticator did not (then the code is asked for).
 */
export function PasskeySignIn({ onOutcome }: { onOutcome: (state: LoginState) => void }) {
  const messages = useMessages();
  const { passkey: text } = useSignInFactorMessages();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  // A new round of autofill after each ceremony the button started.
  const [round, setRound] = useState(0);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      WebAuthnAbortService.cancelCeremony();
    };
  }, []);

  const show = (result: LoginOutcome | Problem | null) => {
    if (!live.current) return;
    if (isProblem(result)) setProblem(result);
    else if (result !== null) onOutcome(result);
  };
  const finish = useEffectEvent(show);

  useEffect(() => {
    const thisRound = new AbortController();
    const over = () => thisRound.signal.aborted;
    void browserSupportsWebAuthnAutofill().then(async (available) => {
      if (!available || !passkeysOffered() || over()) return;
      const result = await signInWithPasskey(true);
      if (over()) return;
      finish(result);
      // A passkey that did not sign in: the suggestions stay on offer.
      if (isProblem(result)) setRound((value) => value + 1);
    });
    return () => {
      thisRound.abort();
    };
  }, [round]);

  if (!passkeysOffered()) return null;

  const onClick = () => {
    setPending(true);
    setProblem(null);
    // Starting this ceremony calls off the autofill's, which the next round starts again.
    void signInWithPasskey(false).then((result) => {
      if (!live.current) return;
      setPending(false);
      show(result);
      setRound((value) => value + 1);
    });
  };

  const problemText =
    problem === null
      ? null
      : problem === 'not-recognised'
        ? text.notRecognised
        : problem === 'expired'
          ? text.expired
          : problem instanceof ApiError
            ? describeApiError(problem, messages.errors)
            : problem.message;

  return (
    <>
      {problemText !== null ? (
        <div className="notice notice--error" role="alert">
          {problemText}
        </div>
      ) : null}
      <button
        type="button"
        className="button button--secondary"
        onClick={onClick}
        disabled={pending}
        aria-busy={pending}
      >
        {pending ? <span className="spinner spinner--small" aria-hidden="true" /> : null}
        {text.signIn}
      </button>
      <p className="visually-hidden" role="status">
        {pending ? text.pending : ''}
      </p>
    </>
  );
}
