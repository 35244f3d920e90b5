// Scale-out (issue 17): three API processes (the real main.ts, each a child process) on one
// PostgreSQL, and a client that hops between them as a load balancer would send it. Sessions,
// sign-out, real-time delivery, rate limits and background work must not care which process
// answers.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestApp } from '../test/helpers.ts';
import { freePort } from './db/embedded.ts';

const t = await createTestApp();
const MAIN = join(import.meta.dirname, 'main.ts');
const dirs: string[] = [];
const procs: ChildProcess[] = [];
const KEY = 'ab'.repeat(32); // one ID_ENCRYPTION_KEY for the deployment, as README says
// Process 3 runs the bundled API (npm run build:api), as deploy/ does; 1 and 2 run main.ts with tsx.
const BUNDLE = join(import.meta.dirname, `../dist/scale-test-${process.pid}.mjs`);
execFileSync(process.execPath, [join(import.meta.dirname, '../../../scripts/build-api.mjs'), BUNDLE], { stdio: 'ignore' });

async function startProcess(bundled = false): Promise<number> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'jishi-scale-'));
  chmodSync(dir, 0o755);
  dirs.push(dir);
  const child = spawn(process.execPath, bundled ? [BUNDLE] : ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      DATA_DIR: dir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      ID_ENCRYPTION_KEY: KEY,
      QUICKSELL_MIN_ACCOUNT_DAYS: '0',
      PRO_SELLER_GUARD: 'false',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  procs.push(child);
  let log = '';
  child.stdout?.on('data', (d) => {
    log = (log + d).slice(-3000);
  });
  for (let i = 0; i < 1800; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) return port;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`process did not start: ${log}`);
}

type Api = { status: number; json: any };
async function api(port: number, method: string, path: string, token?: string, body?: unknown): Promise<Api> {
  const r = await fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : null };
}

