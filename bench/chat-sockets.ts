// Chat load: N concurrent WebSocket members, messages sent over HTTP at a target rate, and the
// delay until each reaches the recipient's socket. With PROCESSES=2 the members of each pair
// sit on different processes, so every delivery crosses LISTEN/NOTIFY.
// Run: npx tsx bench/chat-sockets.ts   (SOCKETS=5000 RATE=2000 SECONDS=10 PROCESSES=1|2; BARE=1: the floor, chat-bare.ts;
// TSX=1: the API from its sources under tsx instead of the bundle npm start runs)
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { type Socket, connect } from 'node:net';
import { sql } from 'kysely';
import WebSocket from 'ws';
import { freePort } from '../apps/api/src/db/embedded.ts';
import { openDatabase } from '../apps/api/src/db/index.ts';

const SOCKETS = Number(process.env.SOCKETS ?? 5000);
const RATE = Number(process.env.RATE ?? 2000);
const SECONDS = Number(process.env.SECONDS ?? 10);
// As the HTTP scenarios of run.ts: the servers first take WARMUP seconds at the same rate, unmeasured
// (JIT, the pools' connections and their prepared statements), and that backlog is delivered before
// the measured SECONDS start. WARMUP=0: measure from cold, as the runs before 2026-11-28 16:30 did.
const WARMUP = Number(process.env.WARMUP ?? 3);
const PROCESSES = Number(process.env.PROCESSES ?? 1);
const MAIN = join(import.meta.dirname, '../apps/api/src/main.ts');
// The API runs as npm start runs it: one ES module built from the sources (scripts/build-api.mjs;
// no TypeScript compiled at run time, no keepNames wrappers). TSX=1: the sources under tsx.
const TSX = process.env.TSX === '1';
const BUNDLE = join(import.meta.dirname, `../apps/api/dist/chat-bench-${process.pid}.mjs`);
const BARE = process.env.BARE === '1';
const BARE_SERVER = join(import.meta.dirname, 'chat-bare.ts');
const dir = mkdtempSync(join(tmpdir(), 'jishi-chatbench-'));
chmodSync(dir, 0o755);
const children: ChildProcess[] = [];
const pct = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
// Servers' CPU time (user + system, ms) from /proc: per message it does not depend on how busy the machine is.
const cpuMs = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
};
// The main thread's alone (its thread id is the pid): JavaScript runs there, and one process cannot go
// beyond it, whatever GC helpers and libuv threads add to the process's figure.
const mainMs = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
};
const rssMb = (pid: number) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
// PostgreSQL's CPU time: the postmaster and its children (backends that exit mid-run are not counted).
let postmaster = 0;
const pgCpuByPid = () => {
  const ms = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      if (Number(pid) === postmaster || Number(f[1]) === postmaster) ms.set(pid, ((Number(f[11]) + Number(f[12])) * 1000) / 100);
    } catch {}
  }
  return ms;
};
// What the processes alive at the end used since `before` (a backend that exits mid-run, such as an
// idle pool connection timing out, would otherwise take its whole past CPU out of the sum).
const pgCpuSince = (before: Map<string, number>) => {
  let ms = 0;
  for (const [pid, v] of pgCpuByPid()) ms += v - (before.get(pid) ?? 0);
  return ms;
};

/**
 * A cheap HTTP/1.1 client for the sends: up to `max` keep-alive connections, one request at a
 * time on each (no pipelining, like a browser), requests queued while all are busy. It reads
 * only the status line and the body's length (Content-Length or chunked) — the generator runs on
 * the servers' cores, so it must cost little.
 */
