/**
 * The private part of the app (pages, react-query), downloaded on demand so that /login
 * downloads none of it. The login form starts the download on focus and on submit, so the code
 * is usually there before the token is.
 */
import { createModuleLoader } from '../lib/module-loader';

export const privateApp = createModuleLoader(() => import('../private'));
