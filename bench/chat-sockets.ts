// Chat load: N concurrent WebSocket members, messages sent over HTTP at a target rate, and the
// delay until each reaches the recipient's socket. With PROCESSES=2 the members of each pair
// sit on different processes, so every delivery crosses LISTEN/NOTIFY.
// Run: npx tsx bench/chat-sockets.ts   (SOCKETS=5000 RATE=2000 SECONDS=10 PROCESSES=1|2)
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import WebSocket from 'ws';
import { freePort } from '../apps/api/src/db/embedded.ts';
import { openDatabase } from '../apps/api/src/db/index.ts';

const SOCKETS = Number(process.env.SOCKETS ?? 5000);
const RATE = Number(process.env.RATE ?? 2000);
const SECONDS = Number(process.env.SECONDS ?? 10);
const PROCESSES = Number(process.env.PROCESSES ?? 1);
const MAIN = join(import.meta.dirname, '../apps/api/src/main.ts');
const dir = mkdtempSync(join(tmpdir(), 'jishi-chatbench-'));
chmodSync(dir, 0o755);
const children: ChildProcess[] = [];
const pct = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
// Servers' CPU time (user + system, ms) from /proc: per message it does not depend on how busy the machine is.
const cpuMs = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
};
const rssMb = (pid: number) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;

async function startProcess(env: Record<string, string>) {
  const port = await freePort();
  // PROF=dir: each server writes a --cpu-prof profile there (bench/prof-summary.ts reads it).
  const prof = process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.PROF] : [];
  const child = spawn(process.execPath, ['--max-old-space-size=2048', ...prof, '--import', 'tsx', MAIN], {
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

try {
  const a = await startProcess({});
  const pg = readFileSync(join(dir, 'pg/postmaster.pid'), 'utf8').split('\n');
  const url = `postgres://postgres:${encodeURIComponent(readFileSync(join(dir, 'pg-password'), 'utf8').trim())}@127.0.0.1:${pg[3]}/jishi`;
  const procs = PROCESSES === 2 ? [a, await startProcess({ DATABASE_URL: url })] : [a];
  const { db, close } = openDatabase(url, { max: 10 });
  const users = await db.insertInto('users')
    .values(Array.from({ length: SOCKETS }, (_, i) => ({ username: `cb_${i}`, passwordHash: 'x', displayName: `成员${i}` })))
    .returning('id').execute();
  const tokens = users.map(() => `js_${randomBytes(24).toString('base64url')}`);
  await db.insertInto('sessions').values(users.map((u, i) => ({ tokenHash: createHash('sha256').update(tokens[i] as string).digest('hex'), userId: u.id, expiresAt: new Date(Date.now() + 86_400_000) }))).execute();
  // Pairs (2i, 2i+1) who follow each other, with their conversation already open.
  const pairs: { conv: string; from: number; to: number }[] = [];
  for (let i = 0; i + 1 < users.length; i += 2) {
    const [x, y] = [users[i]?.id as string, users[i + 1]?.id as string];
    const [ua, ub] = x < y ? [x, y] : [y, x];
    const c = await db.insertInto('conversations').values({ userA: ua, userB: ub }).returning('id').executeTakeFirstOrThrow();
    pairs.push({ conv: c.id, from: i, to: i + 1 });
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
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let opened = 0;
  const sockets: WebSocket[] = [];
  const tConnect = performance.now();
  await Promise.all(tokens.map((token, i) => new Promise<void>((resolve, reject) => {
    const port = procs[i % procs.length]?.port as number;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/ws?token=${token}`);
    sockets.push(ws);
    ws.on('message', (d) => {
      const e = JSON.parse(String(d));
      if (e.type === 'hello') {
        opened++;
        resolve();
      } else if (e.type === 'message' && e.message.senderId !== users[i]?.id) {
        const t0 = sentAt.get(e.message.text);
        if (t0 !== undefined) latencies.push(performance.now() - t0);
      }
    });
    ws.on('error', reject);
  })));
  const connectMs = performance.now() - tConnect;
  const rssIdle = procs.map((p) => rssMb(p.pid));

  const cpu0 = procs.map((p) => cpuMs(p.pid));
  const agent = new Agent({ connections: 256 });
  let sent = 0;
  let failed = 0;
  const inflight = new Set<Promise<void>>();
  const t0 = performance.now();
  for (let tick = 0; tick < SECONDS * 100; tick++) {
    const due = Math.floor(((tick + 1) * RATE) / 100) - Math.floor((tick * RATE) / 100);
    for (let k = 0; k < due; k++) {
      const p = pairs[sent % pairs.length] as { conv: string; from: number };
      const text = `m${sent}`;
      const port = procs[p.from % procs.length]?.port as number;
      sentAt.set(text, performance.now());
      sent++;
      const req = request(`http://127.0.0.1:${port}/api/v1/conversations/${p.conv}/messages`, {
        method: 'POST', dispatcher: agent,
        headers: { authorization: `Bearer ${tokens[p.from]}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      }).then(async (r) => {
        await r.body.text();
        if (r.statusCode !== 201) failed++;
      }, () => void failed++).finally(() => inflight.delete(req));
      inflight.add(req);
    }
    const wait = t0 + ((tick + 1) * 1000) / 100 - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  await Promise.all([...inflight]);
  const sendMs = performance.now() - t0;
  const until = performance.now() + 10_000;
  while (latencies.length < sent - failed && performance.now() < until) await new Promise((r) => setTimeout(r, 50));
  const rssBusy = procs.map((p) => rssMb(p.pid));
  const cpuPerMsg = procs.reduce((a, p, i) => a + cpuMs(p.pid) - (cpu0[i] ?? 0), 0) / Math.max(1, sent);
  console.log(`| ${PROCESSES} | ${opened} | ${connectMs.toFixed(0)} ms | ${RATE}/s × ${SECONDS}s | ${(sent / (sendMs / 1000)).toFixed(0)}/s | ${failed} | ${latencies.length}/${sent - failed} | ${pct(latencies, 50).toFixed(0)} | ${pct(latencies, 99).toFixed(0)} | ${rssIdle.map((m) => m.toFixed(0)).join(' + ')} MB | ${rssBusy.map((m) => m.toFixed(0)).join(' + ')} MB | ${cpuPerMsg.toFixed(2)} ms |`);
  for (const s of sockets) s.terminate();
  await agent.close();
  await close();
} finally {
  for (const c of children.reverse()) {
    c.kill('SIGTERM');
    await new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)));
  }
  rmSync(dir, { recursive: true, force: true });
}
