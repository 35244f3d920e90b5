// EXPLAIN (ANALYZE, BUFFERS) of the feed, profile and comment queries — the exact SQL the app's
// repo functions send, captured with Kysely's log hook, with their real parameters.
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { DB } from '../apps/api/src/db/types.ts';
import { collectedNotes, followingNotes, latestNotes, notesBy } from '../apps/api/src/modules/feed/repo.ts';
import { firstReplies, repliesPage, topLevelPage } from '../apps/api/src/modules/notes/comments-repo.ts';
import { authorsByIds, mediaByIds, reactedNoteIds } from '../apps/api/src/modules/notes/hydrate.ts';
import { communityCounts } from '../apps/api/src/modules/notes/repo.ts';
import type { Fixture } from './feed-data.ts';

export type Plan = { name: string; sql: string; plan: string[]; ms: number; indexes: string[]; seqScans: string[] };

export async function explainAll(pool: pg.Pool, f: Fixture): Promise<Plan[]> {
  let captured: { sql: string; parameters: readonly unknown[] } | null = null;
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
    log: (e) => {
      captured = { sql: e.query.sql, parameters: e.query.parameters };
    },
  });
  const mid = (
    await pool.query(
      `SELECT id, created_at FROM notes ORDER BY created_at DESC, id DESC OFFSET (SELECT count(*) / 2 FROM notes) LIMIT 1`,
    )
  ).rows[0];
  const deep = { at: mid.created_at as Date, id: mid.id as string };
  const page = await latestNotes(db, null, 21);
  const ids = page.map((r) => r.id);
  const tops = await topLevelPage(db, f.hotNoteId, 'desc', null, 21);
  const cases: [string, () => Promise<unknown>][] = [
    ['latest, first page', () => latestNotes(db, null, 21)],
    ['latest, page halfway down (cursor)', () => latestNotes(db, deep, 21)],
    ['following (200 followees), first page', () => followingNotes(db, f.viewerId, null, 21)],
    ['following, deep cursor', () => followingNotes(db, f.viewerId, deep, 21)],
    ["a prolific member's notes (5% of all)", () => notesBy(db, f.authorId, null, 21)],
    ["a prolific member's notes, deep cursor", () => notesBy(db, f.authorId, deep, 21)],
    ["the viewer's collects", () => collectedNotes(db, f.viewerId, null, 21)],
    [
      'hydrate: authors of a page',
      () =>
        authorsByIds(
          db,
          page.map((r) => r.authorId),
        ),
    ],
    [
      'hydrate: covers of a page',
      () =>
        mediaByIds(
          db,
          page.map((r) => r.coverId),
        ),
    ],
    ['hydrate: likedByMe of a page', () => reactedNoteIds(db, 'noteLikes', f.viewerId, ids)],
    ['comments: top level, newest (5,000 on the note)', () => topLevelPage(db, f.hotNoteId, 'desc', null, 21)],
    [
      'comments: first 3 replies of 20 threads',
      () =>
        firstReplies(
          db,
          tops.slice(0, 20).map((c) => c.id),
          3,
        ),
    ],
    ['comments: replies page', () => repliesPage(db, tops[0]?.id ?? '', null, 21)],
    ['profile counts (2,000 followers)', () => communityCounts(db, f.popularId)],
  ];
  const plans: Plan[] = [];
  for (const [name, run] of cases) {
    captured = null;
    await run();
    const q = captured as { sql: string; parameters: readonly unknown[] } | null;
    if (!q) throw new Error(`no query captured for ${name}`);
    const r = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON) ${q.sql}`, [
      ...q.parameters,
    ]);
    const plan = r.rows.map((row) => row['QUERY PLAN'] as string);
    const ms = Number(plan.find((l) => l.startsWith('Execution Time'))?.match(/[\d.]+/)?.[0] ?? Number.NaN);
    plans.push({
      name,
      sql: q.sql,
      plan,
      ms,
      indexes: [
        ...new Set(
          plan.flatMap(
            (l) =>
              l.match(/(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)/)?.[1] ?? [],
          ),
        ),
      ],
      seqScans: plan.flatMap((l) => l.match(/Seq Scan on (\w+)/)?.[1] ?? []),
    });
  }
  // No db.destroy(): it would end the pool, which belongs to the caller.
  return plans;
}
