import { createModuleLoader } from '../../lib/module-loader';

/** The login's second step: downloaded only when a password step asks for it. */
export const secondStep = createModuleLoader(() => import('./second-step/second-step-form'));
