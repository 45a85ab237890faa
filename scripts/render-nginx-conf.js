#!/usr/bin/env node
/**
 * Renders deploy/nginx.conf for one build, with the security headers that build wrote into its
 * own output (<root>/gatehouse-build.json, vite-plugins/build-manifest.ts): the build decided
 * which API its pages call, so only the build can say what connect-src must allow.
 *
 *   node scripts/render-nginx-conf.js --root <dist folder> --listen <port | address:port> [--out <file>]
 *   node scripts/render-nginx-conf.js --print-headers --root <dist folder>
 *   node scripts/render-nginx-conf.js --check
 *
 * --print-headers writes the build's headers as `Name: value` lines (what scripts/nginx-e2e.sh
 * expects from the server); --check only compares the template's header lines with
 * vite-plugins/security-headers.ts. Without --out the config goes to stdout.
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

if (process.argv.some((arg) => arg.startsWith('--api-url'))) {
  fail(
    '--api-url is no longer taken: the build decides its API. Build with VITE_API_URL set, then ' +
      'render with --root pointing at that build.',
  );
}

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      root: { type: 'string' },
      listen: { type: 'string' },
      out: { type: 'string' },
      check: { type: 'boolean', default: false },
      'print-headers': { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

// Node 20 cannot import TypeScript itself; Vite's module runner transforms the modules.
const load = async (file) =>
  (await runnerImport(path.join(repo, 'vite-plugins', file), { root: repo, logLevel: 'silent' }))
    .module;
/** @type {(apiUrl: string) => Record<string, string>} */
const securityHeaders = (await load('security-headers.ts')).securityHeaders;

let conf = readFileSync(templatePath, 'utf8');

// The template holds the values for an API on the app's own origin; each must match the module.
const templateHeaders = securityHeaders('');
const headerLine = (name) => new RegExp(`^(\\s*add_header ${name} )"([^"]*)"( always;)$`, 'gm');
for (const [name, value] of Object.entries(templateHeaders)) {
  const found = [...conf.matchAll(headerLine(name))];
  if (found.length !== 1) {
    fail(`deploy/nginx.conf must set ${name} exactly once with \`always\`, found ${found.length}`);
  }
  if (found[0][2] !== value) {
    fail(
      `deploy/nginx.conf is out of date with vite-plugins/security-headers.ts:\n` +
        `  ${name} in nginx.conf: ${found[0][2]}\n  ${name} in the module:  ${value}`,
    );
  }
}
if (args.check) {
  console.log('deploy/nginx.conf matches vite-plugins/security-headers.ts');
  process.exit(0);
}

if (!args.root || !path.isAbsolute(args.root)) fail('--root must be the absolute path of a build');
const { readBuildManifest } = await load('build-manifest.ts');
const { servingWarnings } = await load('serving-warnings.ts');
let manifest;
try {
  manifest = readBuildManifest(args.root);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
for (const warning of servingWarnings(process.env, manifest, '')) {
  console.error(`render-nginx-conf: warning: ${warning}`);
}

const extra = Object.keys(manifest.headers).filter((name) => !(name in templateHeaders));
if (extra.length > 0) fail(`headers missing from deploy/nginx.conf: ${extra.join(', ')}`);
for (const [name, value] of Object.entries(manifest.headers)) {
  if (/["$\\\n]/.test(value)) fail(`${name} has a character nginx would misread: ${value}`);
  conf = conf.replace(headerLine(name), (_match, head, _old, tail) => `${head}"${value}"${tail}`);
}

if (args['print-headers']) {
  for (const [name, value] of Object.entries(manifest.headers)) console.log(`${name}: ${value}`);
  process.exit(0);
}

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
