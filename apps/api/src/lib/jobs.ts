// Background work on a PostgreSQL-backed queue (pg-boss). Each sweep is enqueued once per due
// minute for the whole deployment: every process enqueues it, under an id made from the sweep's
// name and the minute, and the queue keeps the first (ON CONFLICT DO NOTHING). The sweeps
// themselves take rows with SKIP LOCKED, so every due order is handled exactly once.
//
// pg-boss's own cron is off (`schedule: false`): it re-parsed every expression with luxon every
// 30 s, a 170–270 ms stall of the event loop each time (lib/cron.ts).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import PgBoss from 'pg-boss';
import { type Cron, cronMatches, parseCron } from './cron.ts';
import type { Deps } from './http.ts';

const JOBS_SETUP_LOCK = 7_414_2027;
const MINUTE = 60_000;
/** Each process enqueues half a minute into the minute: clocks up to 30 s apart agree on which. */
const TICK_AT_MS = 30_000;

export type Sweep = { name: string; cron: string; run: (deps: Deps) => Promise<number> };

/** The job id of a sweep's run in one minute: the same in every process. */
export function runId(name: string, minute: Date): string {
  const h = createHash('sha256').update(`${name}@${minute.toISOString()}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The sweeps due in the UTC minute containing `at`, as jobs for pg-boss's insert. */
export function dueJobs(schedule: { name: string; cron: Cron }[], at: Date) {
  const minute = new Date(Math.floor(at.getTime() / MINUTE) * MINUTE);
  return schedule.filter((s) => cronMatches(s.cron, minute)).map((s) => ({ id: runId(s.name, minute), name: s.name }));
}

export async function startJobs(url: string, deps: Deps, sweeps: Sweep[], opts: { pollingIntervalSeconds?: number; tick?: boolean } = {}) {
  const schedule = sweeps.map((s) => ({ name: s.name, cron: parseCron(s.cron) })); // a bad expression fails the start
  const boss = new PgBoss({ connectionString: url, max: 4, schema: 'pgboss', schedule: false });
  boss.on('error', (err) => deps.log.warn({ err }, 'job queue error'));
  // Processes starting together would create pg-boss's schema and queues at the same time and
  // deadlock; one at a time, under an advisory lock, they each find the work done or do it.
  // The lock is held by one connection of our pool for the whole setup (session-level locks
  // belong to the connection that took them).
  await deps.db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${JOBS_SETUP_LOCK})`.execute(conn);
    try {
      await boss.start();
      for (const s of sweeps) {
        await boss.createQueue(s.name);
        await boss.unschedule(s.name); // pg-boss's cron rows from before: nothing reads them now
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(${JOBS_SETUP_LOCK})`.execute(conn);
    }
  });
  // Every sweep is due once a minute or less often: each worker asks for work every 10 s, not
  // pg-boss's default 2 s (17 workers polled 8.5 times a second, a statement each — a tenth
  // of the API's CPU under load in the bench's profile, see bench/README.md).
  for (const s of sweeps) {
    await boss.work(s.name, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 10 }, async () => {
      const t0 = performance.now();
      const n = await s.run(deps);
      const ms = Math.round(performance.now() - t0);
      if (n) deps.log.info({ job: s.name, n, ms }, 'sweep');
      else deps.log.debug({ job: s.name, ms }, 'sweep: nothing due');
    });
  }

  /** Enqueues the sweeps due in `at`'s minute; a run another process enqueued stays one run. */
  const enqueueDue = async (at: Date) => {
    const jobs = dueJobs(schedule, at);
    if (jobs.length) await boss.insert(jobs);
    return jobs.length;
  };
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const arm = () => {
    const now = Date.now();
    let next = Math.floor(now / MINUTE) * MINUTE + TICK_AT_MS;
    if (next <= now) next += MINUTE;
    timer = setTimeout(() => {
      if (stopped) return;
      enqueueDue(new Date()).catch((err) => deps.log.warn({ err }, 'could not enqueue the sweeps'));
      arm();
    }, next - now);
    timer.unref();
  };
  if (opts.tick !== false) arm();

  return {
    /** Runs a sweep now (operators, tests). */
    runNow: (name: string) => sweeps.find((s) => s.name === name)?.run(deps),
    enqueueDue,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      return boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
