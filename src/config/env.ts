/**
 * The environment as vite.config.ts validated and baked it into this build: the app parses
 * nothing at run time, and ships none of the validation code.
 */
export const env = {
  /** API origin with an optional path prefix and no trailing slash; '' means this app's origin. */
  apiUrl: __GATEHOUSE_API_URL__,
};
