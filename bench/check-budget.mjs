// @ts-check
/**
 * Fails when the JavaScript that /login loads (gzip -9) is over bench/budget.json.
 * Run after `npm run build`: `node bench/check-budget.mjs [distDir]`.
 */
import { readFileSync } from 'node:fs';
import { initialAssets, totals } from './login-assets.mjs';

const distDir = process.argv[2] ?? 'dist';
/** @type {{ loginJsGzipBytes: number }} */
const budget = JSON.parse(readFileSync(new URL('./budget.json', import.meta.url), 'utf8'));
const { js } = totals(initialAssets(distDir));

const verdict = js.gzip <= budget.loginJsGzipBytes ? 'within' : 'OVER';
console.log(
  `/login JavaScript: ${js.gzip} B gzip -9 (${js.raw} B raw), budget ${budget.loginJsGzipBytes} B: ${verdict}`,
);
process.exit(verdict === 'within' ? 0 : 1);
