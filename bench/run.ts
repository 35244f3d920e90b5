// `npm run bench`: generate (or reuse) a market, then every read scenario against the real API
// and, in the same run, against a bare node:http + pg server sending the same SQL.
//
//   npm run bench                       # 1M items, 1M notes, 100k members, ~10M likes, 1M orders
//   npm run bench -- --quick            # 100k rows; exits 1 when a ratio falls below its floor
//   npm run bench -- --quick --only item,search --seconds 5 --profile
//
// Options: --quick | --scale tiny (smoke), --seconds N (per measured run; 10, quick 5),
// --connections N (50), --only a,b (scenario slugs), --generate-only, --profile (the API and the
// bare server run with --cpu-prof; profiles in bench/results/prof/), --no-check (quick: report, never fail),
// --paced F (after the flat-out runs, both servers again at the same offered rate, F × the bare
// server's flat-out req/s, arriving open-loop over the same number of connections — bench/paced.ts:
// the latency a member sees when the box is busy but not saturated; default 0.5 at full scale,
// 0 = skip; quick runs skip it unless given).
//
// The database lives in bench/data/<scale>/ (git-ignored) and is reused: a second run skips
// generation. Results: bench/results/bench-<scale>-<time>.{md,json} and explain-<scale>.md.
// First: zod gains .openapi() before any schema of the app or the shared package is built.
import '@hono/zod-openapi';
import { AsyncLocalStorage } from 'node:async_hooks';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { readConfig } from '../apps/api/src/config.ts';
import { freePort, startEmbeddedPostgres } from '../apps/api/src/db/embedded.ts';
import { migrate } from '../apps/api/src/db/migrate.ts';
import { paced } from './paced.ts';
import { checkRatios } from './regress.ts';
import { existingMarket, generateMarket, type Market, SCALES, type Scale, VIEWER_POINT } from './market-data.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const TINY: Scale = { name: 'tiny', users: 1_000, items: 10_000, notes: 10_000, likesPerNote: 10, orders: 10_000, stallOffers: 200 };
const scale: Scale = opt('scale') === 'tiny' ? TINY : flag('quick') ? SCALES.quick : SCALES.full;
const SECONDS = Number(opt('seconds') ?? (scale === SCALES.full ? 10 : 5));
const WARMUP = Math.min(3, SECONDS);
const CONNECTIONS = Number(opt('connections') ?? 50);
const only = opt('only')?.split(',');
// One connection is one request at a time already: the paced pass would only queue behind it.
const PACED = Number(opt('paced') ?? (scale === SCALES.full && CONNECTIONS > 1 ? 0.5 : 0));
const run = promisify(execFile);
const CLK_TCK = 100; // Linux USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s

type Scenario = { slug: string; name: string; path: string; member: boolean };

function scenarios(m: Market): Scenario[] {
  const near = `lat=${VIEWER_POINT.lat}&lng=${VIEWER_POINT.lng}`;
  const all: Scenario[] = [
    { slug: 'feed-latest', name: 'feed: latest (visitor)', path: '/api/v1/feed?tab=latest', member: false },
    { slug: 'feed-following', name: 'feed: following (200 followees)', path: '/api/v1/feed?tab=following', member: true },
    { slug: 'feed-nearby', name: 'feed: nearby 10 km', path: `/api/v1/feed?tab=nearby&${near}`, member: false },
    { slug: 'feed-recommended', name: 'feed: recommended (member)', path: '/api/v1/feed?tab=recommended', member: true },
    { slug: 'note', name: 'note detail', path: `/api/v1/notes/${m.noteId}`, member: false },
    { slug: 'item', name: 'item detail', path: `/api/v1/items/${m.itemId}`, member: false },
    { slug: 'items-page', name: "items page (a seller's items)", path: `/api/v1/users/${m.sellerId}/items`, member: false },
    { slug: 'search', name: 'search 显示器 (items)', path: `/api/v1/search?q=${encodeURIComponent('显示器')}`, member: false },
    { slug: 'search-near', name: 'search 自行车 within 10 km, by distance', path: `/api/v1/search?q=${encodeURIComponent('自行车')}&${near}&radiusKm=10&sort=distance`, member: false },
    { slug: 'stall', name: 'stall grid', path: `/api/v1/notes/${m.stallNoteId}/items`, member: false },
  ];
  return only ? all.filter((s) => only.includes(s.slug)) : all;
}

type Statement = { text: string; values: unknown[] };
type Captured = Scenario & { status: number; bytes: number; stages: Statement[][] };

