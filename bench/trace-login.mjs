// @ts-check
/**
 * `node bench/trace-login.mjs URL [--runs N] [--until enabled|request]`: where a throttled cold
 * load of a login page spends its time until the login request leaves, for a person who fills the
 * form in and clicks the moment the submit button allows (`--until enabled`: until that moment,
 * without a click). Records a Chromium performance trace of each load and prints, in milliseconds
 * after navigation: when each file was requested and had arrived, the main thread's work by kind
 * (compiling, evaluating modules, callbacks such as React's hydration, style and layout, garbage
 * collection) and the idle time spent waiting on the network. With several runs, the medians.
 */
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium.mjs';
import { stats } from './stats.mjs';
import { throttledLoad } from './throttled-loads.mjs';

// Few categories: the more the trace records (stack traces, V8's internals), the more it slows
// down the very scripts it measures.
const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading'];

// Chromium names a main-thread task by the scheduler that ran it; older builds say RunTask.
const TASK_NAMES = ['ThreadControllerImpl::RunTask', 'RunTask'];

/** What the main thread's tasks did, by the events inside them. */
const KINDS = /** @type {const} */ ({
  'navigation and HTML parsing': ['DocumentLoader::CommitNavigation', 'ParseHTML'],
  'script compile and module evaluation': [
    'v8.compile',
    'v8.compileModule',
    'v8.evaluateModule',
    'EvaluateScript',
  ],
  'callbacks (promises, React scheduler tasks, events)': [
    'FunctionCall',
    'TimerFire',
    'EventDispatch',
    'FireAnimationFrame',
    'RunMicrotasks',
    'v8.callFunction',
  ],
  'style, layout, paint': ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Commit'],
  'garbage collection': ['MinorGC', 'MajorGC'],
});
const OTHER = 'other browser work';
const IDLE = 'main thread idle (waiting on the network)';

/**
 * One thread's events as complete ones: Chromium records most as one event with a duration, some
 * (long tasks among them) as a begin and an end; a begin the trace stopped before ending lasts
 * until its last event.
 * @param {TraceEvent[]} events
 * @returns {TraceEvent[]}
 */
function completeEvents(events) {
  const last = Math.max(...events.map((event) => event.ts + (event.dur ?? 0)));
  /** @type {TraceEvent[]} */
  const open = [];
  /** @type {TraceEvent[]} */
  const complete = [];
  for (const event of [...events].sort((a, b) => a.ts - b.ts)) {
    if (event.ph === 'X') complete.push(event);
    else if (event.ph === 'B') open.push(event);
    else if (event.ph === 'E') {
      const begun = open.pop();
      if (begun !== undefined) complete.push({ ...begun, ph: 'X', dur: event.ts - begun.ts });
    }
  }
  for (const begun of open) complete.push({ ...begun, ph: 'X', dur: last - begun.ts });
  return complete;
}

/** @param {string} name */
const kindOf = (name) =>
  Object.entries(KINDS).find(([, names]) =>
    /** @type {readonly string[]} */ (names).includes(name),
  )?.[0];

/**
 * @typedef {{ name: string, ph: string, ts: number, dur?: number, pid: number, tid: number,
 *   args?: { name?: string, data?: Record<string, unknown> } }} TraceEvent
 * @typedef {{ at: number, ms: number, kind: string }} Task
 */

/**
 * @param {TraceEvent[]} events
 * @param {number} enabledAtMs the page's own clock: milliseconds after navigation start
 */
