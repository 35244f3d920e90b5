// The process as an operator runs it: start on a fresh DATA_DIR, kill -9, start again, nothing
// lost; bad configuration stops start-up with one line. Spawns the real entry point.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './db/embedded.ts';

const MAIN = join(import.meta.dirname, 'main.ts');
const ROOT = join(import.meta.dirname, '../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'jishi-lifecycle-'));
chmodSync(dataDir, 0o755);
const children: ChildProcess[] = [];

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'false', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let log = '';
  child.stderr?.on('data', (d) => (log += d));
  child.stdout?.on('data', (d) => (log += d));
  return { child, log: () => log };
}

async function waitHealthy(base: string, child: ChildProcess, ms = 60_000) {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${base}/api/v1/health`);
      if (r.ok) return Date.now() - t0;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('not healthy in time');
}

const exited = (c: ChildProcess) => new Promise((r) => (c.exitCode !== null || c.signalCode ? r(null) : c.once('exit', r)));
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const firstLine = (file: string) => Number(readFileSync(file, 'utf8').split('\n')[0]);

afterAll(() => {
  for (const c of children) {
    try {
      process.kill(-(c.pid as number), 'SIGKILL');
    } catch {}
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!!process.env.TEST_DATABASE_URL)('the server process on the embedded database', () => {
  it('survives kill -9 of the API alone and of the whole process group, losing nothing', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = start({ PORT: String(port) });
    const firstMs = await waitHealthy(base, first.child);
    const reg = await fetch(`${base}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'survivor', password: 'long-enough-1' }),
    });
    expect(reg.status).toBe(201);

    // kill -9 of the Node process only: its PostgreSQL lives on as an orphan holding the data dir.
    process.kill(first.child.pid as number, 'SIGKILL');
    await exited(first.child);
    const second = start({ PORT: String(port) });
    const secondMs = await waitHealthy(base, second.child);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'survivor', password: 'long-enough-1' }),
    });
    expect(login.status).toBe(200);

    // kill -9 of everything: a stale postmaster.pid is left behind.
    process.kill(-(second.child.pid as number), 'SIGKILL');
    await exited(second.child);
    await new Promise((r) => setTimeout(r, 300));
    const third = start({ PORT: String(port) });
    const thirdMs = await waitHealthy(base, third.child);
    const again = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'survivor', password: 'long-enough-1' }),
    });
    expect(again.status).toBe(200);

    // A clean stop on SIGTERM exits 0 and stops PostgreSQL too.
    const pgPid = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(third.child.pid as number, 'SIGTERM');
    await exited(third.child);
    expect(third.child.exitCode).toBe(0);
    expect(() => process.kill(pgPid, 0)).toThrow();
    console.log(`start times: first ${firstMs} ms, after kill -9 ${secondMs} ms, after group kill -9 ${thirdMs} ms`);
  }, 120_000);

  it('a second start on the same DATA_DIR exits non-zero with one line naming the running process, and leaves its database alone', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = start({ PORT: String(port) });
    await waitHealthy(base, first.child);
    const account = { username: 'lock_holder', password: 'long-enough-1' };
    const json = { 'content-type': 'application/json' };
    expect((await fetch(`${base}/api/v1/auth/register`, { method: 'POST', headers: json, body: JSON.stringify(account) })).status).toBe(201);
    const pgPid = firstLine(join(dataDir, 'pg', 'postmaster.pid'));
    const second = spawnSync(process.execPath, ['--import', 'tsx', MAIN], {
      env: { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', SEED_DEMO: 'false' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(second.status).toBe(1);
    const lines = `${second.stdout}${second.stderr}`.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`in use by another Jishi process (pid ${first.child.pid})`);
    // The first server and its PostgreSQL were not touched.
    expect(isAlive(pgPid)).toBe(true);
    await waitHealthy(base, first.child); // also drops a keep-alive socket the server closed meanwhile
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify(account) });
    expect(login.status).toBe(200);
    process.kill(first.child.pid as number, 'SIGTERM');
    await exited(first.child);
    expect(first.child.exitCode).toBe(0);
    expect(existsSync(join(dataDir, 'jishi.pid'))).toBe(false);
  }, 120_000);

  it.each(['SIGTERM', 'SIGINT'] as const)('%s sent to the `npm start` process stops the server and its PostgreSQL, then npm exits', async (sig) => {
    const npm = spawn('npm', ['start'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', SEED_DEMO: 'false', SKIP_WEB_BUILD: '1' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(npm);
    let log = '';
    npm.stdout?.on('data', (d) => (log += d));
    npm.stderr?.on('data', (d) => (log += d));
    const t0 = Date.now();
    while (!log.includes('Jishi is listening')) {
      if (npm.exitCode !== null || Date.now() - t0 > 90_000) throw new Error(`npm start did not come up: ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const serverPid = firstLine(join(dataDir, 'jishi.pid'));
    const pgPid = firstLine(join(dataDir, 'pg', 'postmaster.pid'));
    expect(serverPid).not.toBe(npm.pid);
    process.kill(npm.pid as number, sig);
    await exited(npm);
    expect(npm.exitCode).toBe(0);
    // npm returns only after the server stopped itself (the signal reached it, not the parent-exit watch).
    expect(log).toContain(`"sig":"${sig}"`);
    expect(isAlive(serverPid)).toBe(false);
    expect(isAlive(pgPid)).toBe(false);
    expect(existsSync(join(dataDir, 'jishi.pid'))).toBe(false);
  }, 150_000);

  it.each([
    ['PORT', 'eighty'],
    ['FEE_BPS', '0.6'],
    ['DATABASE_URL', 'mysql://localhost/x'],
  ])('a bad %s=%s stops start-up with one line and a non-zero exit', (name, value) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN], {
      env: { ...process.env, DATA_DIR: dataDir, [name]: value },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(name);
  });
});
