import { env, type AppEnv } from '../config/env';

const built: AppEnv = { ...env };

/** Runs the rest of this test as a build made with these settings (setup.ts restores them). */
export function configureAppEnv(changes: Partial<AppEnv>): void {
  Object.assign(env, changes);
}

export function restoreAppEnv(): void {
  Object.assign(env, built);
}
