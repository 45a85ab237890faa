import { test as base, expect, type Browser, type Page } from '@playwright/test';

export const TOKEN_KEY = 'jwt-token';

/**
 * The browser's own log line for a request that got an error status. A test that provokes one on
 * purpose (a wrong password is a 401 from the real backend too) allows exactly that status.
 */
export function failedRequestLog(status: number): RegExp {
  return new RegExp(`^Failed to load resource: the server responded with a status of ${status} `);
}

/**
 * One pattern that matches any of `patterns`. `test.use({ allowConsoleErrors: [a, b] })` does not
 * work: Playwright reads an array whose second item is an object as a value and its options.
 */
export function anyOf(...patterns: RegExp[]): RegExp {
  return new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join('|'));
}

/** What a `securitypolicyviolation` event says, as the fixture reports it. */
export interface CspViolation {
  directive: string;
  blocked: string;
  source: string;
}

/**
 * Reports every Content-Security-Policy violation in the page's documents to `report`, from
 * before the first script of each document runs. Chromium also logs one as a console error, but
 * the event is the browser's own contract and names the directive.
 */
export async function onCspViolation(page: Page, report: (violation: CspViolation) => void) {
  await page.exposeBinding('__gatehouseCspViolation', (_source, violation: CspViolation) => {
    report(violation);
  });
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const send = (window as unknown as Record<string, (violation: unknown) => void>)
          .__gatehouseCspViolation;
        send?.({
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          source: `${event.sourceFile}:${event.lineNumber}`,
        });
      },
      true,
    );
  });
}

/**
 * A page of its own, outside the shared fixture (which rightly fails a test on any policy
 * violation), for the tests that provoke one on purpose; `violations` fills as they happen.
 */
export async function pageRecordingViolations(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const violations: CspViolation[] = [];
  await onCspViolation(page, (violation) => violations.push(violation));
  return { context, page, violations };
}

/**
 * Every test fails on an uncaught page error, a console.error or a Content-Security-Policy
 * violation: a clean console under the production headers is part of the job.
 * `allowConsoleErrors` lists the browser log lines a test provokes on purpose (never a CSP
 * violation: those fail the test even when a pattern matches Chromium's log line for them).
 */
/** What the build under test logs in with (VITE_LOGIN_IDENTIFIER); the Playwright project says. */
export type Identifier = 'username' | 'email';

/** Chromium's virtual authenticator in a page: what it holds, for a test to check. */
export interface VirtualAuthenticator {
  /** How many passkeys it keeps (resident credentials). */
  passkeyCount: () => Promise<number>;
}

/**
 * A browser that offers passkeys through the page's button only, not among the identifier field's
 * suggestions: Chromium's virtual authenticator answers an autofill request at once, as if the
 * person had picked a passkey there, which would sign in before a test could click the button.
 */
export async function withoutPasskeyAutofill(page: Page) {
  await page.addInitScript(() => {
    PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);
  });
}

/**
 * A passkey authenticator built into the device, as a phone's or a laptop's: it keeps passkeys,
 * verifies the person and answers every ceremony at once, through the DevTools protocol, since a
 * test cannot touch a real one. It serves the page's tab, across its navigations.
 */
export async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

export const test = base.extend<{
  allowConsoleErrors: RegExp[];
  identifier: Identifier;
  authenticator: VirtualAuthenticator;
}>({
  allowConsoleErrors: [[], { option: true }],
  identifier: ['username', { option: true }],
  /** The page fixture's tab with a virtual authenticator (addVirtualAuthenticator). */
  authenticator: async ({ page }, use) => {
    const { cdp, authenticatorId } = await addVirtualAuthenticator(page);
    await use({
      passkeyCount: async () =>
        (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials.length,
    });
  },
  page: async ({ page, allowConsoleErrors }, use) => {
    const problems: string[] = [];
    await onCspViolation(page, ({ directive, blocked, source }) =>
      problems.push(`CSP violation: ${directive} blocked ${blocked || '(inline)'} at ${source}`),
    );
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (allowConsoleErrors.some((pattern) => pattern.test(text))) return;
      problems.push(`console.error: ${text}`);
    });
    await use(page);
    expect(problems, 'uncaught errors, console.error calls and CSP violations').toEqual([]);
  },
});

export { expect };

/** The login form's first field, whichever the build asks for. */
export const identifierField = (page: Page) => page.getByLabel(/^(Username|Email)$/);

/** Logs in with a username or an email, whichever the build asks for. */
export async function logIn(page: Page, identifier = 'alesanchezr', password = '12341234') {
  await identifierField(page).fill(identifier);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** A name no earlier sign-up used, in the build's identifier: `grace-…` or `grace-…@example.com`. */
export function freshIdentifier(identifier: Identifier): string {
  const name = `grace-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
  return identifier === 'email' ? `${name}@example.com` : name;
}

/** The seed user the mock and the reference backend share, as the build logs them in. */
export const seedIdentifier = (identifier: Identifier) =>
  identifier === 'email' ? 'alesanchezr@example.com' : 'alesanchezr';

/** Fills in and sends the sign-up form, the password typed twice. */
export async function signUp(page: Page, identifier: string, password = 'hopper1906') {
  await page.getByLabel(/^(Username|Email)$/).fill(identifier);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Confirm password').fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();
}

export function storedToken(page: Page) {
  return page.evaluate((key) => window.localStorage.getItem(key), TOKEN_KEY);
}

/** Puts `token` back in storage, as someone who copied it before logging out would. */
export async function restoreToken(page: Page, token: string | null) {
  await page.evaluate(
    ([key, value]) => {
      window.localStorage.setItem(key, value);
    },
    [TOKEN_KEY, token ?? ''] as const,
  );
}

/** Changes the stored token's signature, as someone tampering with it would, and returns the result. */
export async function tamperStoredToken(page: Page): Promise<string> {
  return page.evaluate((key) => {
    const [header = '', payload = '', signature = ''] = (
      window.localStorage.getItem(key) ?? ''
    ).split('.');
    const flipped = (signature.startsWith('A') ? 'B' : 'A') + signature.slice(1);
    const tampered = `${header}.${payload}.${flipped}`;
    window.localStorage.setItem(key, tampered);
    return tampered;
  }, TOKEN_KEY);
}

/**
 * The next answer to a request sent with `token` as Bearer to a URL that `isUrl` accepts. A request
 * the page sent earlier with another token may still be on its way and must not be taken for it.
 */
export function answerToToken(page: Page, token: string, isUrl: (url: string) => boolean) {
  return page.waitForResponse(
    async (response) =>
      isUrl(response.url()) &&
      (await response.request().headerValue('authorization')) === `Bearer ${token}`,
  );
}

/** Path, query and hash of the page's URL. */
export function appUrl(page: Page): string {
  const url = new URL(page.url());
  return url.pathname + url.search + url.hash;
}

/** Sets the mock API's settings (see src/mock-api/server/mock-config.ts) before the app starts. */
export async function configureMock(page: Page, settings: Record<string, unknown>) {
  await page.addInitScript((value) => {
    window.localStorage.setItem('gatehouse:mock', value);
  }, JSON.stringify(settings));
}

/** The button that opens and closes the Mock API panel. */
export function mockPanelToggle(page: Page) {
  return page
    .getByRole('complementary', { name: 'Mock API' })
    .getByRole('button', { name: /^Mock API/ });
}