/**
 * The SQL each scenario sends, with its round-trip structure: the API runs once in this process
 * (the same startServer `npm start` runs, on the same database) with pg's Client.query wrapped;
 * a statement begun before the previous ones had all answered shares their round trip.
 */
async function capture(url: string, dataDir: string, list: Scenario[], viewerId: string) {
  const als = new AsyncLocalStorage<{ q: (Statement & { start: number; end: number })[] }>();
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const store = als.getStore();
    const first = args[0] as string | { text: string; values?: unknown[]; submit?: unknown; callback?: (...a: unknown[]) => void };
    const rec = store && {
      text: typeof first === 'string' ? first : first.text,
      values: ((typeof first === 'string' ? args[1] : first.values) ?? []) as unknown[],
      start: performance.now(),
      end: 0,
    };
    // A named statement arrives as a pg Query with its callback set (db/prepared.ts): its end is
    // when that callback runs; anything else returns a promise.
    if (rec && typeof first === 'object' && typeof first.submit === 'function' && first.callback) {
      const done = first.callback;
      first.callback = (...a: unknown[]) => {
        rec.end = performance.now();
        done(...a);
      };
    }
    const res = original.apply(this, args);
    if (rec && (res === first || (res && typeof (res as Promise<unknown>).then === 'function'))) {
      store.q.push(rec);
      if (res !== first) {
        (res as Promise<unknown>).then(
          () => { rec.end = performance.now(); },
          () => { rec.end = performance.now(); },
        );
      }
    }
    return res;
  };
  const { startServer } = await import('../apps/api/src/server.ts');
  const { buildApp } = await import('../apps/api/src/app.ts');
  const { createSession } = await import('../apps/api/src/modules/accounts/sessions.ts');
  const config = readConfig({ DATABASE_URL: url, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
  const running = await startServer(config);
  try {
    const app = buildApp(running.deps);
    const { token } = await createSession(running.deps, viewerId, 'bench');
    const out: Captured[] = [];
    for (const s of list) {
      const headers: Record<string, string> = s.member ? { authorization: `Bearer ${token}` } : {};
      await app.request(s.path, { headers }); // warm (jieba, caches): not captured
      const store = { q: [] as (Statement & { start: number; end: number })[] };
      const res = await als.run(store, () => app.request(s.path, { headers }));
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${s.name}: ${res.status} ${body.slice(0, 300)}`);
      // A statement's round trip: one after the latest of those that had answered before it began.
      // The operator settings cache's refresh (a read of `settings` every few seconds, by
      // whichever request comes then) is not part of any one request: left out.
      const qs = store.q.filter((q) => !/^select "key", "value" from "settings"$/.test(q.text.trim())).sort((a, b) => a.start - b.start);
      const level = qs.map(() => 0);
      for (const [i, q] of qs.entries()) {
        for (let j = 0; j < i; j++) if ((qs[j] as (typeof qs)[number]).end <= q.start) level[i] = Math.max(level[i] as number, (level[j] as number) + 1);
      }
      const stages: Statement[][] = [];
      for (const [i, q] of qs.entries()) {
        const l = level[i] as number;
        stages[l] = [...(stages[l] ?? []), { text: q.text, values: q.values }];
      }
      out.push({ ...s, status: res.status, bytes: body.length, stages });
    }
    return { captured: out, token };
  } finally {
    proto.query = original;
    await running.stop();
  }
}

async function explainAll(pool: pg.Pool, list: Captured[]) {
  const parts: string[] = [];
  const summary: string[] = ['| scenario | round trip | statement | ms | buffers (hit/read) | indexes | seq scans |', '|---|---:|---|---:|---:|---|---|'];
  for (const s of list) {
    parts.push(`### ${s.name}\n\n\`GET ${s.path}\` — ${s.stages.flat().length} statements in ${s.stages.length} round trips\n`);
    for (const [i, stage] of s.stages.entries()) {
      for (const q of stage) {
        const c = await pool.connect();
        try {
          await c.query('BEGIN'); // a write (a view counted) is explained, then rolled back
          const r = await c.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) ${q.text}`, q.values);
          await c.query('ROLLBACK');
          const plan = r.rows.map((row) => row['QUERY PLAN'] as string);
          const top = plan.find((l) => /Buffers:/.test(l)) ?? '';
          const ms = plan.find((l) => l.startsWith('Execution Time'))?.match(/[\d.]+/)?.[0] ?? '?';
          const indexes = [...new Set(plan.flatMap((l) => l.match(/(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)/)?.[1] ?? []))];
          const seq = [...new Set(plan.flatMap((l) => l.match(/Seq Scan on (\w+)/)?.[1] ?? []))];
          summary.push(`| ${s.name} | ${i + 1} | \`${q.text.replace(/\s+/g, ' ').trim().slice(0, 60).replace(/\|/g, '\\|')}…\` | ${ms} | ${top.match(/hit=(\d+)/)?.[1] ?? 0}/${top.match(/read=(\d+)/)?.[1] ?? 0} | ${indexes.join(', ') || '—'} | ${seq.join(', ') || '—'} |`);
          parts.push(`round trip ${i + 1}:\n\n\`\`\`sql\n${q.text.replace(/\s+/g, ' ').trim()}\n\`\`\`\n\n\`\`\`\n${plan.join('\n')}\n\`\`\`\n`);
        } catch (e) {
          await c.query('ROLLBACK').catch(() => {});
          parts.push(`round trip ${i + 1}: \`${q.text.replace(/\s+/g, ' ').slice(0, 200)}\` — not explained (${(e as Error).message})\n`);
        } finally {
          c.release();
        }
      }
    }
  }
  return `${summary.join('\n')}\n\n${parts.join('\n')}`;
}

