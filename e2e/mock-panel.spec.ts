import AxeBuilder from '@axe-core/playwright';
import {
  expect,
  failedRequestLog,
  logIn,
  mockPanelToggle as panelToggle,
  storedToken,
  test,
} from './fixtures';
import { panelExpiryEndsTheSession } from './flows';

/** Two boxes overlap when neither lies wholly to one side of the other. */
function overlaps(a: DOMRectLike, b: DOMRectLike): boolean {
  return !(
    a.x + a.width <= b.x ||
    b.x + b.width <= a.x ||
    a.y + a.height <= b.y ||
    b.y + b.height <= a.y
  );
}

type DOMRectLike = { x: number; y: number; width: number; height: number };

test.describe('a failure set in the Mock API panel', () => {
  test.use({ allowConsoleErrors: [failedRequestLog(500)] });

  test('reaches the app, which says so, and the next login goes through', async ({ page }) => {
    await page.goto('/login');
    await panelToggle(page).click();
    await page.getByLabel('Kind of failure').selectOption('server-error');
    await page.getByRole('checkbox', { name: 'Fail the next request' }).check();
    await panelToggle(page).click();

    await logIn(page);

    await expect(page.getByRole('alert')).toHaveText(
      'The server had a problem (error 500). Please try again in a moment.',
    );
    expect(await storedToken(page)).toBeNull();
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome, alesanchezr!' })).toBeVisible();
  });
});

test.describe('"Expire the current token"', () => {
  test.use({ allowConsoleErrors: [failedRequestLog(401)] });

  test('ends the session at the next request, even after a reload', async ({ page }) => {
    await panelExpiryEndsTheSession(page);
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the open panel has no serious axe finding (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/login');
    await panelToggle(page).click();
    await page.getByRole('radio', { name: 'Random' }).check();
    await page.getByLabel('Kind of failure').selectOption('rate-limited');
    await expect(page.getByLabel('Retry-After (s)')).toBeVisible();

    const results = await new AxeBuilder({ page }).include('#gatehouse-mock-panel').analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .flatMap((violation) =>
        violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
      );
    expect(serious).toEqual([]);
  });
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 375, height: 667 },
]) {
  test(`the collapsed panel covers none of the app's controls at ${viewport.width}×${viewport.height}`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
    const check = async () => {
      const toggle = await panelToggle(page).boundingBox();
      if (toggle === null) throw new Error('the Mock API button is not visible');
      const controls = page.locator('#root').locator('a, button, input, select, textarea');
      for (const control of await controls.all()) {
        const box = await control.boundingBox();
        if (box !== null)
          expect(overlaps(box, toggle), await control.evaluate((e) => e.outerHTML)).toBe(false);
      }
    };

    await check();
    await logIn(page);
    await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
    await check();
  });
}
