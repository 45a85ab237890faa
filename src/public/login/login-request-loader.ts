import { createModuleLoader } from '../../lib/module-loader';

/** The login request's chunk: started when someone focuses the form, awaited on submit. */
export const loginRequest = createModuleLoader(() => import('./login-request'));
