import { createModuleLoader } from '../../lib/module-loader';

/** The sign-up page's code: not part of /login's download, fetched when someone heads for it. */
export const signupPage = createModuleLoader(() => import('./signup-page'));

export function preloadSignupPage(): void {
  signupPage.preload().catch(() => {
    // Shown with a retry by the page, if the person goes there.
  });
}