class KeepAliveClient {
  private idle: Conn[] = [];
  private all = new Set<Conn>();
  private queue: [string, (status: number) => void][] = [];
  constructor(private port: number, private max: number) {}
  post(path: string, auth: string, body: string, done: (status: number) => void) {
    const req = `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1:${this.port}\r\nauthorization: ${auth}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const conn = this.idle.pop() ?? (this.all.size < this.max ? this.open() : undefined);
    if (conn) conn.send(req, done);
    else this.queue.push([req, done]);
  }
  busy() {
    return this.queue.length > 0 || this.idle.length < this.all.size;
  }
  close() {
    for (const c of this.all) c.socket.destroy();
  }
  private open() {
    const conn = new Conn(connect(this.port, '127.0.0.1'), (c) => {
      const next = this.queue.shift();
      if (next) c.send(next[0], next[1]);
      else this.idle.push(c);
    }, (c) => {
      this.all.delete(c);
      this.idle = this.idle.filter((x) => x !== c);
    });
    this.all.add(conn);
    return conn;
  }
}

class Conn {
  private buf: Buffer = Buffer.alloc(0);
  private done: ((status: number) => void) | null = null;
  constructor(readonly socket: Socket, private free: (c: Conn) => void, private gone: (c: Conn) => void) {
    socket.setNoDelay(true);
    socket.on('data', (d: Buffer) => this.read(d));
    const fail = () => {
      this.gone(this);
      this.done?.(0);
      this.done = null;
    };
    socket.on('error', fail);
    socket.on('close', fail);
  }
  send(req: string, done: (status: number) => void) {
    this.done = done;
    this.socket.write(req);
  }
  private read(d: Buffer) {
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    const head = this.buf.indexOf('\r\n\r\n');
    if (head < 0) return;
    const h = this.buf.toString('latin1', 0, head).toLowerCase();
    const len = h.match(/\r\ncontent-length: *(\d+)/)?.[1];
    let end: number;
    if (len !== undefined) end = head + 4 + Number(len);
    else if (h.includes('transfer-encoding: chunked')) {
      const z = this.buf.indexOf('\r\n0\r\n\r\n', head);
      end = z < 0 ? Number.POSITIVE_INFINITY : z + 7;
    } else end = head + 4;
    if (this.buf.length < end) return;
    const status = Number(h.slice(9, 12));
    this.buf = this.buf.subarray(end);
    const done = this.done;
    this.done = null;
    this.free(this);
    done?.(status);
  }
}

async function startProcess(env: Record<string, string>, script = MAIN) {
  const port = await freePort();
  // PROF=dir: each server writes a --cpu-prof profile there (bench/prof-summary.ts reads it).
  const prof = process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.PROF] : [];
  // The young-generation size npm start and the systemd units give the API (package.json, deploy/).
  const entry = script === MAIN && !TSX ? [BUNDLE] : ['--import', 'tsx', script];
  const child = spawn(process.execPath, ['--max-old-space-size=2048', '--max-semi-space-size=32', ...prof, ...entry], {
    env: { ...process.env, DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', SEED_DEMO: 'false', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  for (let i = 0; i < 1800; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) return { port, pid: child.pid as number };
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

if (!TSX) execFileSync(process.execPath, [join(import.meta.dirname, '../scripts/build-api.mjs'), BUNDLE], { stdio: 'ignore' });
try {
  const a = await startProcess({});
  const pg = readFileSync(join(dir, 'pg/postmaster.pid'), 'utf8').split('\n');
  postmaster = Number(pg[0]);
  const url = `postgres://postgres:${encodeURIComponent(readFileSync(join(dir, 'pg-password'), 'utf8').trim())}@127.0.0.1:${pg[3]}/jishi`;
  // BARE=1: the floor (bench/chat-bare.ts) serves the sockets and the sends instead; the API
  // process that made the database stays up, idle (no socket, no request, not counted).
  const start = () => (BARE ? startProcess({ DATABASE_URL: url }, BARE_SERVER) : startProcess({ DATABASE_URL: url }));
  const procs = BARE ? [await start(), ...(PROCESSES === 2 ? [await start()] : [])] : PROCESSES === 2 ? [a, await start()] : [a];
  const { db, close } = openDatabase(url, { max: 10 });
  const users = await db.insertInto('users')
    .values(Array.from({ length: SOCKETS }, (_, i) => ({ username: `cb_${i}`, passwordHash: 'x', displayName: `成员${i}` })))
    .returning('id').execute();
  const tokens = users.map(() => `js_${randomBytes(24).toString('base64url')}`);
  const auth = tokens.map((t) => `Bearer ${t}`);
  await db.insertInto('sessions').values(users.map((u, i) => ({ tokenHash: createHash('sha256').update(tokens[i] as string).digest('hex'), userId: u.id, expiresAt: new Date(Date.now() + 86_400_000) }))).execute();
  // Pairs (2i, 2i+1) who follow each other, with their conversation already open.
  const pairs: { conv: string; from: number; to: number }[] = [];
  for (let i = 0; i + 1 < users.length; i += 2) {
    const [x, y] = [users[i]?.id as string, users[i + 1]?.id as string];
    const [ua, ub] = x < y ? [x, y] : [y, x];
    const c = await db.insertInto('conversations').values({ userA: ua, userB: ub }).returning('id').executeTakeFirstOrThrow();
    // Every other pair sends the other way: with two processes, half the sends go to each.
    pairs.push(i % 4 === 0 ? { conv: c.id, from: i, to: i + 1 } : { conv: c.id, from: i + 1, to: i });
  }
  await db.insertInto('conversationMembers').values(pairs.flatMap((p) => [
    { conversationId: p.conv, userId: users[p.from]?.id as string, peerId: users[p.to]?.id as string, sortKey: p.conv },
    { conversationId: p.conv, userId: users[p.to]?.id as string, peerId: users[p.from]?.id as string, sortKey: p.conv },
  ])).execute();
  await db.insertInto('follows').values(pairs.flatMap((p) => [
    { followerId: users[p.from]?.id as string, followeeId: users[p.to]?.id as string },
    { followerId: users[p.to]?.id as string, followeeId: users[p.from]?.id as string },
  ])).execute();

  // Each member connects to process (index mod PROCESSES): a pair's two members are on different ones.
  // The generator shares the machine with the servers, so its receive side is cheap: no JSON.parse
  // per frame — the message number is read from the raw frame ("text":"m<n>") and counted only on
  // the socket of that message's recipient (the sender's own echo is skipped by the same test).
  const MAX = RATE * (SECONDS + WARMUP);
  const sentAt = new Float64Array(MAX);
  const recipient = new Int32Array(MAX).fill(-1);
  const arrived = new Uint8Array(MAX);
  const latencies: number[] = [];
  let duplicates = 0;
  let opened = 0;
  let measuredFrom = 0; // messages numbered below it are the warm-up's
  let warmDelivered = 0;
  let measureT0 = 0;
  const bySecond: number[][] = []; // measured latencies by the second of their send
  const answerMs: number[] = []; // send → the sender's 201, measured phase
  // The generator's own GC pauses in the measured phase: a pause delays the arrival times it takes.
  const genPauses: string[] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (measureT0 && e.startTime >= measureT0 && e.duration >= 20) genPauses.push(`${((e.startTime - measureT0) / 1000).toFixed(1)} s: ${e.duration.toFixed(0)} ms`);
    }
  }).observe({ entryTypes: ['gc'] });
  const sockets: WebSocket[] = [];
  const TEXT = Buffer.from('"text":"m');
  const tConnect = performance.now();
  await Promise.all(tokens.map((token, i) => new Promise<void>((resolve, reject) => {
    const port = procs[i % procs.length]?.port as number;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/ws?token=${token}`, { perMessageDeflate: false });
    sockets.push(ws);
    let hello = false;
    ws.on('message', (d: Buffer) => {
      const at = performance.now();
      if (!hello) {
        if (String(d).startsWith('{"type":"hello"')) {
          hello = true;
          opened++;
          resolve();
        }
        return;
      }
      const k = d.indexOf(TEXT);
      if (k < 0) return;
      let n = 0;
      for (let j = k + TEXT.length; j < d.length; j++) {
        const ch = d[j] as number;
        if (ch < 48 || ch > 57) break;
        n = n * 10 + ch - 48;
      }
      if (recipient[n] !== i) return;
      if (arrived[n]) {
        duplicates++;
        return;
      }
      arrived[n] = 1;
      if (n < measuredFrom) warmDelivered++;
      else {
        const ms = at - (sentAt[n] as number);
        latencies.push(ms);
        const sec = Math.floor(((sentAt[n] as number) - measureT0) / 1000);
        (bySecond[sec] ??= []).push(ms);
      }
    });
    ws.on('error', reject);
  })));
  const connectMs = performance.now() - tConnect;
  const rssIdle = procs.map((p) => rssMb(p.pid));

  const clients = procs.map((p) => new KeepAliveClient(p.port, 256));
  let sent = 0;
  let failed = 0;
  const statuses = new Map<number, number>();
  // Sends RATE messages a second for `seconds`, in 10 ms ticks; resolves when every answer is in.
  const sendFor = async (seconds: number) => {
    const t0 = performance.now();
    for (let tick = 0; tick < seconds * 100; tick++) {
      const due = Math.floor(((tick + 1) * RATE) / 100) - Math.floor((tick * RATE) / 100);
      for (let k = 0; k < due; k++) {
        const p = pairs[sent % pairs.length] as { conv: string; from: number; to: number };
        const n = sent++;
        const body = `{"text":"m${n}"}`;
        recipient[n] = p.to;
        sentAt[n] = performance.now();
        (clients[p.from % procs.length] as KeepAliveClient).post(
          `/api/v1/conversations/${p.conv}/messages`, auth[p.from] as string, body,
          (status) => {
            if (n >= measuredFrom) answerMs.push(performance.now() - (sentAt[n] as number));
            if (status !== 201) {
              failed++;
              statuses.set(status, (statuses.get(status) ?? 0) + 1);
            }
          },
        );
      }
      const wait = t0 + ((tick + 1) * 1000) / 100 - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    while (clients.some((c) => c.busy())) await new Promise((r) => setTimeout(r, 2));
    return performance.now() - t0;
  };
  if (WARMUP > 0) {
    measuredFrom = RATE * WARMUP;
    await sendFor(WARMUP);
    const until = performance.now() + 30_000;
    while (warmDelivered < sent - failed && performance.now() < until) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 500));
  }
  const warmSent = sent;
  const warmFailed = failed;
  measuredFrom = sent;

  // Transactions committed per message (pg_stat_database): with group commit, many messages share one.
  const commits = async () => Number((await sql<{ n: string }>`SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()`.execute(db)).rows[0]?.n);
  const xact0 = await commits();
  // WAL written and checkpoints begun in the measured phase: every send's commit waits for its WAL flush.
  // (PostgreSQL 17 moved the checkpoint counts to pg_stat_checkpointer.)
  const checkpoints = (await sql<{ v: string | null }>`SELECT to_regclass('pg_stat_checkpointer')::text AS v`.execute(db)).rows[0]?.v
    ? sql`(SELECT num_timed + num_requested FROM pg_stat_checkpointer)`
    : sql`(SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter)`;
  const wal = async () => (await sql<{ bytes: string; fpi: string; checkpoints: string }>`
    SELECT wal_bytes AS bytes, wal_fpi AS fpi, ${checkpoints} AS checkpoints FROM pg_stat_wal`.execute(db)).rows[0];
  const wal0 = await wal();
  const cpu0 = procs.map((p) => cpuMs(p.pid));
  const main0 = procs.map((p) => mainMs(p.pid));
  const pg0 = pgCpuByPid();
  const gen0 = process.cpuUsage();
  const window0 = process.hrtime.bigint() / 1000n;
  measureT0 = performance.now();
  const sendMs = await sendFor(SECONDS);
  sent -= warmSent;
  failed -= warmFailed;
  const until = performance.now() + 30_000;
  while (latencies.length < sent - failed && performance.now() < until) await new Promise((r) => setTimeout(r, 5));
  const window1 = process.hrtime.bigint() / 1000n;
  const gen = process.cpuUsage(gen0);
  const pgUsed = pgCpuSince(pg0);
  const rssBusy = procs.map((p) => rssMb(p.pid));
  await new Promise((r) => setTimeout(r, 600)); // pg_stat_database is flushed at most every 500 ms
  const xactPerMsg = ((await commits()) - xact0) / Math.max(1, sent);
  const wal1 = await wal();
  const walNote = `WAL ${((Number(wal1?.bytes) - Number(wal0?.bytes)) / Math.max(1, sent)).toFixed(0)} bytes/msg (full-page images ${Number(wal1?.fpi) - Number(wal0?.fpi)}), checkpoints begun ${Number(wal1?.checkpoints) - Number(wal0?.checkpoints)}`;
  const cpuPerMsg = procs.reduce((a, p, i) => a + cpuMs(p.pid) - (cpu0[i] ?? 0), 0) / Math.max(1, sent);
  const mainPerMsg = procs.map((p, i) => (mainMs(p.pid) - (main0[i] ?? 0)) / Math.max(1, sent));
  const genPerMsg = (gen.user + gen.system) / 1000 / Math.max(1, sent);
  const pgPerMsg = pgUsed / Math.max(1, sent);
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`load ${load}; profile window (CLOCK_MONOTONIC µs) FROM=${window0} TO=${window1}; send ${(sendMs / 1000).toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(statuses))}; duplicates ${duplicates}; transactions/msg ${xactPerMsg.toFixed(2)}; main thread CPU/msg ${mainPerMsg.map((m) => m.toFixed(2)).join(' + ')} ms`);
  console.log(`warm-up ${WARMUP} s (${warmSent} messages, unmeasured); measured from ${new Date(Date.now() - (performance.now() - measureT0)).toISOString().slice(11, 19)} UTC; p50 / p99 ms by second of the send: ${bySecond.map((xs) => `${pct(xs, 50).toFixed(0)}/${pct(xs, 99).toFixed(0)}`).join(' ')}; the sender's answer p50 / p99 ${pct(answerMs, 50).toFixed(0)} / ${pct(answerMs, 99).toFixed(0)} ms; the generator's GC pauses ≥ 20 ms: ${genPauses.join(', ') || 'none'}; ${walNote}`);
  console.log(`server: ${BARE ? 'bare floor (chat-bare.ts)' : TSX ? 'API (tsx)' : 'API (bundle, as npm start)'}${process.env.SESSION_CACHE_MS ? `, SESSION_CACHE_MS=${process.env.SESSION_CACHE_MS}` : ''}`);
  console.log('| processes | sockets open | connect all | offered | send rate achieved | failed | delivered | p50 ms | p99 ms | RSS before | RSS after | server CPU/msg | PostgreSQL CPU/msg | generator CPU/msg |');
  console.log(`| ${PROCESSES} | ${opened} | ${connectMs.toFixed(0)} ms | ${RATE}/s × ${SECONDS}s | ${(sent / (sendMs / 1000)).toFixed(0)}/s | ${failed} | ${latencies.length}/${sent - failed} | ${pct(latencies, 50).toFixed(0)} | ${pct(latencies, 99).toFixed(0)} | ${rssIdle.map((m) => m.toFixed(0)).join(' + ')} MB | ${rssBusy.map((m) => m.toFixed(0)).join(' + ')} MB | ${cpuPerMsg.toFixed(2)} ms | ${pgPerMsg.toFixed(2)} ms | ${genPerMsg.toFixed(2)} ms |`);
  for (const s of sockets) s.terminate();
  for (const c of clients) c.close();
  await close();
} finally {
  for (const c of children.reverse()) {
    c.kill('SIGTERM');
    await new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)));
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(BUNDLE, { force: true });
  rmSync(`${BUNDLE}.map`, { force: true });
}
