// @ts-check
/**
 * `npm run bench:soak [-- --cycles N]`: a memory soak of one tab against the real backend.
 *
 * Builds Gatehouse once for the reference Flask + flask-jwt-extended backend (cross-origin, as
 * `npm run test:backend` builds its standard backend), serves it with `vite preview`, starts that
 * backend, and in one Chromium tab runs N cycles (default 300) of: log in through the form → home
 * (→ profile every third cycle) → Log out → the login page. At checkpoints (before the first
 * login, cycles 1, 100, 300, 900 and the last) it forces a garbage collection over CDP and reads
 * the JS heap in use, the DOM counters and the timers still pending; after the last checkpoint a
 * heap snapshot counts the DOMTimer objects (every pending setTimeout/setInterval) independently.
 * A session that ends should leave nothing behind: the heap should be flat after cycle 1.
 *
 * Everything listens on 127.0.0.1 and is stopped at the end, also on failure or Ctrl-C. Numbers
 * are reported, never asserted, except that the page must log no console errors (exit code 1).
 *
 * Flags: --cycles N (default 300), --timeout-minutes M (the whole run; default 5 + 0.05 × N),
 * --no-timer-probe (do not wrap setTimeout in the page: heap numbers untouched by the probe),
 * --no-snapshot (skip the final heap snapshot), --json FILE (also write the results there).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium.mjs';

const USER = { username: 'alesanchezr', password: '12341234' };
const STEP_TIMEOUT_MS = 15_000;
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Every variable the build reads; unset for the build and for the preview server, then restored. */
const VITE_VARIABLES = [
  'VITE_API_URL',
  'VITE_API_MOCKING',
  'VITE_API_PROXY',
  'VITE_API_PROFILE',
  'VITE_LOGIN_IDENTIFIER',
  'VITE_SIGNUP',
  'VITE_API_LOGOUT',
];

/**
 * @typedef {{ count: number, byDelay: Record<string, number>, intervals: number }} TimerCounts
 * @typedef {{
 *   cycle: number,
 *   usedBytes: number,
 *   totalBytes: number,
 *   documents: number,
 *   nodes: number,
 *   jsEventListeners: number,
 *   timers: TimerCounts | null,
 *   elapsedMs: number,
 * }} Checkpoint
 * @typedef {{
 *   date: string,
 *   cycles: number,
 *   timerProbe: boolean,
 *   checkpoints: Checkpoint[],
 *   snapshot: { cycle: number, domTimers: number, nodes: number, byName: Record<string, number> } | null,
 *   consoleErrors: string[],
 *   apiRequests: number,
 *   durationMs: number,
 * }} SoakResults
 */

