// Feed benchmark (not part of npm test): 100k notes in a throwaway embedded PostgreSQL, the
// real server (startServer) on 127.0.0.1, autocannon against GET /feed, and a bare `pg` server
// answering the same page next to it. Every run is bounded (BENCH_SECONDS, default 10).
//
//   npx tsx bench/feed-bench.ts            # full run, ~2 minutes
//   BENCH_SECONDS=3 BENCH_NOTES=20000 npx tsx bench/feed-bench.ts
//
// Writes bench/results/feed-<timestamp>.md (git-ignored) and prints the same tables.
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { readConfig } from '../apps/api/src/config.ts';
import { startEmbeddedPostgres } from '../apps/api/src/db/embedded.ts';
import { createSession } from '../apps/api/src/modules/accounts/sessions.ts';
import { startServer } from '../apps/api/src/server.ts';
import { DEFAULT_SHAPE, generate } from './feed-data.ts';
import { explainAll, type Plan } from './feed-explain.ts';

const here = dirname(fileURLToPath(import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const shape = { ...DEFAULT_SHAPE, notes: Number(process.env.BENCH_NOTES ?? DEFAULT_SHAPE.notes) };
const run = promisify(execFile);

type Result = { name: string; rps: number; p50: number; p99: number; errors: number; non2xx: number };

/** autocannon as its own process, so the load generator does not share the server's event loop. */
async function cannon(
  name: string,
  url: string,
  headers: Record<string, string> = {},
  seconds = SECONDS,
): Promise<Result> {
  const args = [
    join(here, '../node_modules/autocannon/autocannon.js'),
    '-j',
    '-c',
    String(CONNECTIONS),
    '-d',
    String(seconds),
  ];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  const { stdout } = await run(process.execPath, [...args, url], {
    timeout: (seconds + 30) * 1000,
    maxBuffer: 1 << 24,
  });
  const r = JSON.parse(stdout);
  return {
    name,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

/** The same first page straight from `pg`: no router, validation, auth or hydration. */
function bareServer(pool: pg.Pool, sql: string): Promise<Server> {
  const server = createServer(async (_req, res) => {
    try {
      const { rows } = await pool.query(sql);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: rows.slice(0, 20) }));
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const KEYSET_ONLY = `SELECT id, kind, title, author_id, cover_id, like_count, created_at FROM notes ORDER BY created_at DESC, id DESC LIMIT 21`;
const JOINED = `SELECT n.id, n.kind, n.title, n.like_count, n.created_at, u.id AS author_id, u.display_name, u.avatar_id, m.id AS cover_id, m.width, m.height
  FROM (SELECT * FROM notes ORDER BY created_at DESC, id DESC LIMIT 21) n
  JOIN users u ON u.id = n.author_id LEFT JOIN media m ON m.id = n.cover_id ORDER BY n.created_at DESC, n.id DESC`;

function table(results: Result[]) {
  const rows = results.map((r) => `| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors + r.non2xx} |`);
  return ['| scenario | req/s | p50 ms | p99 ms | errors |', '|---|---:|---:|---:|---:|', ...rows].join('\n');
}

function planReport(plans: Plan[]) {
  const summary = plans.map(
    (p) => `| ${p.name} | ${p.ms.toFixed(3)} | ${p.indexes.join(', ') || '—'} | ${p.seqScans.join(', ') || 'none'} |`,
  );
  const full = plans.map((p) => `### ${p.name}\n\n\`\`\`sql\n${p.sql}\n\`\`\`\n\n\`\`\`\n${p.plan.join('\n')}\n\`\`\``);
  return ['| query | ms | indexes | seq scans |', '|---|---:|---|---|', ...summary, '', ...full].join('\n');
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'jishi-bench-'));
  chmodSync(dir, 0o755);
  const t0 = Date.now();
  const pgEmbedded = await startEmbeddedPostgres(join(dir, 'db'));
  const config = readConfig({
    DATABASE_URL: pgEmbedded.url,
    DATA_DIR: join(dir, 'data'),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
  });
  const app = await startServer(config);
  const pool = new pg.Pool({ connectionString: pgEmbedded.url, max: 20 });
  pool.on('error', () => {});
  const servers: Server[] = [];
  try {
    const fixture = await generate(pool, shape);
    console.log(
      `generated ${shape.notes} notes, ${shape.users} members in ${Date.now() - t0} ms (incl. PostgreSQL start)`,
    );
    const plans = await explainAll(pool, fixture);
    for (const p of plans)
      console.log(
        `${p.ms.toFixed(3).padStart(8)} ms  ${p.name}  [${p.indexes.join(', ')}]${p.seqScans.length ? `  SEQ SCAN ${p.seqScans}` : ''}`,
      );
    const { token } = await createSession(app.deps, fixture.viewerId, 'bench');
    const auth = { authorization: `Bearer ${token}` };
    const cursor = (await (await fetch(`${app.url}/api/v1/feed?tab=latest&limit=20`)).json()).nextCursor as string;
    const bareKeyset = await bareServer(pool, KEYSET_ONLY);
    const bareJoined = await bareServer(pool, JOINED);
    servers.push(bareKeyset, bareJoined);
    const port = (s: Server) => (s.address() as AddressInfo).port;
    // Warm-up (JIT, pool connections, PostgreSQL caches); not reported.
    await cannon('warm-up', `${app.url}/api/v1/feed?tab=latest`, auth, Math.min(3, SECONDS));
    const results: Result[] = [];
    for (const [name, url, headers] of [
      ['GET /feed?tab=latest (visitor)', `${app.url}/api/v1/feed?tab=latest`, {}],
      ['GET /feed?tab=latest (member: likedByMe)', `${app.url}/api/v1/feed?tab=latest`, auth],
      ['GET /feed?tab=latest, 2nd page (cursor)', `${app.url}/api/v1/feed?tab=latest&cursor=${cursor}`, {}],
      ['GET /feed?tab=following (200 followees)', `${app.url}/api/v1/feed?tab=following`, auth],
      ['bare pg: same keyset query', `http://127.0.0.1:${port(bareKeyset)}/`, {}],
      ['bare pg: keyset + author/cover joins', `http://127.0.0.1:${port(bareJoined)}/`, {}],
    ] as const) {
      const r = await cannon(name, url, headers);
      console.log(`${String(r.rps).padStart(6)} req/s  p99 ${String(r.p99).padStart(4)} ms  ${name}`);
      results.push(r);
    }
    const report = [
      `# Feed benchmark ${new Date().toISOString()}`,
      '',
      `${shape.notes} notes, ${shape.users} members; ${CONNECTIONS} connections, ${SECONDS} s per run; Node ${process.version}.`,
      '',
      table(results),
      '',
      '## Plans',
      '',
      planReport(plans),
    ].join('\n');
    mkdirSync(join(here, 'results'), { recursive: true });
    const file = join(here, 'results', `feed-${new Date().toISOString().replace(/[:.]/g, '-')}.md`);
    writeFileSync(file, report);
    console.log(`\n${table(results)}\n\nwritten to ${file}`);
  } finally {
    for (const s of servers) s.close();
    await pool.end();
    await app.stop();
    await pgEmbedded.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
