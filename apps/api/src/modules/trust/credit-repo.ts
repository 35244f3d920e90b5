// The stored credit score: inputs read for a batch of members in one query, the pure
// computeCredit applied, the result written with a history point when it changed.
// Database triggers (migration 0015) mark a member dirty whenever an input changes; a dirty or
// day-old score is recomputed on its next read and by the `credit-refresh` sweep, so reads
// stay one indexed lookup and thresholds (the jury draw) compare a stored number.
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { DAY_MS } from '../../lib/clock.ts';
import type { Sweep } from '../../lib/jobs.ts';
import { CANCELLATION_WINDOW_DAYS, type Credit, type CreditInputs, SCAM_OFFENCE_WINDOW_DAYS, computeCredit } from './credit.ts';

/** A stored score older than this is recomputed: account age moves on by itself. */
const STALE_MS = DAY_MS;
const SWEEP_BATCH = 500;

type InputRow = Omit<CreditInputs, 'ratingAverage'> & { id: string; ratingAverage: number | string | null };

export async function readCreditInputs(db: Executor, ids: readonly string[], now: Date): Promise<Map<string, CreditInputs>> {
  if (ids.length === 0) return new Map();
  const cancelSince = new Date(now.getTime() - CANCELLATION_WINDOW_DAYS * DAY_MS);
  const scamSince = new Date(now.getTime() - SCAM_OFFENCE_WINDOW_DAYS * DAY_MS);
  // One row per member; every count is an indexed lookup on that member (orders_*_status,
  // reviews_subject_visible, messages_flagged_sender, after_sales_*, after_sale_jurors_user).
  const rows = await sql<InputRow>`
    SELECT u.id, u.created_at AS "createdAt", u.verified_at AS "verifiedAt",
      (SELECT count(*)::int FROM orders o WHERE o.seller_id = u.id AND o.status = 'completed') AS "salesCompleted",
      (SELECT count(*)::int FROM orders o WHERE o.buyer_id = u.id AND o.status = 'completed') AS "purchasesCompleted",
      r.avg AS "ratingAverage", coalesce(r.n, 0)::int AS "ratingCount",
      (SELECT count(*)::int FROM after_sale_jurors j WHERE j.user_id = u.id AND j.agreed) AS "juryAgreed",
      (SELECT count(*)::int FROM after_sales a
        WHERE a.decided_by IN ('jury', 'operator')
          AND ((a.seller_id = u.id AND a.verdict = 'refund') OR (a.buyer_id = u.id AND a.verdict = 'release'))) AS "casesLost",
      (SELECT count(*)::int FROM order_events e JOIN orders o ON o.id = e.order_id
        WHERE e.actor_id = u.id AND e.type = 'cancelled' AND o.paid_at IS NOT NULL AND e.created_at > ${cancelSince}) AS "cancellations",
      (SELECT count(DISTINCT (rp.target_type, rp.target_id))::int FROM reports rp
        WHERE rp.status = 'resolved' AND report_subject(rp.target_type, rp.target_id) = u.id) AS "reportsUpheld",
      (SELECT count(*)::int FROM messages m
        WHERE m.sender_id = u.id AND cardinality(m.warnings) > 0 AND m.created_at > ${scamSince})
      + (SELECT count(*)::int FROM content_flags f WHERE f.author_id = u.id AND f.created_at > ${scamSince}) AS "scamOffences"
    FROM users u
    LEFT JOIN LATERAL (
      SELECT avg(rating)::float8 AS avg, count(*) AS n FROM reviews WHERE subject_id = u.id AND visible_at <= ${now}
    ) r ON true
    WHERE u.id = ANY(${[...ids]})
  `.execute(db);
  return new Map(
    rows.rows.map((r) => [r.id, { ...r, ratingAverage: r.ratingAverage === null ? null : Number(r.ratingAverage) }]),
  );
}

/** Recomputes and stores the scores of these members; returns them. */
export async function refreshCredit(db: Executor, ids: readonly string[], now: Date): Promise<Map<string, Credit>> {
  const inputs = await readCreditInputs(db, ids, now);
  const out = new Map<string, Credit>();
  for (const [id, input] of inputs) {
    const credit = computeCredit(input, now);
    out.set(id, credit);
    const prev = await sql<{ score: number | null }>`
      INSERT INTO credit_scores (user_id, score, factors, rating_average, rating_count, computed_at, dirty)
      VALUES (${id}, ${credit.score}, ${JSON.stringify(credit.factors)}::jsonb, ${input.ratingAverage}, ${input.ratingCount}, ${now}, false)
      ON CONFLICT (user_id) DO UPDATE SET score = EXCLUDED.score, factors = EXCLUDED.factors,
        rating_average = EXCLUDED.rating_average, rating_count = EXCLUDED.rating_count,
        computed_at = EXCLUDED.computed_at, dirty = false
      RETURNING (SELECT score FROM credit_scores WHERE user_id = ${id}) AS score
    `.execute(db);
    if (prev.rows[0]?.score !== credit.score) {
      await db
        .insertInto('creditHistory')
        .values({ userId: id, score: credit.score, at: now })
        .onConflict((oc) => oc.columns(['userId', 'at']).doUpdateSet({ score: credit.score }))
        .execute();
    }
  }
  return out;
}

/** The member's score: the stored one when fresh, recomputed first when an input changed. */
export async function getCredit(db: Executor, userId: string, now: Date): Promise<Credit | null> {
  const row = await db.selectFrom('creditScores').select(['score', 'factors', 'computedAt', 'dirty']).where('userId', '=', userId).executeTakeFirst();
  if (row && !row.dirty && row.score !== null && row.computedAt && now.getTime() - row.computedAt.getTime() < STALE_MS) {
    return { score: row.score, factors: row.factors as Credit['factors'] };
  }
  return (await refreshCredit(db, [userId], now)).get(userId) ?? null;
}

/** Stored scores for cards (sellers in lists); members never computed yet are absent. */
export async function storedScores(db: Executor, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('creditScores').select(['userId', 'score'])
    .where('userId', 'in', [...new Set(ids)]).where('score', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.userId, r.score as number]));
}

export async function creditHistory(db: Executor, userId: string, limit = 200) {
  const rows = await db
    .selectFrom('creditHistory').select(['score', 'at'])
    .where('userId', '=', userId).orderBy('at', 'desc').limit(limit).execute();
  return rows.reverse();
}

/**
 * The sweep: reviews whose blind window closed since the subject's score was computed make it
 * dirty; then dirty, day-old and never-computed scores are recomputed in batches.
 */
export async function sweepCredit(db: Executor, now: Date): Promise<number> {
  await sql`
    UPDATE credit_scores cs SET dirty = true
    FROM reviews r
    WHERE r.subject_id = cs.user_id AND NOT cs.dirty
      AND r.visible_at <= ${now} AND r.visible_at > coalesce(cs.computed_at, '-infinity')
  `.execute(db);
  const staleBefore = new Date(now.getTime() - STALE_MS);
  const due = await sql<{ userId: string }>`
    SELECT user_id AS "userId" FROM credit_scores
    WHERE dirty OR computed_at IS NULL OR computed_at < ${staleBefore}
    LIMIT ${SWEEP_BATCH}
  `.execute(db);
  const ids = due.rows.map((r) => r.userId);
  if (ids.length) await refreshCredit(db, ids, now);
  return ids.length;
}

export const creditSweeps: Sweep[] = [{ name: 'credit-refresh', cron: '* * * * *', run: (deps) => sweepCredit(deps.db, deps.clock.now()) }];