function breakdown(events, enabledAtMs) {
  const start = events.find(
    (event) =>
      event.name === 'navigationStart' &&
      String(event.args?.data?.documentLoaderURL ?? '').startsWith('http'),
  );
  if (start === undefined) throw new Error('the trace has no navigationStart');
  const { pid } = start;
  const mainThread = events.find(
    (event) => event.pid === pid && event.ph === 'M' && event.args?.name === 'CrRendererMain',
  )?.tid;
  const at = (/** @type {number} */ ts) => (ts - start.ts) / 1000;
  const end = start.ts + enabledAtMs * 1000;
  const onMain = completeEvents(
    events.filter((event) => event.pid === pid && event.tid === mainThread),
  )
    .filter((event) => event.ts >= start.ts && event.ts < end)
    .sort((a, b) => a.ts - b.ts);

  /** @type {Task[]} */
  const tasks = [];
  /** @type {Record<string, number>} */
  const busy = Object.fromEntries([...Object.keys(KINDS), OTHER].map((kind) => [kind, 0]));
  const add = (/** @type {string} */ kind, /** @type {number} */ ms) => {
    busy[kind] = (busy[kind] ?? 0) + ms;
  };
  for (const task of onMain.filter((event) => TASK_NAMES.includes(event.name))) {
    const taskEnd = Math.min(end, task.ts + (task.dur ?? 0));
    let kind = OTHER;
    let largest = 0;
    // A task's time goes to the outermost events of a known kind inside it (a hydration that
    // runs in the microtasks after a module's evaluation counts as a callback, not as the
    // evaluation); what none of them covers is other browser work.
    let coveredUntil = task.ts;
    let covered = 0;
    for (const inner of onMain) {
      if (inner.ts < task.ts) continue;
      if (inner.ts >= taskEnd) break;
      const innerKind = kindOf(inner.name);
      if (innerKind === undefined) continue;
      if ((inner.dur ?? 0) > largest) {
        largest = inner.dur ?? 0;
        kind = innerKind;
      }
      if (inner.ts < coveredUntil) continue;
      const innerEnd = Math.min(taskEnd, inner.ts + (inner.dur ?? 0));
      add(innerKind, (innerEnd - inner.ts) / 1000);
      covered += innerEnd - inner.ts;
      coveredUntil = innerEnd;
    }
    add(OTHER, (taskEnd - task.ts - covered) / 1000);
    tasks.push({ at: at(task.ts), ms: (taskEnd - task.ts) / 1000, kind });
  }
  busy[IDLE] = enabledAtMs - tasks.reduce((sum, task) => sum + task.ms, 0);

  /** @type {Map<string, { url: string, sent?: number, firstByte?: number, finished?: number }>} */
  const requests = new Map();
  for (const event of events) {
    const data = event.args?.data;
    const id = typeof data?.requestId === 'string' ? data.requestId : undefined;
    if (id === undefined || event.pid !== pid) continue;
    const entry = requests.get(id) ?? { url: '' };
    if (event.name === 'ResourceSendRequest') {
      entry.url = String(data?.url ?? '');
      entry.sent = at(event.ts);
    } else if (event.name === 'ResourceReceiveResponse') entry.firstByte ??= at(event.ts);
    else if (event.name === 'ResourceFinish') entry.finished = at(event.ts);
    requests.set(id, entry);
  }
  return {
    busy,
    longTasks: tasks.filter((task) => task.ms >= 10),
    requests: [...requests.values()]
      .filter(
        (request) => request.url.startsWith('http') && (request.sent ?? Infinity) < enabledAtMs,
      )
      .map((request) => ({ ...request, url: new URL(request.url).pathname })),
  };
}

const median = (/** @type {number[]} */ values) => stats(values).median;
const ms = (/** @type {number | undefined} */ value) =>
  value === undefined ? '' : Math.round(value);

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      runs: { type: 'string', default: '3' },
      until: { type: 'string', default: 'request' },
    },
  });
  const [url] = positionals;
  if (url === undefined || !['enabled', 'request'].includes(values.until)) {
    throw new Error('usage: node bench/trace-login.mjs URL [--runs N] [--until enabled|request]');
  }
  const click = values.until === 'request';
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  /** @type {ReturnType<typeof breakdown>[]} */
  const runs = [];
  /** @type {{ firstContentfulPaintMs: number, submitEnabledMs: number, loginRequestMs: number }[]} */
  const marks = [];
  try {
    for (let run = 0; run < Number(values.runs); run += 1) {
      /** @type {Buffer | undefined} */
      let trace;
      const load = await throttledLoad(browser, url, {
        click,
        beforeLoad: (page) => browser.startTracing(page, { categories: CATEGORIES }),
        afterLoad: async () => {
          trace = await browser.stopTracing();
        },
      });
      if (trace === undefined) throw new Error('no trace was recorded');
      const { traceEvents } = /** @type {{ traceEvents: TraceEvent[] }} */ (
        JSON.parse(trace.toString('utf8'))
      );
      runs.push(breakdown(traceEvents, click ? load.loginRequestMs : load.submitEnabledMs));
      marks.push(load);
    }
  } finally {
    await browser.close();
  }

  console.log(`${url}: ${runs.length} throttled cold loads, medians (ms after navigation)`);
  console.log(
    `first contentful paint ${ms(median(marks.map((mark) => mark.firstContentfulPaintMs)))}, ` +
      `submit first enabled ${ms(median(marks.map((mark) => mark.submitEnabledMs)))}` +
      (click ? `, login request sent ${ms(median(marks.map((mark) => mark.loginRequestMs)))}` : ''),
  );
  const first = runs[0];
  if (first === undefined) return;
  console.log('\nrequests (requested → first byte → arrived)');
  console.table(
    first.requests.map((request, index) => ({
      url: request.url,
      requested: ms(median(runs.map((run) => run.requests[index]?.sent ?? NaN))),
      'first byte': ms(median(runs.map((run) => run.requests[index]?.firstByte ?? NaN))),
      arrived: ms(median(runs.map((run) => run.requests[index]?.finished ?? NaN))),
    })),
  );
  console.log('\ntasks of the first run, of 10 ms or more (ms after navigation)');
  console.table(
    first.longTasks.map((task) => ({ at: ms(task.at), ms: ms(task.ms), kind: task.kind })),
  );
  console.log(
    `\nmain thread until ${click ? 'the login request leaves' : 'the submit button is enabled'}`,
  );
  console.table(
    Object.fromEntries(
      Object.keys(first.busy).map((kind) => [
        kind,
        { ms: ms(median(runs.map((run) => run.busy[kind] ?? 0))) },
      ]),
    ),
  );
}

await main();
