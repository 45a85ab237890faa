/**
 * A server (`vite preview`, the nginx renderer) serves a build as it was built. A VITE_ variable in
 * its environment that contradicts the build changes nothing, so it is said at start rather than
 * left to break the page.
 */
import { parseApiUrl, parseFeatureEnv, parseMockingFlag } from '../src/config/env-rules.ts';
import type { BuildManifest } from './build-manifest.ts';

interface ServingEnv {
  VITE_API_URL?: string;
  VITE_API_MOCKING?: string;
  VITE_API_PROFILE?: string;
}

const describeApi = (apiUrl: string) =>
  apiUrl === ''
    ? 'its own origin'
    : apiUrl.startsWith('/')
      ? `${apiUrl} on its own origin`
      : apiUrl;

/**
 * One sentence per contradiction between the serving environment and the build in `manifest`;
 * `apiProxy` is the origin the server forwards the API paths to ('' for none).
 */
export function servingWarnings(
  env: ServingEnv,
  manifest: BuildManifest,
  apiProxy: string,
): string[] {
  const warnings: string[] = [];
  const rawUrl = (env.VITE_API_URL ?? '').trim();
  if (rawUrl !== '') {
    const parsed = parseApiUrl(rawUrl);
    const wanted = parsed.ok ? parsed.value : rawUrl;
    if (wanted !== manifest.apiUrl) {
      warnings.push(
        `VITE_API_URL=${rawUrl} is set, but this build calls the API at ` +
          `${describeApi(manifest.apiUrl)}: the URL was baked in when it was built, and its ` +
          `security headers allow that API only. To call ${wanted}, build again: ` +
          `VITE_API_URL=${wanted} npm run build.`,
      );
    }
  }
  const mocking = parseMockingFlag(env.VITE_API_MOCKING, manifest.mocking);
  const wantsMocking = mocking.ok ? mocking.value : manifest.mocking;
  if (wantsMocking !== manifest.mocking) {
    warnings.push(
      `VITE_API_MOCKING=${env.VITE_API_MOCKING ?? ''} is set, but this build was made with the ` +
        `mock API ${manifest.mocking ? 'on' : 'off'}, and serving it changes nothing. Build ` +
        `again with VITE_API_MOCKING=${String(wantsMocking)} npm run build.`,
    );
  }
  const rawProfile = (env.VITE_API_PROFILE ?? '').trim();
  const profile = parseFeatureEnv({ VITE_API_PROFILE: rawProfile });
  const wantedProfile = profile.ok ? profile.value.apiProfile : rawProfile;
  if (rawProfile !== '' && wantedProfile !== manifest.apiProfile) {
    warnings.push(
      `VITE_API_PROFILE=${rawProfile} is set, but this build speaks ${manifest.apiProfile}: ` +
        `the dialect was baked in when it was built, and a proxy forwards that dialect's paths. ` +
        `To talk to a ${rawProfile} backend, build again: VITE_API_PROFILE=${rawProfile} npm run build.`,
    );
  }
  if (apiProxy !== '' && manifest.apiUrl !== '' && !manifest.apiUrl.startsWith('/')) {
    warnings.push(
      `VITE_API_PROXY forwards the API paths to ${apiProxy}, but this build calls the API at ` +
        `${manifest.apiUrl} directly, so no API request reaches the proxy. To use the proxy, ` +
        'build without VITE_API_URL, or with a path such as VITE_API_URL=/api.',
    );
  }
  if (apiProxy !== '' && manifest.mocking) {
    warnings.push(
      `VITE_API_PROXY forwards the API paths to ${apiProxy}, but this build carries the mock ` +
        'API, whose service worker answers the API requests in the browser before they reach ' +
        'the proxy. To use the proxy, build with the mock off (the default).',
    );
  }
  return warnings;
}
