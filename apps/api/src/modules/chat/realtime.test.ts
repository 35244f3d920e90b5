// Two API processes on one database: a message sent through one reaches a socket held by the
// other (LISTEN/NOTIFY). Strangers get no socket and see nothing.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestApp } from '../../../test/helpers.ts';
import { freePort } from '../../db/embedded.ts';

const t = await createTestApp();
const MAIN = join(import.meta.dirname, '../../main.ts');
const dirs: string[] = [];
const procs: ChildProcess[] = [];

async function startProcess() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'jishi-rt-'));
  chmodSync(dir, 0o755);
  dirs.push(dir);
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, DATABASE_URL: t.url, DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'false' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  procs.push(child);
  let log = '';
  child.stdout?.on('data', (d) => {
    log = (log + d).slice(-3000);
  });
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) return port;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`process did not start: ${log}`);
}

type Received = { type: string; conversationId?: string; message?: { text?: string; warnings?: string[] } };

function connect(port: number, token: string) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/ws?token=${encodeURIComponent(token)}`);
  const received: Received[] = [];
  ws.on('message', (d) => received.push(JSON.parse(String(d))));
  const open = new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.once('message', () => resolve()); // the server's hello
  });
  return { ws, received, open };
}

async function until(cond: () => boolean, ms = 5000) {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

afterAll(async () => {
  for (const p of procs) p.kill('SIGTERM');
  await Promise.all(procs.map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.once('exit', r)))));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('real-time delivery across two processes', () => {
  it('a message sent through process A reaches the recipient’s socket on process B, and only theirs', async () => {
    const [portA, portB] = await Promise.all([startProcess(), startProcess()]);
    const alice = await t.user({ prefix: 'al' });
    const bob = await t.user({ prefix: 'bo' });
    const eve = await t.user({ prefix: 'ev' });
    const bobSocket = connect(portB, bob.token);
    const eveSocket = connect(portB, eve.token);
    const aliceSocket = connect(portA, alice.token);
    await Promise.all([bobSocket.open, eveSocket.open, aliceSocket.open]);

    const api = (port: number, method: string, path: string, token: string, body?: unknown) =>
      fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      }).then(async (r) => ({ status: r.status, json: await r.json() }));
    const conv = await api(portA, 'POST', '/conversations', alice.token, { peerId: bob.id });
    const sent = await api(portA, 'POST', `/conversations/${conv.json.id}/messages`, alice.token, { text: '书还在吗？' });
    expect(sent.status).toBe(201);
    await until(() => bobSocket.received.some((e) => e.type === 'message'));
    const got = bobSocket.received.find((e) => e.type === 'message');
    expect(got).toMatchObject({ type: 'message', conversationId: conv.json.id, message: { text: '书还在吗？' } });
    await until(() => aliceSocket.received.some((e) => e.type === 'message')); // the sender's other devices

    // A lure arrives with its warnings, on the other process too.
    await api(portB, 'POST', `/conversations/${conv.json.id}/messages`, bob.token, { text: '在的' });
    await api(portA, 'POST', `/conversations/${conv.json.id}/messages`, alice.token, { text: '加我微信 abc12345，先付定金' });
    await until(() => bobSocket.received.filter((e) => e.type === 'message').length >= 3);
    const lure = bobSocket.received.filter((e) => e.type === 'message').at(-1);
    expect(lure?.message?.warnings?.length).toBeGreaterThan(0);

    await new Promise((r) => setTimeout(r, 200));
    expect(eveSocket.received.filter((e) => e.type === 'message')).toEqual([]);
    for (const s of [bobSocket, eveSocket, aliceSocket]) s.ws.close();
  }, 120_000);

  it('refuses a socket without a valid token', async () => {
    const port = await startProcess();
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/ws?token=js_forged`);
    const status = await new Promise<number>((resolve) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
    });
    expect(status).toBe(401);
  }, 120_000);
});
