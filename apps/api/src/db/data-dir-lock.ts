// One Jishi process per DATA_DIR when PostgreSQL is embedded: a second one must not take the
// cluster of the first for a crash leftover and stop it. DATA_DIR/jishi.pid names the holder —
// its pid and, on Linux, its start time, so a pid reused after a reboot or in a new container
// (where the server is often pid 1 every time) is not taken for the holder. A file whose holder
// is gone is a leftover from a crash and is taken over.
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLocked extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`DATA_DIR ${dataDir} is in use by another Jishi process (pid ${pid}); stop it first or choose another DATA_DIR`);
  }
}

export type DataDirLock = { file: string; release(): void };
type Holder = { pid: number; startTime: string | null };

export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'jishi.pid');
  const me: Holder = { pid: process.pid, startTime: startTimeOf(process.pid) };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(file, me)) {
      return {
        file,
        release() {
          const holder = readHolder(file);
          if (holder?.pid === me.pid && holder.startTime === me.startTime) rmSync(file, { force: true });
        },
      };
    }
    const holder = readHolder(file);
    if (holder && isRunning(holder)) throw new DataDirLocked(dataDir, holder.pid);
    // A leftover. Removed under a guard and only if still a leftover when looked at under it, so
    // two processes that both found it cannot remove each other's fresh lock; the exclusive
    // create above then decides which one of them holds DATA_DIR.
    withGuard(`${file}.guard`, () => {
      const again = readHolder(file);
      if (!again || !isRunning(again)) rmSync(file, { force: true });
    });
  }
  throw new Error(`could not lock DATA_DIR ${dataDir}`);
}

/** Creates the file with its content in one step (link of a written temp file): never half-written. */
function tryCreate(file: string, me: Holder): boolean {
  const temp = `${file}.${me.pid}.tmp`;
  writeFileSync(temp, `${me.pid}\n${me.startTime ?? ''}\n`, { mode: 0o644 });
  try {
    linkSync(temp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    rmSync(temp, { force: true });
  }
}

function readHolder(file: string): Holder | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const [pid, startTime] = text.split('\n');
  if (!pid || !/^\d+$/.test(pid)) return { pid: 0, startTime: null }; // not ours: nobody holds it
  return { pid: Number(pid), startTime: startTime || null };
}

function isRunning(h: Holder): boolean {
  if (h.pid <= 0 || h.pid === process.pid) return false; // our own pid: a previous life of this pid
  try {
    process.kill(h.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false; // no such process
  }
  const now = startTimeOf(h.pid);
  return !(h.startTime && now && now !== h.startTime);
}

/** Field 22 of /proc/<pid>/stat: when the process started (clock ticks since boot). Linux only. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** A tiny mutex between processes: mkdir is atomic. A guard older than 10 s is a leftover. */
function withGuard(dir: string, fn: () => void) {
  const until = Date.now() + 15_000;
  for (;;) {
    try {
      mkdirSync(dir);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (existsSync(dir) && Date.now() - safeMtime(dir) > 10_000) rmSync(dir, { recursive: true, force: true });
      if (Date.now() > until) throw new Error(`could not take ${dir}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
  try {
    fn();
  } finally {
    rmdirSync(dir);
  }
}

function safeMtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Date.now();
  }
}
