#!/usr/bin/env node
// `npm start`: build the web app if it is missing or older than its sources, then run the API
// (which serves the web app too) in this same process, so signals reach it directly. The npm
// script is `exec node scripts/start.mjs`: without the exec, a shell would sit between npm and
// us, take the SIGTERM npm forwards and die, and leave us to notice only later.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '../..');
const web = join(root, 'apps/web');

/** A digest of the files (and the files under the folders) given, relative to the checkout. */
function sourceHash(...paths) {
  const h = createHash('sha256');
  const walk = (p) => {
    if (!statSync(p).isDirectory()) return void h.update(relative(root, p)).update(readFileSync(p));
    for (const name of readdirSync(p).sort()) {
      if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
      walk(join(p, name));
    }
  };
  for (const p of paths) walk(p);
  return h.digest('hex');
}

/** Runs `build` when `output` is missing or the sources changed since the digest stamped after the last build. */
function buildIfChanged(what, { sources, output, stamp, build }) {
  const want = sourceHash(...sources);
  if (existsSync(output) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  console.error(`jishi: building ${what} (first start or changed sources)…`);
  build();
  writeFileSync(stamp, want);
}

if (process.env.SKIP_WEB_BUILD !== '1') {
  buildIfChanged('the web app', {
    sources: [web, join(root, 'packages/shared/src')],
    output: join(web, 'dist/index.html'),
    stamp: join(web, 'dist/.source-hash'),
    build: () => execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: web, stdio: ['ignore', 'inherit', 'inherit'] }),
  });
}

// The API runs as one ES module built from its sources by scripts/build-api.mjs, rebuilt (~0.5 s)
// whenever they change: a start then loads it in ~1 s less CPU than compiling the TypeScript
// with tsx (bench/README.md, "Start-up at 1M"). JISHI_TSX=1 runs the sources under tsx instead.
if (process.env.JISHI_TSX === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../apps/api/src/main.ts');
} else {
  const bundle = freshApiBundle();
  process.setSourceMapsEnabled(true); // stack traces in the logs name the TypeScript lines (~40 ms a start)
  await import(pathToFileURL(bundle).href);
}

function freshApiBundle() {
  const dist = join(root, 'apps/api/dist');
  const bundle = join(dist, 'main.mjs');
  buildIfChanged('the API', {
    sources: [
      join(root, 'apps/api/src'), join(root, 'packages/shared/src'), join(root, 'apps/api/package.json'),
      join(root, 'apps/api/tsconfig.json'), join(root, 'scripts/build-api.mjs'), join(root, 'package-lock.json'),
    ],
    output: bundle,
    stamp: join(dist, '.source-hash'),
    build: () => {
      // Built aside and moved in, so that two starts at once never run a half-written file.
      const aside = join(dist, `.build-${process.pid}`);
      mkdirSync(aside, { recursive: true });
      try {
        execFileSync(process.execPath, [join(root, 'scripts/build-api.mjs'), join(aside, 'main.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
        renameSync(join(aside, 'main.mjs.map'), `${bundle}.map`);
        renameSync(join(aside, 'main.mjs'), bundle);
      } finally {
        rmSync(aside, { recursive: true, force: true });
      }
    },
  });
  return bundle;
}
