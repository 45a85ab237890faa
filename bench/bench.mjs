// @ts-check
/**
 * `npm run bench`: builds Gatehouse, serves it with `vite preview` on 127.0.0.1 and measures, in
 * Chromium, what the /login route downloads and how long a visitor waits, on this machine and on
 * a throttled mobile profile. Prints a table and writes bench/results.json. Timings are reported,
 * never asserted: this machine is shared.
 *
 * `-- --compare URL` loads another login page in turns with ours on the throttled profile and
 * prints the ratios; `-- --throttled-only` measures that comparison alone (nothing written).
 * BENCH_SAMPLES and BENCH_THROTTLED_RUNS set the number of loads (21 and 9).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build, createServer, preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium.mjs';
import { parseArgs } from 'node:util';
import { gzipSize, initialAssets, totals } from './login-assets.mjs';
import { stats } from './stats.mjs';
import { THROTTLED_PROFILE, throttledLoads } from './throttled-loads.mjs';

const { values: options } = parseArgs({
  options: {
    // Another login page to load in turns with Gatehouse's on the throttled profile.
    compare: { type: 'string' },
    // Only the throttled comparison: the quick loop while working on the first load.
    'throttled-only': { type: 'boolean', default: false },
  },
});
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 21);
const THROTTLED_RUNS = Number(process.env.BENCH_THROTTLED_RUNS ?? 9);
const LIGHTHOUSE_RUNS = 3;
const USER = { username: 'alesanchezr', password: '12341234' };

/**
 * @typedef {import('./stats.mjs').Stats} Stats
 * @typedef {{ url: string, type: 'js' | 'css', raw: number, gzip: number }} LoadedFile
 * @typedef {{ requests: string[], duplicates: string[] }} RequestRound
 * @typedef {Record<string, number>} LighthouseMedians
 * @typedef {{
 *   profile: typeof THROTTLED_PROFILE,
 *   runs: number,
 *   pages: { name: string, url: string, jsGzipBytes: number, firstContentfulPaintMs: Stats, submitEnabledMs: Stats, loginRequestMs: Stats }[],
 * }} ThrottledResults
 * @typedef {{
 *   date: string,
 *   samples: number,
 *   login: {
 *     fromIndexHtml: { files: import('./login-assets.mjs').Asset[], totals: ReturnType<typeof totals> },
 *     loadedByBrowser: { files: LoadedFile[], totals: ReturnType<typeof totals>, requests: number },
 *   },
 *   navigationToLoginButtonMs: Stats,
 *   loginButtonWithoutScripts: { visible: boolean, navigationToLoginButtonMs: Stats | null },
 *   clickToUsernameMs: Stats,
 *   throttled: ThrottledResults,
 *   requestRound: { production: RequestRound, developmentStrictMode: RequestRound },
 *   lighthouse: { skipped: string } | Record<string, LighthouseMedians>,
 * }} BenchResults
 */

/**
 * @param {string} outDir
 * @param {boolean} mocking
 */
async function buildApp(outDir, mocking) {
  const previous = process.env.VITE_API_MOCKING;
  process.env.VITE_API_MOCKING = String(mocking);
  try {
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (previous === undefined) delete process.env.VITE_API_MOCKING;
    else process.env.VITE_API_MOCKING = previous;
  }
}

/**
 * @param {string} outDir
 * @param {number} port
 */
