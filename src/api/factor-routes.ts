import type { FactorRoutes } from '../backends/api-dialect';
import { env } from '../config/env';

/** The build's two-step and passkey routes. */
export function factorRoutes(): FactorRoutes {
  const { factors } = env.dialect;
  // vite.config.ts refuses VITE_TWO_FACTOR and VITE_PASSKEYS for a dialect without them, and only
  // a backend with them asks for a second step: no page calls this then.
  if (factors === null) throw new Error(`The ${env.dialect.profile} dialect has no second factors`);
  return factors;
}
