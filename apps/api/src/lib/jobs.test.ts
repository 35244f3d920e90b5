// The sweeps' schedule across processes: three job runners on one database each enqueue the
// sweeps due in a minute; each due sweep becomes one job and runs once, the others none.
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/helpers.ts';
import { runId, type Sweep, startJobs } from './jobs.ts';

const t = await createTestApp();
const runs: string[] = [];
const sweep = (name: string, cron: string): Sweep => ({ name, cron, run: async () => (runs.push(name), 0) });
const sweeps = [sweep('test-every-minute', '* * * * *'), sweep('test-at-17', '17 * * * *'), sweep('test-daily', '0 3 * * *')];
const runners = await Promise.all([1, 2, 3].map(() => startJobs(t.url, t.deps, sweeps, { pollingIntervalSeconds: 0.5, tick: false })));
afterAll(() => Promise.all(runners.map((r) => r.stop())));

const jobs = async () =>
  (await sql<{ name: string; id: string }>`select name, id::text from pgboss.job where name like 'test-%' order by name, id`.execute(t.db)).rows;

async function until(what: string, ok: () => Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('sweeps scheduled by every process', () => {
  it('a minute enqueued by three processes at once is one job per due sweep, run once', async () => {
    const at = new Date('2026-11-28T10:17:40Z');
    expect(await Promise.all(runners.map((r) => r.enqueueDue(at)))).toEqual([2, 2, 2]);
    const minute = new Date('2026-11-28T10:17:00Z');
    expect(await jobs()).toEqual([
      { name: 'test-at-17', id: runId('test-at-17', minute) },
      { name: 'test-every-minute', id: runId('test-every-minute', minute) },
    ]);
    await until('both sweeps to run', async () => runs.length >= 2);
    await new Promise((r) => setTimeout(r, 1500)); // three workers poll each queue: none runs it again
    expect(runs.sort()).toEqual(['test-at-17', 'test-every-minute']);

    // The next minute: only the every-minute sweep; enqueueing it again later changes nothing.
    await runners[0]?.enqueueDue(new Date('2026-11-28T10:18:05Z'));
    await runners[1]?.enqueueDue(new Date('2026-11-28T10:18:59Z'));
    await until('the next run', async () => runs.length >= 3);
    await new Promise((r) => setTimeout(r, 1500));
    expect(runs.sort()).toEqual(['test-at-17', 'test-every-minute', 'test-every-minute']);
    expect(await jobs()).toHaveLength(3);
  }, 30_000);

  it('the daily sweep only at its minute', async () => {
    expect(await runners[2]?.enqueueDue(new Date('2026-11-29T03:00:10Z'))).toBe(1 + 1); // every-minute and daily
    expect(await runners[2]?.enqueueDue(new Date('2026-11-29T03:01:10Z'))).toBe(1);
  });

  it('a process with an expression it cannot read does not start', async () => {
    await expect(startJobs(t.url, t.deps, [sweep('test-bad', '*/0 * * * *')], { tick: false })).rejects.toThrow(/cron "\*\/0/);
  });

  it('the same minute gives the same id everywhere, another minute or sweep another id', () => {
    const m = new Date('2026-11-28T10:17:00Z');
    expect(runId('a', m)).toBe(runId('a', new Date(m)));
    expect(runId('a', m)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set([runId('a', m), runId('b', m), runId('a', new Date(m.getTime() + 60_000))]).size).toBe(3);
  });
});
