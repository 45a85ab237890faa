/**
 * What every reference backend's suite runs, declared once; each spec passes what its framework
 * does differently (how it refuses a forged token). The flows themselves are e2e/flows.ts's, which
 * the mock suite runs too; sign-up, which only Flask's backend has, is e2e/signup-flows.ts's.
 */
import type { Page, Request, Response } from '@playwright/test';
import {
  deepLinkComesBack,
  logoutAndBack,
  reloadShowsNoLoginForm,
  tamperedTokenEndsTheSession,
  twoTabsFollowEachOther,
  wrongPasswordKeepsTheUsername,
} from '../../e2e/flows';
import {
  existingAccountIsSaid,
  mismatchCaughtBeforeAnyRequest,
  newAccountOutlivesAReload,
  signUpThenLogIn,
} from '../../e2e/signup-flows';
import { BACKENDS } from '../topology';
import {
  answerToToken,
  expect,
  failedRequestLog,
  logIn,
  restoreToken,
  seedIdentifier,
  storedToken,
  test,
} from './fixtures';

interface ForgedTokenRefusal {
  /** The test's name: what this framework does. */
  title: string;
  /** The dialect's current-user path, where the forged token is refused. */
  currentUserPath: string;
  status: number;
  /** Checks the body of the framework's refusal. */
  checkBody: (body: unknown) => void;
}

/**
 * Wrong password, deep link, reload, a forged token (unless the suite has its own: `null`),
 * logout and Back, two tabs.
 */
export function describeEverydayFlows(refusal: ForgedTokenRefusal | null): void {
  test.describe('with a wrong password', () => {
    test.use({ allowConsoleErrors: [failedRequestLog(401)] });

    test('the server’s 401 becomes a message, and the form keeps the username', ({ page }) =>
      wrongPasswordKeepsTheUsername(page));
  });

  test('a logged-out deep link comes back to exactly that URL after login', ({ page }) =>
    deepLinkComesBack(page));

  test('a reload keeps the session and never shows the login form', ({ page }) =>
    reloadShowsNoLoginForm(page));

  if (refusal !== null) {
    test.describe('a tampered token', () => {
      test.use({ allowConsoleErrors: [failedRequestLog(refusal.status)] });

      test(refusal.title, async ({ page }) => {
        const answer: Response = await tamperedTokenEndsTheSession(page, refusal.currentUserPath);

        expect(answer.status()).toBe(refusal.status);
        refusal.checkBody(await answer.json());
      });
    });
  }

  test('logout drops the token, and Back shows no private data', ({ page }) => logoutAndBack(page));

  test('two tabs follow each other: logout and login without a reload', ({ context }) =>
    twoTabsFollowEachOther(context));
}

/**
 * Sign-up on a backend that has it (Flask's), in the identifier its build logs in with: the flows
 * of e2e/signup-flows.ts, which the mock suite runs too, and the sign-up sent to the API's own
 * /signup, under its prefix.
 */
export function describeSignupFlows(): void {
  test('sign up, log in with the new account, and reach the private page', async ({
    page,
    identifier,
    apiOrigin,
    backend,
  }) => {
    const answer = await signUpThenLogIn(page, identifier);

    expect(answer.url()).toBe(`${apiOrigin}${BACKENDS[backend].prefix ?? ''}/signup`);
  });

  test('a new account is still there after a reload', ({ page, identifier }) =>
    newAccountOutlivesAReload(page, identifier));

  test.describe('an identifier that has an account', () => {
    test.use({ allowConsoleErrors: [failedRequestLog(409)] });

    test('gets the real 409, said under the field, with nothing lost', ({ page, identifier }) =>
      existingAccountIsSaid(page, identifier));
  });

  test('a mismatched confirmation is said before any request', ({ page, identifier }) =>
    mismatchCaughtBeforeAnyRequest(page, identifier));
}

/**
 * The course project (an email build with VITE_API_LOGOUT=true, the API under /api): sign-up,
 * login, a deep link, a reload, and Log out, whose token the backend's blocklist then refuses.
 * Run on examples/course-project cross-origin and with Flask serving the build (one host).
 */
export function describeCourseProjectFlows(): void {
  describeSignupFlows();

  test('a logged-out deep link comes back to exactly that URL after login', ({
    page,
    identifier,
  }) => deepLinkComesBack(page, seedIdentifier(identifier)));

  test('a reload keeps the session and never shows the login form', ({ page, identifier }) =>
    reloadShowsNoLoginForm(page, seedIdentifier(identifier)));

  test.describe('a token put back after logout', () => {
    test.use({ allowConsoleErrors: [failedRequestLog(401)] });

    test('is refused by flask-jwt-extended’s blocklist: 401 "Token has been revoked"', async ({
      page,
      identifier,
      apiOrigin,
      backend,
    }) => {
      const api = `${apiOrigin}${BACKENDS[backend].prefix ?? ''}`;
      const seed = seedIdentifier(identifier);
      await page.goto('/login');
      await logIn(page, seed);
      await expect(page.getByRole('heading', { name: `Welcome, ${seed}!` })).toBeVisible();
      const token = await storedToken(page);
      if (token === null) throw new Error('Login stored no token');
      const logout = page.waitForResponse((response) => response.url() === `${api}/logout`);

      await page.getByRole('button', { name: 'Log out' }).click();

      await expect(page).toHaveURL(/\/login$/);
      expect(await (await logout).json()).toEqual({ msg: 'Logged out' });
      await restoreToken(page, token);
      const refused = answerToToken(page, token, (url) => url === `${api}/protected`);
      await page.goto('/profile');

      expect(await (await refused).json()).toEqual({ msg: 'Token has been revoked' });
      await expect(page.getByRole('alert')).toHaveText(
        'Your session was ended by the server. Please log in again.',
      );
      expect(await storedToken(page)).toBeNull();
    });
  });
}

/** With tokens of a few seconds, the session ends while the page is open, saying why. */
export async function sessionExpiresWhileOpen(page: Page, { timeout }: { timeout: number }) {
  await page.goto('/login');
  await logIn(page);
  await expect(page.getByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();

  await expect(page.getByRole('alert')).toHaveText(
    'Your session has expired. Please log in again.',
    { timeout },
  );
  await expect(page).toHaveURL(/\/login$/);
  expect(await storedToken(page)).toBeNull();
}

/**
 * With access tokens of a few seconds and a refresh token: the session renews itself on
 * `renewalPath` and stays on the page, and the real backend accepts the renewed token at
 * `currentUserPath`. Resolves with the renewal requests made until the token changed, for the
 * caller to check its dialect's.
 */
export async function sessionRenewsItself(
  page: Page,
  { renewalPath, currentUserPath }: { renewalPath: string; currentUserPath: string },
): Promise<Request[]> {
  const renewals: Request[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith(renewalPath)) renewals.push(request);
  });
  const profile = page.getByRole('definition').filter({ hasText: 'alesanchezr' });
  await page.goto('/profile');
  await logIn(page);
  await expect(profile).toBeVisible();
  const first = await storedToken(page);

  await expect.poll(() => storedToken(page), { timeout: 15_000 }).not.toBe(first);
  const renewedBy = [...renewals];

  const answer = page.waitForResponse((response) => response.url().endsWith(currentUserPath));
  await page.reload();
  expect((await answer).status()).toBe(200);
  await expect(profile).toBeVisible();
  await expect(page).toHaveURL(/\/profile$/);
  return renewedBy;
}
