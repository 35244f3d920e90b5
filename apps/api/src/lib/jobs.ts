// Background work on a PostgreSQL-backed queue (pg-boss): each sweep is scheduled once a
// minute for the whole deployment (pg-boss's cron is a singleton across processes), and the
// sweeps themselves take rows with SKIP LOCKED, so every due order is handled exactly once.
import { sql } from 'kysely';
import PgBoss from 'pg-boss';

const JOBS_SETUP_LOCK = 7_414_2027;
import type { Deps } from './http.ts';

export type Sweep = { name: string; cron: string; run: (deps: Deps) => Promise<number> };

export async function startJobs(url: string, deps: Deps, sweeps: Sweep[]) {
  const boss = new PgBoss({ connectionString: url, max: 4, schema: 'pgboss', cronWorkerIntervalSeconds: 15 });
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
        await boss.schedule(s.name, s.cron, {}, { tz: 'UTC' });
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(${JOBS_SETUP_LOCK})`.execute(conn);
    }
  });
  // Every sweep is due once a minute or less often: each worker asks for work every 10 s, not
  // pg-boss's default 2 s (17 workers polled 8.5 times a second, a statement each — a tenth
  // of the API's CPU under load in the bench's profile, see bench/README.md).
  for (const s of sweeps) {
    await boss.work(s.name, { pollingIntervalSeconds: 10 }, async () => {
      const n = await s.run(deps);
      if (n) deps.log.info({ job: s.name, n }, 'sweep');
    });
  }
  return {
    /** Runs a sweep now (operators, tests). */
    runNow: (name: string) => sweeps.find((s) => s.name === name)?.run(deps),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
