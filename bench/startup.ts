// Start-up at scale (issue 17 item 4): how long the API takes from `node main.ts` to answering
// /api/v1/health on the bench's market, and how much memory an idle process holds.
//
//   npx tsx bench/startup.ts [--scale 1M|100k|tiny] [--restarts 3] [--idle 20] [--bundle]
//
// Uses the market in bench/data/<scale>/ as `npm run bench` left it (never generates one). If
// another process already runs that cluster (its DATA_DIR lock is held), the script attaches to
// it through its postmaster.pid; otherwise it starts the embedded cluster itself and stops it.
// Each start is a fresh `node --import tsx apps/api/src/main.ts` with DATABASE_URL, NODE_ENV
// production and LOG_LEVEL info: "first start" has an empty DATA_DIR (no secrets.json: what a new
// process of a deployment does), the restarts reuse it. The step times come from the server's
// own 'Jishi is listening' line.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EmbeddedDb, freePort, startEmbeddedPostgres } from '../apps/api/src/db/embedded.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const argv = process.argv.slice(2);
const opt = (name: string, d: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? (argv[i + 1] ?? d) : d;
};
const scale = opt('scale', '1M');
const restarts = Number(opt('restarts', '3'));
const idleSeconds = Number(opt('idle', '20'));
// --bundle: run apps/api/dist/main.mjs (npm run build:api) with plain node instead of tsx.
const bundle = argv.includes('--bundle');
const dbDir = join(here, 'data', scale, 'db');
if (!existsSync(join(dbDir, 'pg', 'PG_VERSION'))) throw new Error(`no market in ${dbDir}: run npm run bench first`);

async function cluster(): Promise<{ url: string; embedded?: EmbeddedDb; how: string }> {
  const pid = join(dbDir, 'pg', 'postmaster.pid');
  const password = readFileSync(join(dbDir, 'pg-password'), 'utf8').trim();
  if (existsSync(pid)) {
    const port = readFileSync(pid, 'utf8').split('\n')[3]?.trim();
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/jishi`;
    try {
      const pg = (await import('pg')).default;
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.end();
      return { url, how: `attached to the running cluster on port ${port} (warm)` };
    } catch {}
  }
  const t0 = Date.now();
  const embedded = await startEmbeddedPostgres(dbDir);
  return { url: embedded.url, embedded, how: `embedded cluster started by this script in ${Date.now() - t0} ms` };
}

type Start = { ms: number; listeningMs: number | null; sinceBoot: number | null; cpuMs: number | null; steps: Record<string, number> | null; child: ChildProcess; port: number };

async function startApi(url: string, dataDir: string): Promise<Start> {
  const port = await freePort();
  const t0 = Date.now();
  const entry = bundle ? [join(root, 'apps/api/dist/main.mjs')] : ['--import', 'tsx', join(root, 'apps/api/src/main.ts')];
  const child = spawn(process.execPath, entry, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'production', SEED_DEMO: 'false' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}): ${out.slice(-2000)}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = Date.now() - t0;
  const line = out.split('\n').find((l) => l.includes('Jishi is listening'));
  const parsed = line ? (JSON.parse(line) as { ms?: number; sinceBoot?: number; cpuMs?: number; steps?: Record<string, number> }) : null;
  return { ms, listeningMs: parsed?.ms ?? null, sinceBoot: parsed?.sinceBoot ?? null, cpuMs: parsed?.cpuMs ?? null, steps: parsed?.steps ?? null, child, port };
}

const stop = (c: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (c.exitCode !== null) return resolve();
    c.once('exit', () => resolve());
    c.kill('SIGTERM');
  });

function rssKiB(pid: number): number {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return Number(m?.[1] ?? 0);
}

const db = await cluster();
const dataDir = mkdtempSync(join(tmpdir(), 'jishi-startup-'));
const load0 = loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`scale ${scale}; ${bundle ? 'bundle (node apps/api/dist/main.mjs)' : 'tsx apps/api/src/main.ts'}; ${db.how}; load average ${load0}`);
try {
  for (let i = 0; i <= restarts; i++) {
    const s = await startApi(db.url, dataDir);
    const run = i === 0 ? 'first start (empty DATA_DIR)' : `restart ${i}`;
    console.log(`${run}: health answered ${s.ms} ms after spawn; modules loaded at ${(s.sinceBoot ?? 0) - (s.listeningMs ?? 0)} ms, startServer ${s.listeningMs} ms; CPU to listening ${s.cpuMs} ms; steps ${JSON.stringify(s.steps)}`);
    if (i === restarts) {
      // Idle: a few requests as a member of the public would make, then nothing.
      for (let k = 0; k < 20; k++) await fetch(`http://127.0.0.1:${s.port}/api/v1/feed?tab=latest`).then((r) => r.arrayBuffer());
      const samples: number[] = [];
      for (let k = 0; k < idleSeconds; k++) {
        await new Promise((r) => setTimeout(r, 1000));
        samples.push(rssKiB(s.child.pid as number));
      }
      console.log(`idle RSS after ${idleSeconds} s: ${Math.round((samples.at(-1) ?? 0) / 1024)} MiB (min ${Math.round(Math.min(...samples) / 1024)}, max ${Math.round(Math.max(...samples) / 1024)})`);
    }
    await stop(s.child);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  await db.embedded?.stop();
}
console.log(`load average after: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
