#!/usr/bin/env node
// `npm run build:api`: the API as one ES module, apps/api/dist/main.mjs, for `node
// apps/api/dist/main.mjs` in production. Same code as `tsx apps/api/src/main.ts`, loaded without
// compiling TypeScript at each start: bench/README.md ("Start-up at 1M") measured module loading
// at ~1.0 s of CPU instead of ~2.6 s. npm packages stay external (node_modules); the workspace
// packages (@jishi/*) are bundled. Paths the sources resolve from their own location (migrations,
// the web app, swagger-ui) keep pointing at the source tree: each file's import.meta.url is
// replaced by its original URL, so the bundle runs from this checkout only (rebuild after moving
// it, and after every update — a stale bundle would run old code against new migrations).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const api = JSON.parse(readFileSync(join(root, 'apps/api/package.json'), 'utf8'));
const external = Object.keys({ ...api.dependencies, ...api.devDependencies, ...api.optionalDependencies })
  .filter((n) => !n.startsWith('@jishi/'))
  .flatMap((n) => [n, `${n}/*`]);

const ownLocation = {
  name: 'own-location',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const src = readFileSync(args.path, 'utf8');
      if (!src.includes('import.meta')) return undefined;
      const url = JSON.stringify(pathToFileURL(args.path).href);
      const contents = src
        .replaceAll('import.meta.url', url)
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path));
      return { contents, loader: 'ts' };
    });
  },
};

// An other output path (inside the checkout, so node_modules resolve): the scale-out test's.
const outfile = process.argv[2] ? resolve(process.argv[2]) : join(root, 'apps/api/dist/main.mjs');
const t0 = Date.now();
await build({
  entryPoints: [join(root, 'apps/api/src/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  plugins: [ownLocation],
  sourcemap: 'linked',
  logLevel: 'warning',
  // CommonJS helpers in bundled code (none today) would need require in an ES module.
  banner: { js: "import { createRequire as __jishiRequire } from 'node:module'; const require = __jishiRequire(import.meta.url);" },
});
console.log(`${outfile} built in ${Date.now() - t0} ms`);
