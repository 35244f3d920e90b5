// Operator commands (`npm run admin:grant`, `seed`, `ledger:verify`) on the embedded mode while
// the server runs: the cluster in DATA_DIR/pg is already up, and starting another (or "stopping
// a leftover", which it is not) would take the server's database away. Its postmaster.pid says
// where it listens; the password is the one the server generated into DATA_DIR.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The URL of the embedded PostgreSQL running in `dataDir`, or null when none is running. */
export function runningEmbeddedUrl(dataDir: string): string | null {
  const pidFile = join(dataDir, 'pg', 'postmaster.pid');
  const pwFile = join(dataDir, 'pg-password');
  if (!existsSync(pidFile) || !existsSync(pwFile)) return null;
  // Lines: pid, data dir, start time, port, socket dir, listen address, shmem key, status.
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0 || !alive(pid)) return null;
  if (!(lines[7] ?? '').trim().startsWith('ready')) return null;
  const host = (lines[5] ?? '').trim().split(/[\s,]+/)[0] || '127.0.0.1';
  const password = readFileSync(pwFile, 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@${host === '*' ? '127.0.0.1' : host}:${port}/jishi`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
  } catch {
    return true; // no /proc: the signal check is all there is
  }
}
