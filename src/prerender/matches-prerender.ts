/**
 * Whether the client's first render will be exactly the HTML the build prerendered into #root,
 * so that React may hydrate it: the same page in the same language, and none of what the build
 * could not know (a session, why one ended, news from the page before). Otherwise the
 * page is rendered afresh, as before prerendering: a mismatch would make React throw the HTML
 * away anyway, with an error.
 */
import { getSessionEndReason } from '../auth/session';
import { getToken } from '../auth/token-storage';
import { getLocale } from '../i18n/locale';
import { readAuthPageState } from '../public/auth-page-state';
import { signupPage } from '../public/signup/signup-loader';

/**
 * News the login page shows from history state, which the build could not know: an account just
 * created (filled in), a password just changed. A reload keeps history state.
 */
function newsInHistory(): boolean {
  const state: unknown = window.history.state;
  const usr = typeof state === 'object' && state !== null && 'usr' in state ? state.usr : null;
  const { signedUp, passwordChanged } = readAuthPageState(usr);
  return signedUp !== undefined || passwordChanged === true;
}

export async function matchesPrerender(root: HTMLElement): Promise<boolean> {
  const { prerendered, locale } = root.dataset;
  if (prerendered !== window.location.pathname || locale !== getLocale()) return false;
  if (getToken() !== null || getSessionEndReason() !== null || newsInHistory()) return false;
  if (prerendered !== '/signup') return true;
  // Its own chunk: it must be here for the first render to be the page, not a spinner.
  return signupPage.preload().then(
    () => true,
    () => false,
  );
}
