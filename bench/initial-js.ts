// The JavaScript a visitor's home page loads before anything else happens (issue 15: at most
// 200 KB gzip): the entry script and every module it preloads, as the built index.html lists
// them. Pages the app fetches later (on idle, or when opened) and the service worker's
// background precache are not counted: they never hold up the first screen.
//
//   npm run build && npx tsx bench/initial-js.ts            # apps/web/dist
//   npx tsx bench/initial-js.ts path/to/dist                # another build
//
// Prints each file with its raw and gzip size (zlib level 9, what a static gzip or a CDN
// serves; level 6 is within 1 %) and exits 1 over the budget.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 200 * 1024;
const dist = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'apps', 'web', 'dist'));
const html = readFileSync(join(dist, 'index.html'), 'utf8');

const scripts = [...html.matchAll(/<script[^>]+type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1] as string);
const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] as string);
const files = [...new Set([...scripts, ...preloads])];
if (files.length === 0) throw new Error(`no module scripts in ${join(dist, 'index.html')}`);

let raw = 0;
let gz = 0;
const rows = files.map((f) => {
  const body = readFileSync(join(dist, f));
  const z = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gz += z;
  return { file: f, kB: (body.length / 1024).toFixed(1), gzipKB: (z / 1024).toFixed(1) };
});
console.table(rows);
const verdict = gz <= BUDGET ? 'within' : 'OVER';
console.log(
  `initial JS: ${files.length} files, ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip — ${verdict} the ${BUDGET / 1024} KB budget`,
);
if (gz > BUDGET) process.exit(1);
