import { test as base, expect, type Page } from '@playwright/test';

export const TOKEN_KEY = 'jwt-token';

/**
 * The browser's own log line for a request that got an error status. A test that provokes one on
 * purpose (a wrong password is a 401 from the real backend too) allows exactly that status.
 */
export function failedRequestLog(status: number): RegExp {
  return new RegExp(`^Failed to load resource: the server responded with a status of ${status} `);
}

/**
 * Every test fails on an uncaught page error or a console.error: a clean console is part of the
 * job. `allowConsoleErrors` lists the browser log lines a test provokes on purpose.
 */
export const test = base.extend<{ allowConsoleErrors: RegExp[] }>({
  allowConsoleErrors: [[], { option: true }],
  page: async ({ page, allowConsoleErrors }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (allowConsoleErrors.some((pattern) => pattern.test(text))) return;
      problems.push(`console.error: ${text}`);
    });
    await use(page);
    expect(problems, 'uncaught errors and console.error calls').toEqual([]);
  },
});

export { expect };

export async function logIn(page: Page, username = 'alesanchezr', password = '12341234') {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

export function storedToken(page: Page) {
  return page.evaluate((key) => window.localStorage.getItem(key), TOKEN_KEY);
}

/** Path, query and hash of the page's URL. */
export function appUrl(page: Page): string {
  const url = new URL(page.url());
  return url.pathname + url.search + url.hash;
}

/** Sets the mock API's settings (see src/mocks/mock-config.ts) before the app starts. */
export async function configureMock(page: Page, settings: Record<string, unknown>) {
  await page.addInitScript((value) => {
    window.localStorage.setItem('gatehouse:mock', value);
  }, JSON.stringify(settings));
}