async function serve(outDir, port) {
  const server = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

// Runs in the page before the app: records when the Log in button and the greeting first appear,
// and when Log in was clicked, in the page's own clock (performance.now()).
const PAGE_PROBE = () => {
  /** @type {Record<string, number>} */
  const marks = {};
  Object.assign(window, { __bench: marks });
  const frameAfter = (/** @type {string} */ name) => {
    requestAnimationFrame(() => {
      marks[name] ??= performance.now();
    });
  };
  new MutationObserver(() => {
    if (marks.loginInDom === undefined) {
      const button = [...document.querySelectorAll('button')].find(
        (candidate) => candidate.textContent?.trim() === 'Log in',
      );
      if (button) {
        marks.loginInDom = performance.now();
        frameAfter('loginVisible');
      }
    }
    if (marks.click !== undefined && marks.greetingInDom === undefined) {
      const heading = document.querySelector('h1');
      if (heading?.textContent?.includes('alesanchezr')) {
        marks.greetingInDom = performance.now();
        frameAfter('greetingVisible');
      }
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target.closest('button') : null;
      if (target?.textContent?.trim() === 'Log in') marks.click = performance.now();
    },
    true,
  );
};

/**
 * @param {import('@playwright/test').Page} page
 * @param {string} name
 */
async function mark(page, name) {
  await page.waitForFunction(
    (key) =>
      /** @type {{ __bench?: Record<string, number> }} */ (window).__bench?.[key] !== undefined,
    name,
  );
  return page.evaluate(
    (key) =>
      /** @type {{ __bench: Record<string, number> }} */ (/** @type {unknown} */ (window)).__bench[
        key
      ] ?? NaN,
    name,
  );
}

/**
 * What the browser downloads for a cold visit to a login page, until the network is idle.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url the page's address
 */
async function loginDownloads(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  /** @type {LoadedFile[]} */
  const files = [];
  let requests = 0;
  page.on('request', () => {
    requests += 1;
  });
  page.on('response', async (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    const body = await response.body();
    files.push({
      url: new URL(response.url()).pathname,
      type: /** @type {'js' | 'css'} */ (type === 'script' ? 'js' : 'css'),
      raw: body.length,
      gzip: gzipSize(body),
    });
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  // Any login page's: the --compare page names its button its own way.
  await page.locator('form button[type="submit"]').waitFor();
  await context.close();
  return { files, requests };
}

/**
 * Measures SAMPLES cold visits to /login, each in a fresh browser context with the page probe.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {(page: import('@playwright/test').Page) => Promise<number>} measure
 */
async function sampleColdVisits(browser, url, measure) {
  const times = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const context = await browser.newContext();
    await context.addInitScript(PAGE_PROBE);
    const page = await context.newPage();
    await page.goto(`${url}/login`);
    times.push(await measure(page));
    await context.close();
  }
  return stats(times);
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 */
function timeToLoginButton(browser, url) {
  return sampleColdVisits(browser, url, (page) => mark(page, 'loginVisible'));
}

/**
 * Cold visits to /login with every script held back (aborted): whether the HTML alone shows the
 * Log in button, and how soon. The probe is injected by the browser, not fetched, so it runs.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 */
async function loginButtonWithoutScripts(browser, url) {
  const times = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const context = await browser.newContext();
    await context.addInitScript(PAGE_PROBE);
    await context.route(/\.m?js(\?.*)?$/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${url}/login`);
    const seen = await page
      .waitForFunction(
        () => /** @type {{ __bench?: Record<string, number> }} */ (window).__bench?.loginVisible,
        undefined,
        { timeout: 5_000 },
      )
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    await context.close();
    if (typeof seen !== 'number') return { visible: false, navigationToLoginButtonMs: null };
    times.push(seen);
  }
  return { visible: true, navigationToLoginButtonMs: stats(times) };
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 */
function clickToUsername(browser, url) {
  return sampleColdVisits(browser, url, async (page) => {
    // The prerendered form is there before the script; this person types once it has taken over,
    // when Show password is enabled (Log in is from the start, holding a click for the script).
    await page
      .getByRole('button', { name: 'Show password' })
      .and(page.locator(':enabled'))
      .waitFor();
    await page.getByLabel('Username').fill(USER.username);
    await page.getByLabel('Password').fill(USER.password);
    // A person takes seconds to type; the private chunk, requested when the form got focus, is
    // there by the time they click. Playwright types instantly, so wait for it, as they would.
    await page.waitForFunction(() =>
      performance
        .getEntriesByType('resource')
        .some((entry) => /\/assets\/private-[^/]*\.js$/.test(entry.name)),
    );
    await page.getByRole('button', { name: 'Log in' }).click();
    const visible = await mark(page, 'greetingVisible');
    return visible - (await mark(page, 'click'));
  });
}

/**
 * The API requests of one login → home → profile → logout round.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 */
async function requestRound(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  /** @type {string[]} */
  const api = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname === '/token' || pathname === '/protected')
      api.push(`${request.method()} ${pathname}`);
  });
  await page.goto(`${url}/login`);
  await page.getByLabel('Username').fill(USER.username);
  await page.getByLabel('Password').fill(USER.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: `Welcome, ${USER.username}!` }).waitFor();
  await page.getByRole('link', { name: 'Profile', exact: true }).click();
  await page.getByRole('definition').filter({ hasText: USER.username }).waitFor();
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('button', { name: 'Log in' }).waitFor();
  await page.waitForTimeout(500);
  await context.close();
  const duplicates = api.filter((entry, index) => api.indexOf(entry) !== index);
  return { requests: api, duplicates };
}

/**
 * @param {string} url
 * @returns {Promise<BenchResults['lighthouse']>}
 */
async function runLighthouse(url) {
  /** @type {typeof import('lighthouse').default} */
  let lighthouse;
  /** @type {typeof import('chrome-launcher')} */
  let chromeLauncher;
  try {
    lighthouse = (await import('lighthouse')).default;
    chromeLauncher = await import('chrome-launcher');
  } catch {
    return { skipped: 'lighthouse is not installed' };
  }
  const desktopConfig = (await import('lighthouse/core/config/desktop-config.js')).default;
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ['--headless=new', '--no-sandbox', ...CHROMIUM_ARGS],
  });
  /** @type {Record<string, LighthouseMedians>} */
  const result = {};
  try {
    // Lighthouse's default simulates the throttled load from an unthrottled one, and counts every
    // request made before the first paint as holding it back: the module script, here. Applied
    // throttling (DevTools') loads the page on the slow network for real.
    for (const [name, config, throttlingMethod] of /** @type {const} */ ([
      ['mobile', undefined, 'simulate'],
      ['mobile, applied throttling', undefined, 'devtools'],
      ['desktop', desktopConfig, 'simulate'],
    ])) {
      /** @type {Record<string, number[]>} */
      const runs = { score: [], fcp: [], lcp: [], tbt: [], cls: [] };
      for (let i = 0; i < LIGHTHOUSE_RUNS; i += 1) {
        const outcome = await lighthouse(
          `${url}/login`,
          {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance'],
            throttlingMethod,
          },
          config,
        );
        const lhr = outcome?.lhr;
        if (!lhr) throw new Error('lighthouse returned no result');
        const audit = (/** @type {string} */ id) => lhr.audits[id]?.numericValue ?? NaN;
        runs.score?.push(Math.round((lhr.categories.performance?.score ?? NaN) * 100));
        runs.fcp?.push(audit('first-contentful-paint'));
        runs.lcp?.push(audit('largest-contentful-paint'));
        runs.tbt?.push(audit('total-blocking-time'));
        runs.cls?.push(audit('cumulative-layout-shift'));
      }
      result[name] = Object.fromEntries(
        Object.entries(runs).map(([metric, values]) => [metric, stats(values).median]),
      );
    }
  } finally {
    chrome.kill();
  }
  return result;
}

/**
 * Gatehouse's /login and, when given, another page, on the throttled profile.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @returns {Promise<ThrottledResults>}
 */
async function throttledComparison(browser, url) {
  const pages = [{ name: 'Gatehouse /login', url: `${url}/login` }];
  if (options.compare !== undefined) pages.push({ name: options.compare, url: options.compare });
  console.log(
    `timing ${THROTTLED_RUNS} throttled cold loads of ${pages.map((page) => page.name).join(' and ')}, in turns …`,
  );
  const samples = await throttledLoads(browser, pages, THROTTLED_RUNS);
  /** @type {ThrottledResults['pages']} */
  const measured = [];
  for (const page of pages) {
    const loads = samples.get(page.name);
    if (loads === undefined) continue;
    measured.push({
      ...page,
      jsGzipBytes: (await loginDownloads(browser, page.url)).files
        .filter((file) => file.type === 'js')
        .reduce((sum, file) => sum + file.gzip, 0),
      firstContentfulPaintMs: stats(loads.firstContentfulPaintMs),
      submitEnabledMs: stats(loads.submitEnabledMs),
      loginRequestMs: stats(loads.loginRequestMs),
    });
  }
  return { profile: THROTTLED_PROFILE, runs: THROTTLED_RUNS, pages: measured };
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'gatehouse-bench-'));
  const productionDir = join(work, 'production');
  const mockDir = join(work, 'mock');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  /** @type {BenchResults | undefined} */
  let results;
  /** @type {ThrottledResults} */
  let throttled;
  try {
    console.log('building (production defaults, mock off) …');
    await buildApp(productionDir, false);
    const assets = initialAssets(productionDir);
    const production = await serve(productionDir, 4190);
    let downloads, navigationToLoginButtonMs, withoutScripts, lighthouse;
    try {
      throttled = await throttledComparison(browser, production.url);
      if (options['throttled-only']) {
        reportThrottled(throttled);
        return;
      }
      downloads = await loginDownloads(browser, `${production.url}/login`);
      console.log(`timing ${SAMPLES} cold loads of /login …`);
      navigationToLoginButtonMs = await timeToLoginButton(browser, production.url);
      console.log(`timing ${SAMPLES} cold loads of /login with the scripts blocked …`);
      withoutScripts = await loginButtonWithoutScripts(browser, production.url);
      console.log('lighthouse …');
      lighthouse = await runLighthouse(production.url);
    } finally {
      await production.close();
    }

    console.log('building with the mock API on …');
    await buildApp(mockDir, true);
    const mock = await serve(mockDir, 4191);
    let clickToUsernameMs, productionRound;
    try {
      console.log(`timing ${SAMPLES} logins …`);
      clickToUsernameMs = await clickToUsername(browser, mock.url);
      productionRound = await requestRound(browser, mock.url);
    } finally {
      await mock.close();
    }

    console.log('the same round on the dev server (StrictMode) …');
    const dev = await createServer({
      logLevel: 'warn',
      server: { host: '127.0.0.1', port: 4192, strictPort: true },
    });
    await dev.listen();
    let developmentRound;
    try {
      developmentRound = await requestRound(browser, 'http://127.0.0.1:4192');
    } finally {
      await dev.close();
    }

    results = {
      date: new Date().toISOString(),
      samples: SAMPLES,
      login: {
        fromIndexHtml: { files: assets, totals: totals(assets) },
        loadedByBrowser: {
          files: downloads.files,
          totals: totals(
            downloads.files.map((file) => ({
              file: file.url,
              kind: file.type,
              raw: file.raw,
              gzip: file.gzip,
            })),
          ),
          requests: downloads.requests,
        },
      },
      navigationToLoginButtonMs,
      loginButtonWithoutScripts: withoutScripts,
      clickToUsernameMs,
      throttled,
      requestRound: { production: productionRound, developmentStrictMode: developmentRound },
      lighthouse,
    };
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }

  writeFileSync(
    new URL('./results.json', import.meta.url),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  report(results);
}

/** @param {ThrottledResults} throttled */
function reportThrottled(throttled) {
  const { latencyMs, downloadBitsPerSecond, uploadBitsPerSecond, cpuSlowdown } = throttled.profile;
  console.log(
    `\nthrottled cold loads (${latencyMs} ms round trip, ${downloadBitsPerSecond / 1e6} Mbps down, ` +
      `${uploadBitsPerSecond / 1e3} kbps up, CPU ${cpuSlowdown}× slower; ${throttled.runs} loads each, in turns; ms)`,
  );
  console.table(
    Object.fromEntries(
      throttled.pages.flatMap((page) => [
        [`${page.name}: first contentful paint`, page.firstContentfulPaintMs],
        [`${page.name}: submit first enabled`, page.submitEnabledMs],
        [`${page.name}: login request sent, clicked when enabled`, page.loginRequestMs],
      ]),
    ),
  );
  const [own, other] = throttled.pages;
  for (const page of throttled.pages) {
    console.log(`JavaScript ${page.name} loads: ${page.jsGzipBytes} B gzip -9`);
  }
  if (own === undefined || other === undefined) return;
  const ratio = (/** @type {number} */ a, /** @type {number} */ b) => (a / b).toFixed(2);
  console.log(
    `Gatehouse ÷ ${other.name} (medians): first contentful paint ` +
      `${ratio(own.firstContentfulPaintMs.median, other.firstContentfulPaintMs.median)}, ` +
      `submit first enabled ${ratio(own.submitEnabledMs.median, other.submitEnabledMs.median)}, ` +
      `login request sent ${ratio(own.loginRequestMs.median, other.loginRequestMs.median)}, ` +
      `JavaScript ${ratio(own.jsGzipBytes, other.jsGzipBytes)}`,
  );
}

/** @param {BenchResults} results */
function report(results) {
  const kb = (/** @type {number} */ bytes) => `${(bytes / 1000).toFixed(2)} kB`;
  const loaded = results.login.loadedByBrowser;
  console.log('\n/login downloads (as loaded by Chromium; gzip -9)');
  console.table(
    loaded.files.map((file) => ({
      file: file.url,
      type: file.type,
      raw: kb(file.raw),
      gzip: kb(file.gzip),
    })),
  );
  const { js, css } = loaded.totals;
  console.log(
    `total JS ${kb(js.raw)} raw, ${kb(js.gzip)} gzip; CSS ${kb(css.raw)} raw, ${kb(css.gzip)} gzip; ` +
      `${loaded.requests} requests`,
  );
  console.log('\ntimings (ms, in-page clock)');
  console.table({
    'navigation → Log in visible': results.navigationToLoginButtonMs,
    'click Log in → username visible': results.clickToUsernameMs,
  });
  const blocked = results.loginButtonWithoutScripts;
  console.log(
    `\nLog in visible with JavaScript blocked: ${blocked.visible ? 'yes' : 'no'}` +
      (blocked.navigationToLoginButtonMs === null
        ? ''
        : `, median ${blocked.navigationToLoginButtonMs.median} ms after navigation`),
  );
  reportThrottled(results.throttled);
  console.log('\nAPI requests for login → home → profile → logout');
  for (const [mode, round] of Object.entries(results.requestRound)) {
    const verdict = round.duplicates.length
      ? `  DUPLICATES: ${round.duplicates.join(', ')}`
      : ' (no duplicates)';
    console.log(`  ${mode}: ${round.requests.join(', ')}${verdict}`);
  }
  console.log('\nlighthouse /login (median of 3)');
  if ('skipped' in results.lighthouse) console.log(`  skipped: ${results.lighthouse.skipped}`);
  else console.table(results.lighthouse);
  console.log('\nJSON: bench/results.json');
}

await main();
