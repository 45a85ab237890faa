import { createModuleLoader } from '../../lib/module-loader';

/** zxcvbn and its word list, fetched when someone starts typing a new password. */
export const strengthEstimator = createModuleLoader(() => import('./estimate-strength'));
