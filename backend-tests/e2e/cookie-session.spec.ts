/**
 * The session in httpOnly cookies (a build with VITE_TOKEN_STORAGE=cookie, flask-jwt-extended's
 * cookie mode with its CSRF double submit), on the deployments where cookies behave differently:
 * the app and its API on two ports of localhost (cross-origin, and one origin through the proxy),
 * on sibling hosts with the cookies set for their parent domain, and the course project's one
 * Flask serving the app and /api. Each flow is declared once and runs where it proves something.
 */
import type { BrowserContext, Page, Request } from '@playwright/test';
import { appLoopbackOrigin, BACKENDS, SIBLING_DOMAIN, type BackendName } from '../topology';
import { expect, failedRequestLog, logIn, seedIdentifier, test } from './fixtures';

/** A JWT as it would show if a script could read one: a base64url JSON header and payload. */
const JWT_SHAPE = /eyJ[\w-]*\.eyJ[\w-]*\.[\w-]*/;
const TOKEN_COOKIES = ['access_token_cookie', 'refresh_token_cookie'];
const CSRF_COOKIES = ['csrf_access_token', 'csrf_refresh_token'];

type Flow = 'expiry' | 'renewal' | 'two tabs' | 'another site';

interface Deployment {
  backend: BackendName;
  title: string;
  /** The flows besides login, reload, logout and the CSRF refusal, which run everywhere. */
  flows: Flow[];
  /** The Domain the cookies are set for, when not the API's host alone. */
  cookieDomain?: string;
}

const DEPLOYMENTS: Deployment[] = [
  {
    backend: 'cookie',
    title: 'the app and its API on localhost',
    flows: ['expiry', 'renewal', 'two tabs', 'another site'],
  },
  {
    backend: 'cookie-sibling',
    title: 'the app and its API on sibling hosts',
    // The refresh cookie's csrf value is read across the two hosts too.
    flows: ['renewal'],
    cookieDomain: `.${SIBLING_DOMAIN}`,
  },
  {
    backend: 'course-one-host-cookie',
    title: 'the course project, one host with the API under /api',
    // Its tokens last the boilerplate's 15 minutes, and it has no refresh tokens.
    flows: [],
  },
];

const welcome = (page: Page, name: string) =>
  page.getByRole('heading', { name: `Welcome, ${name}!` });
const profileOf = (page: Page, name: string) =>
  page.getByRole('definition').getByText(name, { exact: true });

/** Everything the page's scripts can read where a token could be kept. */
const readableByScripts = (page: Page) =>
  page.evaluate(() =>
    JSON.stringify([
      Object.entries(window.localStorage),
      Object.entries(window.sessionStorage),
      document.cookie,
    ]),
  );

async function cookieNamed(context: BrowserContext, name: string) {
  return (await context.cookies()).find((cookie) => cookie.name === name);
}

/** The requests the page sends to `url`, from now on. */
function requestsTo(page: Page, method: string, url: string): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === method && request.url() === url) requests.push(request);
  });
  return requests;
}

/** Past the 3-second access token, by the server's whole seconds. */
const ACCESS_TOKEN_OUTLIVED_MS = 4_000;

