import { createModuleLoader } from '../../lib/module-loader';

/** The password reset pages' code: not part of /login's download. */
export const passwordResetPages = createModuleLoader(() => import('./password-reset-pages'));