function options() {
  const { values } = parseArgs({
    options: {
      cycles: { type: 'string', default: '300' },
      'timeout-minutes': { type: 'string' },
      'no-timer-probe': { type: 'boolean', default: false },
      'no-snapshot': { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  });
  const cycles = Number(values.cycles);
  if (!Number.isInteger(cycles) || cycles < 1)
    throw new Error(`--cycles must be a positive integer`);
  const minutes = Number(values['timeout-minutes'] ?? 5 + 0.05 * cycles);
  if (!(minutes > 0)) throw new Error('--timeout-minutes must be a positive number');
  return {
    cycles,
    timeoutMs: minutes * 60_000,
    timerProbe: !values['no-timer-probe'],
    snapshot: !values['no-snapshot'],
    json: values.json,
  };
}

/** A port nothing listens on right now, on 127.0.0.1. @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs `work` with exactly `variables` among the VITE_* ones in process.env (Vite's loadEnv reads
 * the process environment), then restores them.
 * @template T
 * @param {Record<string, string>} variables
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
async function withViteEnv(variables, work) {
  /** @type {Record<string, string | undefined>} */
  const saved = {};
  for (const name of VITE_VARIABLES) {
    saved[name] = process.env[name];
    delete process.env[name];
  }
  Object.assign(process.env, variables);
  try {
    return await work();
  } finally {
    for (const name of VITE_VARIABLES) {
      const value = saved[name];
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/**
 * The Python that runs examples/flask-api and the PYTHONPATH it needs, found the way
 * backend-tests/reference-backends.ts finds them (that module is TypeScript; this is its Flask
 * part): $PYTHON, /usr/bin/python3 or python3 that imports Flask; flask-jwt-extended importable,
 * else from FLASK_JWT_EXTENDED_SRC, else ../shared/vendor/flask-jwt-extended beside the repository.
 */
function flaskPython() {
  /** @param {string} python @param {string} modules @param {string} [pythonPath] */
  const imports = (python, modules, pythonPath) => {
    const env = { ...process.env };
    if (pythonPath !== undefined) env.PYTHONPATH = pythonPath;
    return spawnSync(python, ['-c', `import ${modules}`], { env, stdio: 'ignore' }).status === 0;
  };
  const candidates = [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter(
    /** @returns {candidate is string} */ (candidate) =>
      candidate !== undefined && candidate !== '',
  );
  const python = candidates.find((candidate) => imports(candidate, 'flask, flask_cors, jwt'));
  if (python === undefined) {
    throw new Error(
      `No Python among ${candidates.join(', ')} imports flask, flask_cors and jwt. On Debian: ` +
        'apt-get install -y python3-flask python3-flask-cors python3-jwt',
    );
  }
  if (imports(python, 'flask_jwt_extended')) return { python, env: {} };
  const sources = [
    process.env.FLASK_JWT_EXTENDED_SRC,
    join(repoRoot, '..', 'shared', 'vendor', 'flask-jwt-extended'),
  ].filter(/** @returns {source is string} */ (source) => source !== undefined && source !== '');
  for (const source of sources) {
    const pythonPath = [source, process.env.PYTHONPATH].filter(Boolean).join(':');
    if (imports(python, 'flask_jwt_extended', pythonPath)) {
      return { python, env: { PYTHONPATH: pythonPath } };
    }
  }
  throw new Error(
    `${python} cannot import flask_jwt_extended, and neither FLASK_JWT_EXTENDED_SRC nor ` +
      `${sources.join(', ')} holds it.`,
  );
}

/**
 * Starts examples/flask-api on 127.0.0.1:`port`, allowing calls from `appOrigin`, and waits until
 * it answers (GET /protected says 401).
 * @param {number} port
 * @param {string} appOrigin
 */
async function startFlask(port, appOrigin) {
  const { python, env } = flaskPython();
  const child = spawn(
    python,
    [
      ...['-m', 'flask', '--app', join(repoRoot, 'examples', 'flask-api', 'app.py'), 'run'],
      ...['--host', '127.0.0.1', '--port', String(port)],
    ],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        ...env,
        JWT_SECRET_KEY: 'gatehouse-soak-secret-of-at-least-32-bytes',
        CORS_ORIGINS: appOrigin,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let log = '';
  child.stderr.on('data', (/** @type {Buffer} */ chunk) => {
    // The server logs every request; keep only the tail for an error message.
    log = (log + chunk.toString()).slice(-4000);
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The Flask backend exited:\n${log}`);
    try {
      await (await fetch(`${origin}/protected`)).arrayBuffer();
      return { origin, stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await stop();
  throw new Error(`The Flask backend did not answer on ${origin} within 30 s:\n${log}`);
}

// Runs in the page before the app: keeps count of the timers still pending (set, neither fired
// nor cleared), by delay. The wrappers hold what the native timers hold, no more.
const TIMER_PROBE = () => {
  /** @type {Map<number, number>} */
  const pending = new Map();
  /** @type {Map<number, number>} */
  const intervals = new Map();
  const { setTimeout: nativeSet, clearTimeout: nativeClear } = window;
  const { setInterval: nativeSetInterval, clearInterval: nativeClearInterval } = window;
  Object.assign(window, {
    setTimeout: (
      /** @type {TimerHandler} */ handler,
      /** @type {number} */ delay = 0,
      /** @type {unknown[]} */ ...args
    ) => {
      if (typeof handler !== 'function') return nativeSet(handler, delay, ...args);
      /** @type {number} */
      const id = nativeSet(
        (/** @type {unknown[]} */ ...callArgs) => {
          pending.delete(id);
          handler(...callArgs);
        },
        delay,
        ...args,
      );
      pending.set(id, Number(delay) || 0);
      return id;
    },
    clearTimeout: (/** @type {number | undefined} */ id) => {
      if (id !== undefined) pending.delete(id);
      nativeClear(id);
    },
    setInterval: (
      /** @type {TimerHandler} */ handler,
      /** @type {number} */ delay = 0,
      /** @type {unknown[]} */ ...args
    ) => {
      const id = nativeSetInterval(handler, delay, ...args);
      intervals.set(id, Number(delay) || 0);
      return id;
    },
    clearInterval: (/** @type {number | undefined} */ id) => {
      if (id !== undefined) intervals.delete(id);
      nativeClearInterval(id);
    },
    __soakTimers: () => {
      /** @type {Record<string, number>} */
      const byDelay = {};
      for (const delay of pending.values()) {
        const key =
          delay < 1000 ? '<1s' : delay < 60_000 ? '1s-1min' : `${Math.round(delay / 1000)}s`;
        byDelay[key] = (byDelay[key] ?? 0) + 1;
      }
      return { count: pending.size, byDelay, intervals: intervals.size };
    },
  });
};

/**
 * Forces a full garbage collection and reads what is left.
 * @param {import('@playwright/test').CDPSession} cdp
 * @param {import('@playwright/test').Page} page
 * @param {boolean} timerProbe
 * @param {number} cycle
 * @param {number} startedAt
 * @returns {Promise<Checkpoint>}
 */
async function checkpoint(cdp, page, timerProbe, cycle, startedAt) {
  // Let effects and microtasks of the last navigation settle, then collect (twice: the first
  // pass can free what only the second finds unreachable, e.g. weak callbacks).
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))),
  );
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
  const { documents, nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  const timers = timerProbe
    ? await page.evaluate(() =>
        /** @type {{ __soakTimers: () => TimerCounts }} */ (
          /** @type {unknown} */ (window)
        ).__soakTimers(),
      )
    : null;
  return {
    cycle,
    usedBytes: usedSize,
    totalBytes: totalSize,
    documents,
    nodes,
    jsEventListeners,
    timers,
    elapsedMs: Date.now() - startedAt,
  };
}

/**
 * Takes a heap snapshot and counts its nodes by name, for the names that tell a leak apart.
 * @param {import('@playwright/test').CDPSession} cdp
 */
async function snapshotCounts(cdp) {
  /** @type {string[]} */
  const chunks = [];
  /** @param {{ chunk: string }} event */
  const onChunk = (event) => {
    chunks.push(event.chunk);
  };
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', {
      reportProgress: false,
      captureNumericValue: false,
    });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  /** @type {{ snapshot: { meta: { node_fields: string[] } }, nodes: number[], strings: string[] }} */
  const heap = JSON.parse(chunks.join(''));
  const fields = heap.snapshot.meta.node_fields;
  const stride = fields.length;
  const nameAt = fields.indexOf('name');
  const watched = ['DOMTimer', 'AbortController', 'AbortSignal', 'ScheduledAction'];
  const counts = new Map(watched.map((name) => [name, 0]));
  for (let index = 0; index < heap.nodes.length; index += stride) {
    const name = heap.strings[heap.nodes[index + nameAt] ?? -1] ?? '';
    const count = counts.get(name);
    if (count !== undefined) counts.set(name, count + 1);
  }
  return {
    domTimers: counts.get('DOMTimer') ?? 0,
    nodes: heap.nodes.length / stride,
    byName: Object.fromEntries(counts),
  };
}

async function main() {
  const { cycles, timeoutMs, timerProbe, snapshot, json } = options();
  const startedAt = Date.now();
  process.chdir(repoRoot);
  const work = mkdtempSync(join(tmpdir(), 'gatehouse-soak-'));
  const outDir = join(work, 'dist');
  /** @type {(() => Promise<unknown>)[]} */
  const stops = [];
  let stopping = false;
  const stopAll = async () => {
    if (stopping) return;
    stopping = true;
    for (const stop of stops.reverse()) await stop().catch((error) => console.error(error));
    rmSync(work, { recursive: true, force: true });
  };
  const onSignal = () => {
    console.error('\ninterrupted: stopping everything …');
    stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let watchdog;

  /** @type {SoakResults} */
  let results;
  try {
    const backendPort = await freePort();
    const appPort = await freePort();
    const appOrigin = `http://127.0.0.1:${appPort}`;
    const apiOrigin = `http://127.0.0.1:${backendPort}`;

    console.log(`building for the Flask backend at ${apiOrigin} …`);
    // As `npm run test:backend` builds its standard Flask backend: cross-origin, mock off, and Log
    // out revoking the token (the backend's blocklist); sign-up on, the profile's default.
    await withViteEnv(
      { VITE_API_URL: apiOrigin, VITE_API_MOCKING: 'false', VITE_API_LOGOUT: 'true' },
      () => build({ root: repoRoot, logLevel: 'warn', build: { outDir, emptyOutDir: true } }),
    );
    const server = await withViteEnv({}, () =>
      preview({
        root: repoRoot,
        logLevel: 'warn',
        build: { outDir },
        preview: { host: '127.0.0.1', port: appPort, strictPort: true },
      }),
    );
    stops.push(() => server.close());

    console.log('starting the Flask backend …');
    const backend = await startFlask(backendPort, appOrigin);
    stops.push(backend.stop);

    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    stops.push(() => browser.close());

    // Bounded: past the deadline, everything is stopped and the run fails.
    const timedOut = new Promise((_, reject) => {
      watchdog = setTimeout(
        () => reject(new Error(`the soak took longer than ${Math.round(timeoutMs / 60_000)} min`)),
        timeoutMs,
      );
    });
    const running = soak(browser, {
      appOrigin,
      apiOrigin,
      cycles,
      timerProbe,
      snapshot,
      startedAt,
    });
    // Once the deadline has passed, closing the browser makes the abandoned run fail too.
    running.catch(() => undefined);
    results = /** @type {SoakResults} */ (await Promise.race([running, timedOut]));
  } finally {
    clearTimeout(watchdog);
    await stopAll();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  if (json !== undefined) writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  report(results);
  if (results.consoleErrors.length > 0) process.exitCode = 1;
}

/**
 * The cycles themselves, in one tab.
 * @param {import('@playwright/test').Browser} browser
 * @param {{ appOrigin: string, apiOrigin: string, cycles: number, timerProbe: boolean,
 *   snapshot: boolean, startedAt: number }} settings
 * @returns {Promise<SoakResults>}
 */
async function soak(browser, { appOrigin, apiOrigin, cycles, timerProbe, snapshot, startedAt }) {
  const context = await browser.newContext();
  if (timerProbe) await context.addInitScript(TIMER_PROBE);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  /** @type {string[]} */
  const consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));

  // API requests in flight: each step waits for them, as a person would before the next click
  // (a logout while GET /protected is still on its way would measure a different path).
  let inFlight = 0;
  let apiRequests = 0;
  /** @param {import('@playwright/test').Request} request */
  const isApi = (request) => request.url().startsWith(apiOrigin);
  page.on('request', (request) => {
    if (!isApi(request)) return;
    inFlight += 1;
    apiRequests += 1;
  });
  const done = (/** @type {import('@playwright/test').Request} */ request) => {
    if (isApi(request)) inFlight -= 1;
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  const settle = async () => {
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    while (inFlight > 0) {
      if (Date.now() > deadline) throw new Error(`${inFlight} API requests still in flight`);
      await page.waitForTimeout(20);
    }
  };

  const cdp = await context.newCDPSession(page);
  const checkpointsAt = new Set([1, 100, 300, 900, cycles].filter((cycle) => cycle <= cycles));
  /** @type {Checkpoint[]} */
  const checkpoints = [];

  await page.goto(`${appOrigin}/login`);
  const logIn = page.getByRole('button', { name: 'Log in' });
  // The app has taken over the prerendered page once Show password is enabled (Log in is before).
  await page.getByRole('button', { name: 'Show password' }).and(page.locator(':enabled')).waitFor();
  checkpoints.push(await checkpoint(cdp, page, timerProbe, 0, startedAt));

  const heading = page.getByRole('heading', { name: `Welcome, ${USER.username}!` });
  const profileLink = page.getByRole('link', { name: 'Profile', exact: true });
  const profileEntry = page.getByRole('definition').filter({ hasText: USER.username });
  const logOut = page.getByRole('button', { name: 'Log out' });

  const progressEvery = Math.max(1, Math.round(cycles / 10));
  for (let cycle = 1; cycle <= cycles; cycle += 1) {
    await page.getByLabel('Username').fill(USER.username);
    await page.getByLabel('Password').fill(USER.password);
    await logIn.click();
    await heading.waitFor();
    await settle();
    if (cycle % 3 === 0) {
      await profileLink.click();
      await profileEntry.waitFor();
      await settle();
    }
    await logOut.click();
    await logIn.waitFor();
    await page.locator('button[type="submit"]:enabled').waitFor();
    await settle();
    if (checkpointsAt.has(cycle)) {
      const point = await checkpoint(cdp, page, timerProbe, cycle, startedAt);
      checkpoints.push(point);
      console.log(
        `  cycle ${cycle}: ${mb(point.usedBytes)} used after GC` +
          (point.timers ? `, ${point.timers.count} timers pending` : ''),
      );
    } else if (cycle % progressEvery === 0) {
      console.log(`  cycle ${cycle}/${cycles}`);
    }
  }

  let heap = null;
  if (snapshot) {
    console.log('heap snapshot …');
    heap = { cycle: cycles, ...(await snapshotCounts(cdp)) };
  }
  await context.close();
  return {
    date: new Date().toISOString(),
    cycles,
    timerProbe,
    checkpoints,
    snapshot: heap,
    consoleErrors,
    apiRequests,
    durationMs: Date.now() - startedAt,
  };
}

const mb = (/** @type {number} */ bytes) => `${(bytes / 1e6).toFixed(2)} MB`;

/** @param {SoakResults} results */
function report(results) {
  const first = results.checkpoints.find((point) => point.cycle === 1);
  console.log(
    `\nheap after a forced GC, one tab, ${results.cycles} cycles of login → home ` +
      '(→ profile every third) → logout, against Flask + flask-jwt-extended',
  );
  console.table(
    results.checkpoints.map((point, index) => {
      const previous = results.checkpoints[index - 1];
      const since =
        first !== undefined && point.cycle > 1 ? point.usedBytes - first.usedBytes : null;
      return {
        cycle: point.cycle,
        'JS heap used': mb(point.usedBytes),
        'Δ since cycle 1': since === null ? '' : `${(since / 1000).toFixed(1)} kB`,
        'per cycle': since === null ? '' : `${(since / (point.cycle - 1) / 1000).toFixed(2)} kB`,
        'per cycle since previous':
          previous === undefined || previous.cycle < 1 || point.cycle <= 1
            ? ''
            : `${((point.usedBytes - previous.usedBytes) / (point.cycle - previous.cycle) / 1000).toFixed(2)} kB`,
        'timers pending': point.timers?.count ?? 'n/a',
        'timers ≥ 1 min': point.timers
          ? Object.entries(point.timers.byDelay)
              .filter(([delay]) => delay !== '<1s' && delay !== '1s-1min')
              .map(([delay, count]) => `${count}×${delay}`)
              .join(' ')
          : 'n/a',
        listeners: point.jsEventListeners,
        nodes: point.nodes,
        documents: point.documents,
        'elapsed s': Math.round(point.elapsedMs / 1000),
      };
    }),
  );
  if (results.snapshot !== null) {
    const { cycle, domTimers, byName, nodes } = results.snapshot;
    const others = Object.entries(byName)
      .filter(([name]) => name !== 'DOMTimer')
      .map(([name, count]) => `${name} ${count}`)
      .join(', ');
    console.log(
      `heap snapshot after cycle ${cycle}: ${domTimers} DOMTimer (pending timers); ${others}; ` +
        `${nodes} nodes`,
    );
  }
  console.log(
    `${results.apiRequests} API requests; ${Math.round(results.durationMs / 1000)} s in all; ` +
      `console errors: ${results.consoleErrors.length}`,
  );
  for (const error of results.consoleErrors.slice(0, 10)) console.log(`  ${error}`);
}

await main();
