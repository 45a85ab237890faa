/**
 * What a build decided about its own deployment, written into its output: `gatehouse-build.json`
 * for the servers of this repository (`vite preview`, scripts/render-nginx-conf.js) and
 * `_headers` for static hosts that read that file (Netlify, Cloudflare Pages). A server takes the
 * API origin of its Content-Security-Policy from here, never from its own environment: the build
 * baked VITE_API_URL into the bundle, so only the build knows which API the page will call.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isApiProfile, type ApiProfile } from '../src/backends/vocabulary.ts';
import { securityHeaders } from './security-headers.ts';

export const MANIFEST_FILE = 'gatehouse-build.json';
export const HEADERS_FILE = '_headers';

export interface BuildManifest {
  /** VITE_API_URL as the build baked it in; '' means the page's own origin. */
  apiUrl: string;
  /** Whether the build carries the mock API (VITE_API_MOCKING). */
  mocking: boolean;
  /** VITE_API_PROFILE: the dialect, whose paths a proxy in front of the build forwards. */
  apiProfile: ApiProfile;
  /** What every response of this build must carry. */
  headers: Record<string, string>;
}

export type BuildDecisions = Omit<BuildManifest, 'headers'>;

/** `styleHashes`: the CSP hashes of the stylesheets the prerendered pages carry inline. */
export function createBuildManifest(
  decided: BuildDecisions,
  styleHashes: readonly string[] = [],
): BuildManifest {
  return { ...decided, headers: securityHeaders(decided.apiUrl, styleHashes) };
}

/**
 * The `_headers` file: the security headers on every path, a year's cache for the hashed assets.
 * Hosts join the values of a header that two rules set, so the cache rule names assets only.
 */
export function headersFile(manifest: BuildManifest): string {
  const lines = [
    '/*',
    ...Object.entries(manifest.headers).map(([name, value]) => `  ${name}: ${value}`),
  ];
  lines.push('/assets/*', '  Cache-Control: public, max-age=31536000, immutable');
  return `${lines.join('\n')}\n`;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((entry) => typeof entry === 'string')
  );
}

/** The manifest of the build in `outDir`; throws a message that says what to do when there is none. */
export function readBuildManifest(outDir: string): BuildManifest {
  const file = join(outDir, MANIFEST_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(
      `${file} is missing: ${outDir} was not built by this version of Gatehouse. Run \`npm run build\` ` +
        '(with the VITE_ variables the deployment needs), then serve what it writes.',
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not JSON. Run \`npm run build\` again.`);
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    !('apiUrl' in value) ||
    typeof value.apiUrl !== 'string' ||
    !('mocking' in value) ||
    typeof value.mocking !== 'boolean' ||
    !('apiProfile' in value) ||
    !isApiProfile(value.apiProfile) ||
    !('headers' in value) ||
    !isStringRecord(value.headers)
  ) {
    throw new Error(`${file} is not a Gatehouse build manifest. Run \`npm run build\` again.`);
  }
  return {
    apiUrl: value.apiUrl,
    mocking: value.mocking,
    apiProfile: value.apiProfile,
    headers: value.headers,
  };
}