type Envelope = { type: string; conversationId?: string; message?: { kind?: string; text?: string } };
function connect(port: number, token: string) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/ws?token=${encodeURIComponent(token)}`);
  const received: Envelope[] = [];
  let closeCode: number | null = null;
  ws.on('message', (d) => received.push(JSON.parse(String(d))));
  ws.on('close', (code) => {
    closeCode = code;
  });
  const open = new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.once('message', () => resolve()); // the server's hello
  });
  return { ws, received, open, closed: () => closeCode };
}

async function until(what: string, cond: () => boolean | Promise<boolean>, ms = 10_000) {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const ports: number[] = [];
afterAll(async () => {
  for (const p of procs) p.kill('SIGTERM');
  await Promise.all(procs.map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.once('exit', r)))));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  for (const f of [BUNDLE, `${BUNDLE}.map`]) rmSync(f, { force: true });
});

describe('three API processes on one PostgreSQL', () => {
  it('start together (migrations and job setup under their locks; the third from the bundle)', async () => {
    ports.push(...(await Promise.all([startProcess(), startProcess(), startProcess(true)])));
    expect(new Set(ports).size).toBe(3);
  }, 120_000);

  it('a session made on process 1 works on 2 and 3; signing out on 2 ends it on 1 and 3, and closes its socket', async () => {
    const [p1, p2, p3] = ports as [number, number, number];
    const u = await t.user();
    const login = await api(p1, 'POST', '/auth/login', undefined, { username: u.username, password: 'correct-horse-9' });
    expect(login.status).toBe(200);
    const token = login.json.token as string;
    const cachedAt = Date.now(); // each process caches the session now (SESSION_CACHE_MS, 5 s by default)
    for (const p of [p1, p2, p3]) expect((await api(p, 'GET', '/me', token)).json.username).toBe(u.username);
    const socket = connect(p3, token);
    const other = connect(p1, u.token); // the same member on another device: stays signed in
    await Promise.all([socket.open, other.open]);

    expect((await api(p2, 'POST', '/auth/logout', token)).status).toBe(204);
    expect((await api(p2, 'GET', '/me', token)).json.code).toBe('invalid_token');
    // The others forget it on the hub's signal, a NOTIFY away: refused long before their entries would lapse.
    for (const p of [p1, p3]) {
      await until(`process ${p} to refuse the token`, async () => (await api(p, 'GET', '/me', token)).json.code === 'invalid_token', cachedAt + 4000 - Date.now());
    }
    await until('the signed-out socket on process 3 to close', () => socket.closed() !== null);
    expect(socket.closed()).toBe(4001);
    await new Promise((r) => setTimeout(r, 300));
    expect(other.closed()).toBeNull();
    expect(other.received.some((e) => e.type === 'session_ended')).toBe(false);
    expect((await api(p2, 'GET', '/me', u.token)).status).toBe(200);
    other.ws.close();
  }, 60_000);

  it('a message sent through process 1 reaches the recipient’s socket on process 3', async () => {
    const [p1, , p3] = ports as [number, number, number];
    const alice = await t.user({ prefix: 'al' });
    const bob = await t.user({ prefix: 'bo' });
    const bobSocket = connect(p3, bob.token);
    await bobSocket.open;
    const conv = await api(p1, 'POST', '/conversations', alice.token, { peerId: bob.id });
    expect(conv.status).toBeLessThan(300);
    expect((await api(p1, 'POST', `/conversations/${conv.json.id}/messages`, alice.token, { text: '周末能自提吗？' })).status).toBe(201);
    await until('the message on process 3', () => bobSocket.received.some((e) => e.type === 'message'));
    expect(bobSocket.received.filter((e) => e.type === 'message')).toEqual([
      expect.objectContaining({ conversationId: conv.json.id, message: expect.objectContaining({ text: '周末能自提吗？' }) }),
    ]);
    bobSocket.ws.close();
  }, 60_000);

  it('counts a rate limit across processes: failed sign-ins spread over all three lock the name', async () => {
    const [p1, p2, p3] = ports as [number, number, number];
    const u = await t.user({ prefix: 'rl' });
    // LOGIN_MAX_FAILURES is 5: two on each of two processes and one on the third.
    for (const p of [p1, p2, p3, p1, p2]) {
      const r = await api(p, 'POST', '/auth/login', undefined, { username: u.username, password: 'wrong-password-1' });
      expect(r.status).toBe(401);
    }
    for (const p of [p3, p1]) {
      const r = await api(p, 'POST', '/auth/login', undefined, { username: u.username, password: 'correct-horse-9' });
      expect(r.json.code).toBe('too_many_attempts');
      expect(r.status).toBe(429);
    }
  }, 60_000);

  it('background work runs once, not once per process: one order card per order event', async () => {
    const [p1, p2, p3] = ports as [number, number, number];
    const seller = await t.user({ verified: true, prefix: 'se' });
    const buyer = await t.user({ prefix: 'bu' });
    const item = await api(p1, 'POST', '/items', seller.token, {
      title: '宜家落地灯', price: 2500, quantity: 1, delivery: ['pickup'], category: 'furniture', condition: 'like_new',
    });
    expect(item.status, JSON.stringify(item.json)).toBe(201);
    const sockets = [connect(p1, seller.token), connect(p3, seller.token)];
    await Promise.all(sockets.map((s) => s.open));
    const order = await api(p2, 'POST', '/orders', buyer.token, { itemId: item.json.id, delivery: 'pickup' });
    expect(order.status).toBe(201);
    // Every process polls the outbox each second; wait until one has posted the card, then
    // long enough for each of the three to have polled again several times.
    const cards = () =>
      t.db.selectFrom('messages').select(['id', 'orderStatus']).where('orderId', '=', order.json.id).where('kind', '=', 'order').execute();
    await until('the order card', async () => (await cards()).length > 0);
    await new Promise((r) => setTimeout(r, 3000));
    expect((await cards()).map((c) => c.orderStatus)).toEqual(['placed']);
    for (const s of sockets) expect(s.received.filter((e) => e.type === 'message' && e.message?.kind === 'order')).toHaveLength(1);
    for (const s of sockets) s.ws.close();
    // Every process enqueues the due sweeps itself, one job per sweep and minute (lib/jobs.test.ts):
    // each sweep has its one queue, and pg-boss's own cron table is left empty.
    const counts = await sql<{ schedules: string; queues: string }>`
      select (select count(*) from pgboss.schedule) as schedules, (select count(*) from pgboss.queue) as queues`.execute(t.db);
    const { schedules, queues } = counts.rows[0] ?? { schedules: '0', queues: '0' };
    expect(Number(schedules)).toBe(0);
    expect(Number(queues)).toBeGreaterThanOrEqual(15);
  }, 60_000);
});
