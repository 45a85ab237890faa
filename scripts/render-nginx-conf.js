#!/usr/bin/env node
/**
 * Renders deploy/nginx.conf for one server, after checking that its security headers are those of
 * src/config/security-headers.ts (the one source of the values; `vite preview` sends them too).
 *
 *   node scripts/render-nginx-conf.js --root <dist folder> --listen <port | address:port>
 *        [--api-url <VITE_API_URL>] [--out <file>]
 *   node scripts/render-nginx-conf.js --check
 *   node scripts/render-nginx-conf.js --print-headers [--api-url <VITE_API_URL>]
 *
 * --check only compares deploy/nginx.conf with the module; --print-headers writes the headers as
 * `Name: value` lines (what scripts/nginx-e2e.sh expects from the server).
 * --api-url defaults to $VITE_API_URL; its origin goes into connect-src. Without --out the
 * config goes to stdout.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const templatePath = path.join(repo, 'deploy', 'nginx.conf');

function fail(message) {
  console.error(`render-nginx-conf: ${message}`);
  process.exit(1);
}

const { values: args } = parseArgs({
  options: {
    root: { type: 'string' },
    listen: { type: 'string' },
    'api-url': { type: 'string', default: process.env.VITE_API_URL ?? '' },
    out: { type: 'string' },
    check: { type: 'boolean', default: false },
    'print-headers': { type: 'boolean', default: false },
  },
});

// Node 20 cannot import TypeScript itself; Vite's module runner transforms the module.
const { module: headersModule } = await runnerImport(
  path.join(repo, 'src', 'config', 'security-headers.ts'),
  { root: repo, logLevel: 'silent' },
);
/** @type {(apiUrl: string) => Record<string, string>} */
const securityHeaders = headersModule.securityHeaders;

let conf = readFileSync(templatePath, 'utf8');

// The template holds the values for an API on the app's own origin; each must match the module.
const expected = securityHeaders('');
let wanted;
try {
  wanted = securityHeaders(args['api-url']);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
for (const [name, value] of Object.entries(expected)) {
  const line = new RegExp(`^(\\s*add_header ${name} )"([^"]*)"( always;)$`, 'gm');
  const found = [...conf.matchAll(line)];
  if (found.length !== 1) {
    fail(`deploy/nginx.conf must set ${name} exactly once with \`always\`, found ${found.length}`);
  }
  const actual = found[0][2];
  if (actual !== value) {
    fail(
      `deploy/nginx.conf is out of date with src/config/security-headers.ts:\n` +
        `  ${name} in nginx.conf: ${actual}\n  ${name} in the module:  ${value}`,
    );
  }
  const next = wanted[name];
  if (/["$\\\n]/.test(next)) fail(`${name} has a character nginx would misread: ${next}`);
  conf = conf.replace(line, (_match, head, _old, tail) => `${head}"${next}"${tail}`);
}
const extra = Object.keys(wanted).filter((name) => !(name in expected));
if (extra.length > 0) fail(`headers missing from deploy/nginx.conf: ${extra.join(', ')}`);

if (args['print-headers']) {
  for (const [name, value] of Object.entries(wanted)) console.log(`${name}: ${value}`);
  process.exit(0);
}
if (args.check) {
  console.log('deploy/nginx.conf matches src/config/security-headers.ts');
  process.exit(0);
}

if (!args.root || !path.isAbsolute(args.root)) fail('--root must be an absolute path');
if (!args.listen || !/^(\S+:)?\d{1,5}$/.test(args.listen)) {
  fail('--listen must be a port or address:port');
}
if (/[\s;{}"'$]/.test(args.root)) fail(`--root has a character nginx would misread: ${args.root}`);

// Placeholders in directives only; the comments that explain them stay as they are.
const placeholders = { __ROOT__: args.root, __LISTEN__: args.listen };
const used = new Set();
conf = conf
  .split('\n')
  .map((line) =>
    line.trimStart().startsWith('#')
      ? line
      : line.replace(/__[A-Z]+__/g, (name) => {
          if (!(name in placeholders)) fail(`deploy/nginx.conf has an unknown placeholder ${name}`);
          used.add(name);
          return placeholders[name];
        }),
  )
  .join('\n');
for (const name of Object.keys(placeholders)) {
  if (!used.has(name)) fail(`deploy/nginx.conf has no ${name}`);
}

if (args.out) writeFileSync(args.out, conf);
else process.stdout.write(conf);
