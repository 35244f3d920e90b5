#!/usr/bin/env node
// `npm start`: build the web app if it is missing or older than its sources, then run the API
// (which serves the web app too) in this same process, so signals reach it directly. The npm
// script is `exec node scripts/start.mjs`: without the exec, a shell would sit between npm and
// us, take the SIGTERM npm forwards and die, and leave us to notice only later.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '../..');
const web = join(root, 'apps/web');
const stamp = join(web, 'dist/.source-hash');

function sourceHash() {
  const h = createHash('sha256');
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(relative(root, p)).update(readFileSync(p));
    }
  };
  walk(web);
  walk(join(root, 'packages/shared/src'));
  return h.digest('hex');
}

if (process.env.SKIP_WEB_BUILD !== '1') {
  const want = sourceHash();
  const have = existsSync(stamp) ? readFileSync(stamp, 'utf8') : '';
  if (want !== have || !existsSync(join(web, 'dist/index.html'))) {
    console.error('jishi: building the web app (first start or changed sources)…');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: web, stdio: ['ignore', 'inherit', 'inherit'] });
    writeFileSync(stamp, want);
  }
}

const { register } = await import('tsx/esm/api');
register();
await import('../apps/api/src/main.ts');
