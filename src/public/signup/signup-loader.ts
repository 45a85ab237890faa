import { createModuleLoader } from '../../lib/module-loader';

/** The sign-up page's code: not part of /login's download, fetched when someone heads for it. */
export const signupPage = createModuleLoader(() => import('./signup-page'));
