/** The environment as Vite baked it into this build; vite.config.ts has already validated it. */
import { parseApiUrl } from './env-rules';

const apiUrl = parseApiUrl(import.meta.env.VITE_API_URL);

export const env = {
  /** API origin with an optional path prefix and no trailing slash; '' means this app's origin. */
  apiUrl: apiUrl.ok ? apiUrl.value : '',
};
