import type { APIRequestContext } from '@playwright/test';
import { cspHash, securityHeaders } from '../vite-plugins/security-headers';
import { expect, logIn, pageRecordingViolations, test } from './fixtures';

/**
 * The headers the served build wrote into its own gatehouse-build.json, as `vite preview` sends
 * them and as deploy/nginx.conf does (scripts/nginx-e2e.sh runs this file against nginx). The
 * suite's build has the mock on and calls its own origin: the strictest connect-src there is.
 */
async function buildHeaders(request: APIRequestContext): Promise<Record<string, string>> {
  const manifest = (await (await request.get('/gatehouse-build.json')).json()) as {
    apiUrl: string;
    headers: Record<string, string>;
  };
  expect(manifest.apiUrl).toBe('');
  // Its only inline style is the stylesheet the prerendered /login carries, allowed by hash.
  const login = await (await request.get('/login', { headers: { Accept: 'text/html' } })).text();
  const inline = [...login.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(([, css]) => css ?? '');
  expect(inline).toHaveLength(1);
  expect(manifest.headers).toEqual(securityHeaders('', inline.map(cspHash)));
  return manifest.headers;
}

async function expectSecurityHeaders(
  request: APIRequestContext,
  headers: Record<string, string>,
  what: string,
) {
  for (const [name, value] of Object.entries(await buildHeaders(request))) {
    expect(headers[name.toLowerCase()], `${name} of ${what}`).toBe(value);
  }
}

test('/login is served with the CSP, Referrer-Policy and nosniff, and login works under them', async ({
  page,
  request,
}) => {
  const response = await page.goto('/login');
  if (response === null) throw new Error('no response for /login');
  expect(response.status()).toBe(200);
  await expectSecurityHeaders(request, await response.allHeaders(), '/login');

  // The fixture fails the test on any CSP violation: the mock's service worker, the lazy private
  // chunk and its stylesheet, the API calls all have to pass the policy.
  await logIn(page);
  await expect(page.getByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();
  await page.goto('/profile');
  await expect(page.getByRole('definition').filter({ hasText: 'alesanchezr' })).toBeVisible();
});

test('the scripts, stylesheets, service worker and deep links carry the headers too', async ({
  request,
}) => {
  const html = await request.get('/profile?x=1');
  expect(html.status()).toBe(200);
  await expectSecurityHeaders(request, html.headers(), '/profile?x=1');
  const body = await html.text();
  expect(body, 'the built index.html has no inline script').not.toMatch(/<script(?![^>]*\ssrc=)/);

  const assets = [...body.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
  expect(assets.length).toBeGreaterThan(0);
  for (const path of [...assets, '/mockServiceWorker.js', '/favicon.svg']) {
    if (path === undefined) continue;
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    await expectSecurityHeaders(request, response.headers(), path);
  }
});

test('the browser enforces the policy: an injected inline script is refused', async ({
  browser,
  baseURL,
}) => {
  const { context, page, violations } = await pageRecordingViolations(browser, baseURL);
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();

  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineScriptRan = true;';
    document.head.append(script);
  });

  await expect
    .poll(() => violations.map((violation) => violation.directive))
    .toContain('script-src-elem');
  expect(await page.evaluate(() => 'inlineScriptRan' in window)).toBe(false);
  await context.close();
});
