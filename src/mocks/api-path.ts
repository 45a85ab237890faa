import { env } from '../config/env';

/** Where the mock answers `path`: under the build's VITE_API_URL, read when the handlers are made. */
export const apiPath = (path: string) => `${env.apiUrl}${path}`;