/** CPU time (user + system) of a process so far, in ms. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

/**
 * CPU of every PostgreSQL process of the machine (the bench's cluster is the only one running),
 * the ended ones included: a backend that exits is reaped by the postmaster, whose children's
 * time (cutime, cstime) then holds it.
 */
function pgCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += ((Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 1000) / CLK_TCK;
    } catch {} // the process ended meanwhile
  }
  return total;
}

// pgCpuMsPerReq: PostgreSQL's CPU over the run (its backends and background processes) per answer —
// the runs are one at a time, so it is the server under test's share.
type Load = { rps: number; p50: number; p99: number; requests: number; errors: number; cpuMsPerReq: number; pgCpuMsPerReq: number };

async function cannon(url: string, pid: number, headers: Record<string, string>, seconds: number): Promise<Load> {
  const args = [join(root, 'node_modules/autocannon/autocannon.js'), '-j', '-c', String(CONNECTIONS), '-d', String(seconds)];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  const [cpu0, pg0] = [cpuMs(pid), pgCpuMs()];
  const { stdout } = await run(process.execPath, [...args, url], { timeout: (seconds + 60) * 1000, maxBuffer: 1 << 26 });
  const [cpu1, pg1] = [cpuMs(pid), pgCpuMs()];
  const r = JSON.parse(stdout);
  const requests = r.requests.total as number;
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests,
    errors: r.errors + r.timeouts + r.non2xx,
    cpuMsPerReq: requests ? (cpu1 - cpu0) / requests : 0,
    pgCpuMsPerReq: requests ? (pg1 - pg0) / requests : 0,
  };
}

/** `rate` requests a second arriving open-loop over CONNECTIONS connections (bench/paced.ts). */
async function pacedLoad(url: string, pid: number, headers: Record<string, string>, seconds: number, rate: number): Promise<Load> {
  const [cpu0, pg0] = [cpuMs(pid), pgCpuMs()];
  const r = await paced(url, { rate, seconds, connections: CONNECTIONS, headers });
  const [cpu1, pg1] = [cpuMs(pid), pgCpuMs()];
  return { ...r, cpuMsPerReq: r.requests ? (cpu1 - cpu0) / r.requests : 0, pgCpuMsPerReq: r.requests ? (pg1 - pg0) / r.requests : 0 };
}

// The Node flags `npm start` and the systemd units run the API with (package.json, deploy/);
// the bare server gets them too.
const NODE_FLAGS = ['--max-semi-space-size=32'];

