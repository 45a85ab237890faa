// @ts-check
/**
 * How the e2e tests, the screenshots and the bench start Chromium: Debian's unless CHROMIUM_PATH
 * says otherwise, Playwright's own build as a last resort; never a download.
 */
import { existsSync } from 'node:fs';

/** @returns {string | undefined} */
export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** The closed network here refuses Chromium's background connections; these keep it quiet. */
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-gpu',
];

/** Playwright's `launchOptions` for that Chromium (as root here, so without its sandbox). */
export function chromiumLaunchOptions() {
  return { executablePath: chromiumPath(), args: CHROMIUM_ARGS, chromiumSandbox: false };
}