for (const { backend, title, flows, cookieDomain } of DEPLOYMENTS) {
  test.describe(title, () => {
    test.use({ backend });
    test.skip(
      ({ mode }) => mode === 'proxy' && BACKENDS[backend].crossOriginOnly === true,
      'served cross-origin only',
    );

    test('logs in with no token the page can read, and a reload waits for the server', async ({
      page,
      context,
      identifier,
    }) => {
      const name = seedIdentifier(identifier);
      await page.goto('/login');
      await logIn(page, name);
      await expect(welcome(page, name)).toBeVisible();

      expect(await readableByScripts(page)).not.toMatch(JWT_SHAPE);
      const access = await cookieNamed(context, 'access_token_cookie');
      expect(access).toMatchObject({ httpOnly: true, value: expect.stringMatching(JWT_SHAPE) });
      expect(await cookieNamed(context, 'csrf_access_token')).toMatchObject({ httpOnly: false });
      if (cookieDomain !== undefined) expect(access?.domain).toBe(cookieDomain);

      // The current user's answer is held back: until it comes, only a spinner shows.
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const confirmations: Request[] = [];
      await page.route(/\/protected$/, async (route) => {
        confirmations.push(route.request());
        await held;
        await route.continue();
      });
      await page.reload();
      await expect.poll(() => confirmations.length).toBeGreaterThan(0);
      await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toBeAttached();
      await expect(welcome(page, name)).toBeHidden();
      await expect(page.getByRole('button', { name: 'Log in' })).toBeHidden();

      release();
      await expect(welcome(page, name)).toBeVisible();
      const answers = await Promise.all(
        confirmations.map(async (request) => (await request.response())?.status()),
      );
      expect(answers.at(-1)).toBe(200);
      expect(await readableByScripts(page)).not.toMatch(JWT_SHAPE);
    });

    test('Log out sends the CSRF value, and the server clears the cookies', async ({
      page,
      context,
      identifier,
      apiOrigin,
    }) => {
      const api = `${apiOrigin}${BACKENDS[backend].prefix ?? ''}`;
      const name = seedIdentifier(identifier);
      await page.goto('/login');
      await logIn(page, name);
      await expect(welcome(page, name)).toBeVisible();
      const csrf = (await cookieNamed(context, 'csrf_access_token'))?.value;
      const logout = page.waitForResponse((response) => response.url() === `${api}/logout`);

      await page.getByRole('button', { name: 'Log out' }).click();

      await expect(page).toHaveURL(/\/login$/);
      const answer = await logout;
      expect(answer.status()).toBe(200);
      expect(await answer.request().headerValue('X-CSRF-TOKEN')).toBe(csrf);
      const left = (await context.cookies()).map((cookie) => cookie.name);
      for (const cookie of [...TOKEN_COOKIES, ...CSRF_COOKIES]) expect(left).not.toContain(cookie);
    });

    test.describe('a request without the CSRF header', () => {
      test.use({ allowConsoleErrors: [failedRequestLog(401)] });

      test('is refused, and the session goes on', async ({ page, identifier, apiOrigin }) => {
        const api = `${apiOrigin}${BACKENDS[backend].prefix ?? ''}`;
        const name = seedIdentifier(identifier);
        await page.goto('/login');
        await logIn(page, name);
        await expect(welcome(page, name)).toBeVisible();

        // What a script of another page could send with the browser's cookies, but no CSRF value.
        const answer = await page.evaluate(async (url) => {
          const response = await fetch(url, { method: 'POST', credentials: 'include' });
          return { status: response.status, body: (await response.json()) as unknown };
        }, `${api}/logout-everywhere`);

        expect(answer).toEqual({ status: 401, body: { msg: 'Missing CSRF token' } });
        await page.reload();
        await expect(welcome(page, name)).toBeVisible();
      });
    });

    if (flows.includes('renewal')) {
      test.describe('once the access token has expired', () => {
        // The expired token's 401 "Token has expired" before the renewal.
        test.use({ allowConsoleErrors: [failedRequestLog(401)] });

        test('the refresh cookie renews it once, and the page stays', async ({
          page,
          context,
          apiOrigin,
        }) => {
          const renewals = requestsTo(page, 'POST', `${apiOrigin}/refresh`);
          await page.goto('/profile');
          await logIn(page);
          await expect(profileOf(page, 'alesanchezr')).toBeVisible();
          const first = (await cookieNamed(context, 'csrf_access_token'))?.value;

          await page.waitForTimeout(ACCESS_TOKEN_OUTLIVED_MS);
          await page.reload();

          await expect(profileOf(page, 'alesanchezr')).toBeVisible();
          expect(renewals).toHaveLength(1);
          expect((await renewals[0]?.response())?.status()).toBe(200);
          const csrfRefresh = (await cookieNamed(context, 'csrf_refresh_token'))?.value;
          expect(await renewals[0]?.headerValue('X-CSRF-TOKEN')).toBe(csrfRefresh);
          expect((await cookieNamed(context, 'csrf_access_token'))?.value).not.toBe(first);
          await expect(page).toHaveURL(/\/profile$/);
        });
      });
    }

    if (flows.includes('expiry')) {
      test.describe('once the access token has expired, with no refresh cookie', () => {
        test.use({ allowConsoleErrors: [failedRequestLog(401)] });

        test('the session ends with the expiry message', async ({ page, context, apiOrigin }) => {
          const renewals = requestsTo(page, 'POST', `${apiOrigin}/refresh`);
          await page.goto('/profile');
          await logIn(page);
          await expect(profileOf(page, 'alesanchezr')).toBeVisible();
          await context.clearCookies({ name: /^(refresh_token_cookie|csrf_refresh_token)$/ });

          await page.waitForTimeout(ACCESS_TOKEN_OUTLIVED_MS);
          await page.reload();

          await expect(page.getByRole('alert')).toHaveText(
            'Your session has expired. Please log in again.',
          );
          await expect(page).toHaveURL(/\/login/);
          expect(renewals).toEqual([]);
          expect(await cookieNamed(context, 'csrf_access_token')).toBeUndefined();
        });
      });
    }

    if (flows.includes('another site')) {
      test.describe('opened on 127.0.0.1, another site than its API', () => {
        test.use({ baseURL: appLoopbackOrigin('cross-origin', backend) });
        test.skip(
          ({ mode }) => mode === 'proxy',
          'through the proxy, the API is on the page’s site',
        );

        test('a login the server accepts says its cookie did not reach the page', async ({
          page,
          apiOrigin,
        }) => {
          const answer = page.waitForResponse(`${apiOrigin}/token`);
          await page.goto('/login');
          await logIn(page);

          expect((await answer).status()).toBe(200);
          await expect(page.getByRole('alert')).toContainText(
            'its session cookie did not reach this page',
          );
          await expect(page).toHaveURL(/\/login$/);
        });
      });
    }

    if (flows.includes('two tabs')) {
      test('two tabs follow each other’s logout and login', async ({ context }) => {
        const first = await context.newPage();
        const second = await context.newPage();
        await first.goto('/login');
        await logIn(first);
        await expect(welcome(first, 'alesanchezr')).toBeVisible();
        await second.goto('/profile');
        await expect(profileOf(second, 'alesanchezr')).toBeVisible();

        await first.getByRole('button', { name: 'Log out' }).click();

        await expect(second).toHaveURL(/\/login/);
        await expect(second.getByText('You logged out in another tab.')).toBeVisible();

        await logIn(first, 'ada', 'lovelace1815');
        await expect(welcome(second, 'ada')).toBeVisible();
      });
    }
  });
}
