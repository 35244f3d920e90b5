// Starts the whole app the way an operator does (`npm start` from the repo root) on a free
// port with a fresh embedded PostgreSQL in a temp DATA_DIR, waits for /api/v1/health, and
// returns the teardown that stops it and removes the data.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const START_TIMEOUT_MS = 240_000; // a first start may build the web app and run initdb
const STOP_TIMEOUT_MS = 20_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitForHealth(base: string, child: ChildProcess, log: string) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`jishi exited during start-up (code ${child.exitCode}). Log tail:\n${tail(log)}`);
    }
    try {
      const res = await fetch(`${base}/api/v1/health`);
      if (res.ok && ((await res.json()) as { status?: string }).status === 'ok') return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`jishi did not become healthy within ${START_TIMEOUT_MS / 1000}s. Log tail:\n${tail(log)}`);
}

async function stop(child: ChildProcess) {
  const pid = child.pid;
  if (!pid || !groupAlive(pid)) return;
  // The whole process group: npm, the API process and the PostgreSQL it started.
  process.kill(-pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(200);
  if (groupAlive(pid)) {
    console.warn('e2e: jishi did not stop in time; killing it');
    process.kill(-pid, 'SIGKILL');
    await sleep(500);
  }
}

export default async function globalSetup() {
  if (process.env.E2E_BASE_URL) {
    process.env.JISHI_E2E_BASE_URL = process.env.E2E_BASE_URL;
    return async () => {};
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'jishi-e2e-'));
  // Embedded PostgreSQL runs as the `postgres` user and must be able to traverse DATA_DIR.
  chmodSync(dataDir, 0o755);
  const logFile = join(tmpdir(), `${dataDir.split('/').pop()}.log`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    NODE_ENV: 'production',
    QUICKSELL_MIN_ACCOUNT_DAYS: process.env.QUICKSELL_MIN_ACCOUNT_DAYS ?? '0',
  };
  delete env.DATABASE_URL; // always a fresh embedded database, never someone's real one
  delete env.SKIP_WEB_BUILD; // serve the current web sources

  const out = openSync(logFile, 'a');
  const child = spawn('npm', ['start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  // Last resort if the runner dies without teardown: take the server down with us.
  const onExit = () => {
    if (child.pid && groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
  };
  process.on('exit', onExit);

  console.log(`e2e: starting jishi on ${base} (DATA_DIR ${dataDir}, log ${logFile})`);
  try {
    await waitForHealth(base, child, logFile);
  } catch (err) {
    await stop(child);
    throw err;
  }
  process.env.JISHI_E2E_BASE_URL = base;
  // Operator commands in the specs (npm run admin:grant) reach the running server's database through it.
  process.env.JISHI_E2E_DATA_DIR = dataDir;

  return async () => {
    await stop(child);
    process.off('exit', onExit);
    if (!process.env.E2E_KEEP_DATA) {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(logFile, { force: true });
    }
  };
}
