// @ts-check
/**
 * Cold loads of a login page on a throttled mobile profile, applied by Chromium itself through the
 * DevTools protocol (the network for real, the CPU slowed down): when the form first paints, when
 * its submit button is first enabled, and, for a person who fills the form in and clicks the
 * moment the button allows, when the login request leaves. Several pages are loaded in turns, so
 * that a busy moment of the machine falls on each of them alike.
 */

/** 150 ms round trip, 1.6 Mbps down, 750 kbps up, a CPU 4× slower: a mid-range phone on 4G. */
export const THROTTLED_PROFILE = {
  latencyMs: 150,
  downloadBitsPerSecond: 1_600_000,
  uploadBitsPerSecond: 750_000,
  cpuSlowdown: 4,
};

/**
 * @typedef {{ name: string, url: string }} ComparedPage
 * @typedef {{ firstContentfulPaintMs: number[], submitEnabledMs: number[], loginRequestMs: number[] }} PageSamples
 */

const REPORT = 'throttled-load-marks';

// Runs in the page before its scripts. The submit button counts as enabled from the first
// moment the form holds one that is not disabled: a prerendered page that ships it disabled
// until its script has taken over is not usable before that. With `click`, the form's fields are
// filled in and the button clicked in the next task, as by a person who typed early and clicks as
// soon as it lets them; the first POST the page fetches is the login request. The marks come back
// as a console message: polling for them from Playwright would inject its script into the page
// mid-load and compete with the page for the main thread.
const ENABLED_PROBE = (/** @type {{ report: string, click: boolean }} */ { report, click }) => {
  /** @type {Record<string, number>} */
  const marks = {};
  const done = () => {
    if (
      marks.submitEnabled !== undefined &&
      marks.firstContentfulPaint !== undefined &&
      (!click || marks.loginRequest !== undefined)
    ) {
      console.debug(report, JSON.stringify(marks));
    }
  };
  if (click) {
    const pageFetch = window.fetch;
    window.fetch = (input, init) => {
      if (marks.loginRequest === undefined && init?.method?.toUpperCase() === 'POST') {
        marks.loginRequest = performance.now();
        done();
      }
      return pageFetch(input, init);
    };
  }
  /** @param {HTMLButtonElement} button */
  const fillInAndClick = (button) => {
    for (const input of button.form?.querySelectorAll('input') ?? []) {
      if (input.value === '') input.value = input.type === 'password' ? '12341234' : 'alesanchezr';
    }
    button.click();
  };
  const check = () => {
    if (marks.submitEnabled !== undefined) return;
    const button = document.querySelector('form button[type="submit"]');
    if (button instanceof HTMLButtonElement && !button.disabled) {
      marks.submitEnabled = performance.now();
      if (click) setTimeout(() => fillInAndClick(button), 0);
      done();
    }
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['disabled'],
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'first-contentful-paint') marks.firstContentfulPaint = entry.startTime;
    }
    done();
  }).observe({ type: 'paint', buffered: true });
};

/**
 * Applies the throttled profile to a page that has not loaded yet.
 * @param {import('@playwright/test').BrowserContext} context
 * @param {import('@playwright/test').Page} page
 */
export async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: THROTTLED_PROFILE.latencyMs,
    downloadThroughput: THROTTLED_PROFILE.downloadBitsPerSecond / 8,
    uploadThroughput: THROTTLED_PROFILE.uploadBitsPerSecond / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLED_PROFILE.cpuSlowdown });
}

/**
 * Opens `url` in a fresh context on the throttled profile; resolves with the page's first
 * contentful paint, the first moment its submit button was enabled and, with `click`, when the
 * login request left, in the page's clock.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {{
 *   beforeLoad?: (page: import('@playwright/test').Page) => Promise<void>,
 *   afterLoad?: (page: import('@playwright/test').Page) => Promise<void>,
 *   click?: boolean,
 * }} [options]
 */
export async function throttledLoad(browser, url, { beforeLoad, afterLoad, click = false } = {}) {
  const context = await browser.newContext();
  try {
    await context.addInitScript(ENABLED_PROBE, { report: REPORT, click });
    const page = await context.newPage();
    await throttle(context, page);
    await beforeLoad?.(page);
    const report = page.waitForEvent('console', {
      predicate: (message) => message.text().startsWith(REPORT),
      timeout: 60_000,
    });
    await page.goto(url);
    /** @type {Record<string, number>} */
    const marks = JSON.parse((await report).text().slice(REPORT.length + 1));
    await afterLoad?.(page);
    return {
      firstContentfulPaintMs: marks.firstContentfulPaint ?? NaN,
      submitEnabledMs: marks.submitEnabled ?? NaN,
      loginRequestMs: marks.loginRequest ?? NaN,
    };
  } finally {
    await context.close();
  }
}

/**
 * `runs` cold loads of each page, in turns (the order rotates each round).
 * @param {import('@playwright/test').Browser} browser
 * @param {ComparedPage[]} pages
 * @param {number} runs
 * @returns {Promise<Map<string, PageSamples>>}
 */
export async function throttledLoads(browser, pages, runs) {
  /** @type {Map<string, PageSamples>} */
  const samples = new Map(
    pages.map((page) => [
      page.name,
      { firstContentfulPaintMs: [], submitEnabledMs: [], loginRequestMs: [] },
    ]),
  );
  for (let round = 0; round < runs; round += 1) {
    const order = pages.map((_, index) => pages[(index + round) % pages.length]);
    for (const page of order) {
      if (page === undefined) continue;
      const load = await throttledLoad(browser, page.url, { click: true });
      const into = samples.get(page.name);
      into?.firstContentfulPaintMs.push(load.firstContentfulPaintMs);
      into?.submitEnabledMs.push(load.submitEnabledMs);
      into?.loginRequestMs.push(load.loginRequestMs);
    }
  }
  return samples;
}
