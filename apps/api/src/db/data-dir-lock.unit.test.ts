// DATA_DIR's lock (issue 9, hole 7): a live holder refuses, a dead or reused pid is a leftover.
// Other holders are stood in for by `sleep` processes; the server-level behaviour is in
// lifecycle.test.ts.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLocked, lockDataDir } from './data-dir-lock.ts';

const dirs: string[] = [];
const sleepers: ChildProcess[] = [];
const freshDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'jishi-lock-'));
  dirs.push(d);
  return d;
};
const sleeper = () => {
  const c = spawn('sleep', ['60'], { stdio: 'ignore' });
  sleepers.push(c);
  return c.pid as number;
};
const startTime = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
};
afterAll(() => {
  for (const c of sleepers) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('lockDataDir', () => {
  it('writes our pid, and release removes it', () => {
    const dir = freshDir();
    const lock = lockDataDir(dir);
    expect(readFileSync(lock.file, 'utf8').split('\n')[0]).toBe(String(process.pid));
    lock.release();
    expect(() => readFileSync(lock.file)).toThrow();
  });

  it('refuses while another live process holds it, naming that process', () => {
    const dir = freshDir();
    const pid = sleeper();
    writeFileSync(join(dir, 'jishi.pid'), `${pid}\n${startTime(pid)}\n`);
    expect(() => lockDataDir(dir)).toThrow(DataDirLocked);
    expect(() => lockDataDir(dir)).toThrow(`in use by another Jishi process (pid ${pid})`);
    expect(readFileSync(join(dir, 'jishi.pid'), 'utf8').split('\n')[0]).toBe(String(pid));
  });

  it('takes over a leftover: a dead pid, a reused pid, garbage', () => {
    const dead = spawnSync('true').pid as number;
    const reused = sleeper();
    for (const content of [`${dead}\n\n`, `${reused}\n1\n`, 'not a pid\n']) {
      const dir = freshDir();
      writeFileSync(join(dir, 'jishi.pid'), content);
      const lock = lockDataDir(dir);
      expect(readFileSync(lock.file, 'utf8').split('\n')[0]).toBe(String(process.pid));
      lock.release();
    }
  });

  it('release leaves a lock that is not ours', () => {
    const dir = freshDir();
    const lock = lockDataDir(dir);
    const pid = sleeper();
    writeFileSync(lock.file, `${pid}\n${startTime(pid)}\n`);
    lock.release();
    expect(readFileSync(lock.file, 'utf8').split('\n')[0]).toBe(String(pid));
  });
});
