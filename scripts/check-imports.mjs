// @ts-check
/**
 * `npm run lint` runs this: imports in src/ flow one way, and app code never imports the mock.
 * Each folder is a layer; a module may import its own layer and the layers before it in LAYERS,
 * never one after it. Tests and test helpers may import anything. Static imports only: the app
 * reaches the mock and its lazy chunks through import(), which is how they stay out of /login.
 * Also reports any import cycle between modules. Exits 1 on a finding, with what to change.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {Map<string, string[]>} ImportGraph module → the modules it imports, under src/ */

/**
 * From the bottom up: each entry is a path prefix under src/ and the layer's name.
 * @type {ReadonlyArray<readonly [string, string]>}
 */
export const LAYERS = [
  ['lib/', 'lib: generic helpers'],
  ['emulation/', 'emulation: the Python libraries the mocks imitate'],
  ['backends/', 'backends: the dialects'],
  ['mock-api/server/', "mock-api/server: the mock's state and settings"],
  ['backends/*/mock/', "backends/<name>/mock: a backend's mock"],
  ['config/', 'config'],
  ['i18n/', 'i18n'],
  ['auth/', 'auth: tokens and the session'],
  ['api/', 'api: the fetch wrapper and endpoints'],
  ['ui/', 'ui: shared components'],
  ['private/', 'private pages'],
  ['guard/', 'guard: the private routes and the private chunk'],
  ['public/', 'public pages'],
  ['app/', 'app: routes and shell'],
  ['prerender/', 'prerender'],
  ['mock-api/', 'mock-api: start-up, registry and panel'],
];

/** The mock's own layers: no module outside them (but main.tsx's import() and tests) uses them. */
const MOCK_LAYERS = new Set(['mock-api/server/', 'backends/*/mock/', 'mock-api/', 'emulation/']);

/** @param {string} file */
const isTest = (file) => /\.test\.tsx?$/.test(file) || file.startsWith('test/');

/**
 * The layer of a path under src/ (its index in LAYERS), or null for modules outside every layer
 * (main.tsx).
 * @param {string} file
 * @returns {number | null}
 */
export function layerOf(file) {
  /** @type {number | null} */
  let found = null;
  let foundLength = -1;
  LAYERS.forEach(([prefix], index) => {
    const pattern = new RegExp('^' + prefix.replace('*', '[^/]+'));
    // The longest matching prefix wins: backends/x/mock/ over backends/.
    if (pattern.test(file) && prefix.length > foundLength) {
      found = index;
      foundLength = prefix.length;
    }
  });
  return found;
}

/** @param {number} layer */
const prefixOf = (layer) => LAYERS[layer]?.[0] ?? '';
/** @param {number} layer */
const nameOf = (layer) => LAYERS[layer]?.[1] ?? '';

const STATIC_IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/gm;
const SIDE_EFFECT_IMPORT = /^\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/gm;

/**
 * @param {string} fromFile
 * @param {string} specifier
 * @returns {string | null}
 */
function resolveImport(fromFile, specifier) {
  const base = resolve(dirname(fromFile), specifier);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/**
 * @param {string} dir
 * @returns {string[]}
 */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * The static imports of every module under `srcDir`, as paths relative to it.
 * @param {string} srcDir
 * @returns {ImportGraph}
 */
export function importGraph(srcDir) {
  /** @type {ImportGraph} */
  const graph = new Map();
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    const targets = [];
    for (const pattern of [STATIC_IMPORT, SIDE_EFFECT_IMPORT]) {
      for (const match of text.matchAll(pattern)) {
        const target = resolveImport(file, match[1] ?? '');
        if (target !== null && /\.tsx?$/.test(target)) targets.push(relative(srcDir, target));
      }
    }
    graph.set(relative(srcDir, file), targets);
  }
  return graph;
}

/**
 * Imports that go the wrong way, as sentences.
 * @param {ImportGraph} graph
 * @returns {string[]}
 */
export function layerViolations(graph) {
  /** @type {string[]} */
  const problems = [];
  for (const [file, targets] of graph) {
    if (isTest(file)) continue;
    const from = layerOf(file);
    for (const target of targets) {
      const to = layerOf(target);
      if (to === null) continue;
      const toName = nameOf(to);
      const fromMock = from !== null && MOCK_LAYERS.has(prefixOf(from));
      if (MOCK_LAYERS.has(prefixOf(to)) && !fromMock) {
        problems.push(
          `${file} imports ${target}: app code never imports the mock (${toName}); load it with import() from main.tsx.`,
        );
      } else if (from !== null && to > from) {
        problems.push(
          `${file} imports ${target}: ${nameOf(from)} may not import ${toName}, a layer above it.`,
        );
      }
    }
  }
  return problems;
}

/**
 * Every import cycle (Tarjan's strongly connected components of more than one module).
 * @param {ImportGraph} graph
 * @returns {string[][]}
 */
export function importCycles(graph) {
  let counter = 0;
  /** @type {Map<string, number>} */
  const index = new Map();
  /** @type {Map<string, number>} */
  const low = new Map();
  /** @type {string[]} */
  const stack = [];
  /** @type {Set<string>} */
  const onStack = new Set();
  /** @type {string[][]} */
  const cycles = [];
  /** @param {string} node */
  const lowOf = (node) => low.get(node) ?? Infinity;
  /** @param {string} node */
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(lowOf(node), lowOf(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(lowOf(node), index.get(next) ?? Infinity));
      }
    }
    if (low.get(node) === index.get(node)) {
      /** @type {string[]} */
      const component = [];
      let member;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', process.argv[2] ?? 'src');
  const graph = importGraph(srcDir);
  const problems = [
    ...layerViolations(graph),
    ...importCycles(graph).map((cycle) => `An import cycle: ${cycle.join(', ')}.`),
  ];
  for (const problem of problems) console.error(problem);
  const edges = [...graph.values()].reduce((sum, targets) => sum + targets.length, 0);
  console.log(
    `check-imports: ${graph.size} modules, ${edges} imports, ${problems.length} problem${problems.length === 1 ? '' : 's'}.`,
  );
  process.exit(problems.length > 0 ? 1 : 0);
}