function startChild(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [...NODE_FLAGS, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
}

async function waitFor(url: string, child: ChildProcess) {
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

const stop = (c: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (c.exitCode !== null) return resolve();
    c.once('exit', () => resolve());
    c.kill('SIGTERM');
  });

/** `paced`: both servers offered the same `rate` (PACED × the bare server's flat-out req/s). */
export type Row = {
  slug: string; name: string; roundTrips: number; statements: number; api: Load; bare: Load; ratio: number;
  paced?: { rate: number; api: Load; bare: Load };
};

function markdown(rows: Row[], meta: Record<string, string | number>) {
  const head = [
    `Scale ${meta.scale}; ${CONNECTIONS} connections, ${SECONDS} s per run after a ${WARMUP} s warm-up; ${meta.node}; load average ${meta.loadBefore} before, ${meta.loadAfter} after (2 cores shared with other work).`,
    '',
    '| scenario | round trips (statements) | API req/s | API p50 / p99 ms | API CPU ms/req | bare req/s | bare p50 / p99 ms | bare CPU ms/req | PostgreSQL CPU ms/req (API / bare) | API/bare | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const lines = rows.map(
    (r) =>
      `| ${r.name} | ${r.roundTrips} (${r.statements}) | ${r.api.rps} | ${r.api.p50} / ${r.api.p99} | ${r.api.cpuMsPerReq.toFixed(2)} | ${r.bare.rps} | ${r.bare.p50} / ${r.bare.p99} | ${r.bare.cpuMsPerReq.toFixed(2)} | ${r.api.pgCpuMsPerReq.toFixed(2)} / ${r.bare.pgCpuMsPerReq.toFixed(2)} | **${r.ratio.toFixed(2)}** | ${r.api.errors + r.bare.errors} |`,
  );
  const paced = rows.filter((r) => r.paced);
  if (paced.length === 0) return [...head, ...lines].join('\n');
  const pacedHead = [
    '',
    `At the same offered rate (${PACED} × the bare server's flat-out req/s, ${CONNECTIONS} connections, ${SECONDS} s after a ${WARMUP} s warm-up):`,
    '',
    '| scenario | offered req/s | API req/s | API p50 / p99 ms | API CPU ms/req | bare req/s | bare p50 / p99 ms | bare CPU ms/req | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const pacedLines = paced.map((r) => {
    const p = r.paced as NonNullable<Row['paced']>;
    return `| ${r.name} | ${p.rate} | ${p.api.rps} | ${p.api.p50} / **${p.api.p99}** | ${p.api.cpuMsPerReq.toFixed(2)} | ${p.bare.rps} | ${p.bare.p50} / ${p.bare.p99} | ${p.bare.cpuMsPerReq.toFixed(2)} | ${p.api.errors + p.bare.errors} |`;
  });
  return [...head, ...lines, ...pacedHead, ...pacedLines].join('\n');
}

