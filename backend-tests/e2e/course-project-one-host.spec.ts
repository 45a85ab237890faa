/**
 * The course project deployed as the react-flask-hello boilerplate deploys: one Flask
 * (examples/course-project) serves the build, made with VITE_API_URL=/api, from its dist/ and the
 * API under /api, on one origin. The course project's flows (backend-flows.ts), then what nginx
 * would send and Flask must send too (examples/course-project/src/gatehouse_static.py): the
 * prerendered /login in the reader's language, and the build's own security headers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../reference-backends';
import { oneHostOutDir } from '../topology';
import { describeCourseProjectFlows } from './backend-flows';
import { expect, test } from './fixtures';

test.use({ backend: 'course-one-host' });

/** What the build wrote for its servers (vite-plugins/build-manifest.ts). */
const manifest = () =>
  JSON.parse(
    readFileSync(join(repoRoot, oneHostOutDir('course-one-host'), 'gatehouse-build.json'), 'utf8'),
  ) as { apiUrl: string; headers: Record<string, string> };

describeCourseProjectFlows();

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('/login is the prerendered page, with the build’s security headers', async ({ page }) => {
    const response = await page.goto('/login');
    if (response === null) throw new Error('no response for /login');

    await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
    await expect(page.getByLabel('Email')).toBeVisible();
    const { apiUrl, headers } = manifest();
    expect(apiUrl).toBe('/api');
    const sent = await response.allHeaders();
    expect(sent['content-security-policy']).toBe(headers['Content-Security-Policy']);
    for (const [name, value] of Object.entries(headers))
      expect(sent[name.toLowerCase()]).toBe(value);
    expect(sent.vary).toBe('Accept-Language, Cookie');
    expect(sent['cache-control']).toBe('no-cache');
  });

  test.describe('for a Spanish reader', () => {
    test.use({ locale: 'es-ES' });

    test('/login is in Spanish from the first byte', async ({ page }) => {
      await page.goto('/login');

      await expect(page.getByRole('button', { name: 'Entrar' })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    });
  });
});

test('a deep link gets the app, a missing asset a 404, an API path the API’s answer', async ({
  request,
}) => {
  const { headers } = manifest();
  const deepLink = await request.get('/profile?tab=details');
  expect(deepLink.status()).toBe(200);
  expect(await deepLink.text()).toContain('<div id="root">');
  expect(deepLink.headers()['content-security-policy']).toBe(headers['Content-Security-Policy']);

  const asset = await request.get('/assets/index-missing.js');
  expect(asset.status()).toBe(404);
  expect(asset.headers()['content-security-policy']).toBe(headers['Content-Security-Policy']);

  const wrongMethod = await request.get('/api/token');
  expect(wrongMethod.status()).toBe(405);
  expect(wrongMethod.headers().allow).toContain('POST');
});