async function main() {
  const dataDir = join(here, 'data', scale.name);
  const loadBefore = loadavg().map((x) => x.toFixed(1)).join(' ');
  let embedded = await startEmbeddedPostgres(join(dataDir, 'db'));
  let pool = new pg.Pool({ connectionString: embedded.url, max: 6 });
  pool.on('error', () => {});
  const children: ChildProcess[] = [];
  try {
    let market = await existingMarket(pool, scale);
    if (!market) {
      const rows = await pool.query(`SELECT to_regclass('users') IS NOT NULL AND EXISTS (SELECT 1 FROM pg_class WHERE relname = 'users') AS t`);
      if (rows.rows[0].t && Number((await pool.query('SELECT count(*) FROM users')).rows[0].count) > 0) {
        // A generation that did not finish: start over from an empty cluster.
        await pool.end();
        await embedded.stop();
        rmSync(join(dataDir, 'db'), { recursive: true, force: true });
        embedded = await startEmbeddedPostgres(join(dataDir, 'db'));
        pool = new pg.Pool({ connectionString: embedded.url, max: 6 });
        pool.on('error', () => {});
      }
      await migrate(pool);
      console.log(`generating the ${scale.name} market into ${dataDir} …`);
      market = await generateMarket(pool, scale);
      console.log(`generated in ${market.seconds} s`);
    } else {
      await migrate(pool); // migrations added since the market was generated
      console.log(`reusing the ${scale.name} market in ${dataDir} (generated in ${market.seconds} s)`);
    }
    const size = (await pool.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`)).rows[0].s;
    console.log(`database size ${size}`);
    if (flag('generate-only')) return;

    const list = scenarios(market);
    const appDir = join(dataDir, 'app');
    const { captured, token } = await capture(embedded.url, appDir, list, market.viewerId);
    for (const c of captured) console.log(`${c.slug}: ${c.stages.length} round trips, ${c.stages.flat().length} statements, ${c.bytes} bytes`);
    const results = join(here, 'results');
    mkdirSync(join(results, 'prof'), { recursive: true });
    const scenarioFile = join(results, `scenarios-${scale.name}.json`);
    writeFileSync(scenarioFile, JSON.stringify(captured, null, 1));
    const explain = await explainAll(pool, captured);
    writeFileSync(join(results, `explain-${scale.name}.md`), explain);

    const apiPort = await freePort();
    const barePort = await freePort();
    const prof = flag('profile') ? ['--cpu-prof', '--cpu-prof-dir', join(results, 'prof')] : [];
    const api = startChild([...prof, '--import', 'tsx', join(root, 'apps/api/src/main.ts')], {
      DATABASE_URL: embedded.url, DATA_DIR: appDir, PORT: String(apiPort), HOST: '127.0.0.1', LOG_LEVEL: 'error', SEED_DEMO: 'false', NODE_ENV: 'production',
    });
    children.push(api);
    const bare = startChild([...prof, '--import', 'tsx', join(here, 'bare-server.ts'), scenarioFile], { DATABASE_URL: embedded.url, PORT: String(barePort) });
    children.push(bare);
    await waitFor(`http://127.0.0.1:${apiPort}/api/v1/health`, api);
    await waitFor(`http://127.0.0.1:${barePort}/`, bare);

    const rows: Row[] = [];
    for (const c of captured) {
      const headers: Record<string, string> = c.member ? { authorization: `Bearer ${token}` } : {};
      const apiUrl = `http://127.0.0.1:${apiPort}${c.path}`;
      const bareUrl = `http://127.0.0.1:${barePort}/${c.slug}`;
      await cannon(apiUrl, api.pid as number, headers, WARMUP);
      await cannon(bareUrl, bare.pid as number, {}, WARMUP);
      const a = await cannon(apiUrl, api.pid as number, headers, SECONDS);
      const b = await cannon(bareUrl, bare.pid as number, {}, SECONDS);
      const row: Row = { slug: c.slug, name: c.name, roundTrips: c.stages.length, statements: c.stages.flat().length, api: a, bare: b, ratio: b.rps ? a.rps / b.rps : 0 };
      rows.push(row);
      console.log(`${c.slug.padEnd(17)} API ${String(a.rps).padStart(6)} req/s p99 ${String(a.p99).padStart(4)} ms ${a.cpuMsPerReq.toFixed(2)} cpu-ms pg ${a.pgCpuMsPerReq.toFixed(2)} | bare ${String(b.rps).padStart(6)} req/s p99 ${String(b.p99).padStart(4)} ms ${b.cpuMsPerReq.toFixed(2)} cpu-ms pg ${b.pgCpuMsPerReq.toFixed(2)} | ${row.ratio.toFixed(2)}× | load ${loadavg()[0]?.toFixed(1)}`);
      if (PACED > 0 && b.rps > 0) {
        const rate = Math.max(1, Math.round(PACED * b.rps));
        await pacedLoad(apiUrl, api.pid as number, headers, WARMUP, rate);
        const pa = await pacedLoad(apiUrl, api.pid as number, headers, SECONDS, rate);
        await pacedLoad(bareUrl, bare.pid as number, {}, WARMUP, rate);
        const pb = await pacedLoad(bareUrl, bare.pid as number, {}, SECONDS, rate);
        row.paced = { rate, api: pa, bare: pb };
        console.log(`${''.padEnd(17)} at ${rate} req/s offered: API p50/p99 ${pa.p50}/${pa.p99} ms (${pa.rps} req/s) | bare ${pb.p50}/${pb.p99} ms (${pb.rps} req/s)`);
      }
    }
    const meta = {
      scale: scale.name,
      date: new Date().toISOString(),
      node: `Node ${process.version}`,
      loadBefore,
      loadAfter: loadavg().map((x) => x.toFixed(1)).join(' '),
      generatedSeconds: market.seconds,
      databaseSize: size,
      connections: CONNECTIONS,
      seconds: SECONDS,
    };
    const md = markdown(rows, meta);
    const stamp = meta.date.replace(/[:.]/g, '-');
    writeFileSync(join(results, `bench-${scale.name}-${stamp}.md`), `# npm run bench, ${meta.date}\n\n${md}\n`);
    writeFileSync(join(results, `bench-${scale.name}-${stamp}.json`), JSON.stringify({ meta, rows }, null, 2));
    console.log(`\n${md}\n\nwritten to bench/results/bench-${scale.name}-${stamp}.{md,json}; plans in bench/results/explain-${scale.name}.md`);
    if (scale === SCALES.quick && !flag('no-check')) {
      const failures = checkRatios(rows, flag('strict'));
      for (const f of failures) console.error(`REGRESSION ${f}`);
      if (failures.length) process.exitCode = 1;
    }
  } finally {
    for (const c of children) await stop(c);
    await pool.end();
    await embedded.stop();
  }
}

await main();
