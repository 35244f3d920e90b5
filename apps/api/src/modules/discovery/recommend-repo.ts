// The recommended feed's SQL: the member's interest profile (one statement) and the candidate
// sets (one statement each, each capped). Every statement reads only what existed at `asOf`,
// the moment the first page was made, so the pages of one feed are computed from the same
// signals. Flagged professional sellers, banned authors, hidden notes and the viewer's own
// notes are left out in SQL.
//
// EXPLAIN (ANALYZE, BUFFERS), measured with bench/recommend-explain.ts on the feed benchmark's
// community (100,000 notes over a year, 2,000 members; the viewer follows 200, liked 14,432 and
// collected ~5,000 notes, 300 views, 21 searches), on a 2-core machine shared with other test
// runs (so absolute times are noisy; the plans are the point):
//   profile            → note_likes_user_recent and note_collects_user: 200 rows each (LIMIT),
//                        notes_pkey per row, member_views_recent, member_searches_recent,
//                        orders_buyer: 28.7 ms, of which 24.7 ms the 200 notes_pkey probes of the
//                        collects under load (0.8 ms for the same probes of the likes). Before
//                        note_likes_user_recent it sorted all 14,432 likes: 50 ms.
//   followed (200)     → follows_pkey, then per followee a notes_author range (Bitmap, Memoize),
//                        1,642 rows → top-N 100: 58.8 ms (75 ms before the others settled). The
//                        cost is followees × their notes in 60 days; the cap to come if needed is
//                        fewer per followee.
//   interest tags (8)  → Index Scan on notes_latest with the tags as a filter, stops at 150:
//                        0.85 ms (GIN notes_tags is there for rare tags; common ones walk latest).
//   category           → items by category (on sale) → note_items_item → notes_pkey: 0.06 ms.
//   searched query     → Bitmap Index Scan on notes_search: 0.73 ms.
//   nearby 10 km       → BitmapAnd on notes_place (the box) → 273 rows in the circle: 16.7 ms.
//   popular and fresh  → notes_latest range of 600 → top-N 120 by engagement: 14.7 ms (member
//                        and visitor alike; 35–59 ms with a 2,000-note window, hence 600); since
//                        the authors are checked after the sort, 2.2 ms at 1M (bench/README.md).
// seller_flags is empty here (Seq Scan of nothing); with rows it is a primary-key probe.
//
// The statements keyed by the viewer alone (profile, followed, popular, engaged) are prepared
// (db/prepared.ts): PostgreSQL plans them once per connection, and their generic plans were
// measured as fast as the custom ones for light and heavy members (at 1M, planning was 2.4 ms of
// the profile's 7 ms). The tag and query candidates are not: their generic plans cannot see
// whether a tag or word is rare, and for a rare one walk the whole window (2.5 → 20 ms).
import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { distanceSql, nearSql } from '../search/index.ts';

export const HALF_LIFE_DAYS = 14;
const PROFILE_DAYS = 90;
export const CANDIDATE_DAYS = 60;

/** Each signal's weight before decay. */
export const WEIGHTS = { like: 1, collect: 2, view: 0.3, search: 1, purchase: 3 } as const;
export type Via = keyof typeof WEIGHTS;

export type Interest = { kind: 'tag' | 'category' | 'query'; key: string; weight: number; via: Via };

const decay = (at: RawBuilder<unknown>, asOf: Date) =>
  sql`exp(-ln(2) * extract(epoch FROM (${asOf}::timestamptz - ${at})) / ${HALF_LIFE_DAYS * 86_400}::float8)`;

/**
 * Tags (from liked, collected and viewed notes), categories (viewed and bought items) and
 * search words, each summed over its signals with a half-life of HALF_LIFE_DAYS; `via` is the
 * signal that gave the most. Each source reads at most its 200 latest rows.
 */
export async function interestProfile(db: Executor, userId: string, asOf: Date): Promise<Interest[]> {
  const since = new Date(asOf.getTime() - PROFILE_DAYS * 86_400_000);
  const r = await sql<Interest>`/*prepared:rec_profile*/
    WITH ev AS (
      SELECT 'tag' AS kind, t AS key, 'like' AS via, ${WEIGHTS.like}::float8 * ${decay(sql.ref('l.created_at'), asOf)} AS w
      FROM (SELECT note_id, created_at FROM note_likes WHERE user_id = ${userId} AND created_at BETWEEN ${since} AND ${asOf}
            ORDER BY created_at DESC LIMIT 200) l
      JOIN notes n ON n.id = l.note_id, unnest(n.tags) t
      UNION ALL
      SELECT 'tag', t, 'collect', ${WEIGHTS.collect}::float8 * ${decay(sql.ref('c.created_at'), asOf)}
      FROM (SELECT note_id, created_at FROM note_collects WHERE user_id = ${userId} AND created_at BETWEEN ${since} AND ${asOf}
            ORDER BY created_at DESC LIMIT 200) c
      JOIN notes n ON n.id = c.note_id, unnest(n.tags) t
      UNION ALL
      SELECT CASE v.target_type WHEN 'note' THEN 'tag' ELSE 'category' END,
        coalesce(t, i.category), 'view', ${WEIGHTS.view}::float8 * least(v.count, 3) * ${decay(sql.ref('v.last_at'), asOf)}
      FROM (SELECT target_type, target_id, count, last_at FROM member_views WHERE user_id = ${userId} AND last_at BETWEEN ${since} AND ${asOf}
            ORDER BY last_at DESC LIMIT 200) v
      LEFT JOIN notes n ON v.target_type = 'note' AND n.id = v.target_id
      LEFT JOIN LATERAL unnest(n.tags) t ON true
      LEFT JOIN items i ON v.target_type = 'item' AND i.id = v.target_id
      WHERE coalesce(t, i.category) IS NOT NULL
      UNION ALL
      SELECT 'query', s.query, 'search', ${WEIGHTS.search}::float8 * least(s.count, 3) * ${decay(sql.ref('s.last_at'), asOf)}
      FROM (SELECT query, count, last_at FROM member_searches WHERE user_id = ${userId} AND last_at BETWEEN ${since} AND ${asOf}
            ORDER BY last_at DESC LIMIT 200) s
      UNION ALL
      SELECT 'category', i.category, 'purchase', ${WEIGHTS.purchase}::float8 * ${decay(sql.ref('o.created_at'), asOf)}
      FROM (SELECT item_id, created_at FROM orders WHERE buyer_id = ${userId} AND created_at BETWEEN ${since} AND ${asOf}
              AND status NOT IN ('cancelled', 'pending_payment')
            ORDER BY id DESC LIMIT 200) o
      JOIN items i ON i.id = o.item_id
    ), per_via AS (
      SELECT kind, key, via, sum(w) AS w FROM ev GROUP BY kind, key, via
    )
    SELECT kind, key, sum(w)::float8 AS weight, (array_agg(via ORDER BY w DESC))[1] AS via
    FROM per_via GROUP BY kind, key
    ORDER BY weight DESC, key
    LIMIT 40`.execute(db);
  return r.rows;
}

export type CandidateRow = {
  id: string;
  kind: string;
  title: string;
  authorId: string;
  coverId: string | null;
  likeCount: number;
  collectCount: number;
  commentCount: number;
  createdAt: Date;
  hiddenAt: Date | null;
  tags: string[];
};

const COLS = sql`n.id, n.kind, n.title, n.author_id, n.cover_id, n.like_count, n.collect_count, n.comment_count, n.created_at, n.hidden_at, n.tags`;

/** The author is an active member who is not flagged as a professional seller. */
const authorEligible = sql`EXISTS (SELECT 1 FROM users u WHERE u.id = n.author_id AND u.status = 'active')
    AND NOT EXISTS (SELECT 1 FROM seller_flags f WHERE f.user_id = n.author_id AND f.status = 'flagged')`;

/** Rules every candidate meets: visible, written by an eligible author, not the viewer's, not in the future of asOf. */
function eligible(viewerId: string | null, asOf: Date, since: Date | null) {
  return sql`n.hidden_at IS NULL AND n.created_at <= ${asOf}
    ${since ? sql`AND n.created_at >= ${since}` : sql``}
    ${viewerId ? sql`AND n.author_id <> ${viewerId}` : sql``}
    AND ${authorEligible}`;
}

const sinceOf = (asOf: Date, days = CANDIDATE_DAYS) => new Date(asOf.getTime() - days * 86_400_000);

/** Recent notes of followed members: at most 10 each through notes_author, 100 in all. */
export async function followedCandidates(db: Executor, viewerId: string, asOf: Date): Promise<CandidateRow[]> {
  const since = sinceOf(asOf);
  const r = await sql<CandidateRow>`/*prepared:rec_followed*/
    SELECT ${COLS} FROM follows f
    CROSS JOIN LATERAL (
      SELECT * FROM notes n WHERE n.author_id = f.followee_id AND n.created_at BETWEEN ${since} AND ${asOf}
      ORDER BY n.created_at DESC, n.id DESC LIMIT 10
    ) n
    WHERE f.follower_id = ${viewerId} AND ${eligible(viewerId, asOf, since)}
    ORDER BY n.created_at DESC LIMIT 100`.execute(db);
  return r.rows;
}

/**
 * The newest `take` notes meeting `match` in the candidate window, bounded whatever the word or
 * tag: first the WALK newest notes (notes_latest), filtered — a common tag or word fills the
 * page there; then, only when it did not, the older notes of the window from the word's or
 * tag's GIN index (the ORDER BY on an expression no index has keeps the planner from walking
 * notes_latest instead: for a word it believes common but that is rare — 帐篷 at 1M — that walk
 * read the whole 60-day window, 164,000 notes, 948 ms). The two parts meet at the WALK-th
 * newest note, so together they are exactly the newest matches. EXPLAIN: bench/README.md.
 */
const WALK = 1000;
function newestMatching(viewerId: string, asOf: Date, match: RawBuilder<unknown>, take: number, extra: RawBuilder<unknown> = sql``) {
  const since = sinceOf(asOf);
  return sql`SELECT * FROM (
      (SELECT ${COLS}${extra} FROM (
         SELECT * FROM notes n WHERE n.created_at <= ${asOf} ORDER BY n.created_at DESC, n.id DESC LIMIT ${WALK}
       ) n WHERE ${match} AND ${eligible(viewerId, asOf, since)} ORDER BY n.created_at DESC, n.id DESC LIMIT ${take})
      UNION ALL
      (SELECT ${COLS}${extra} FROM notes n
       WHERE ${match} AND ${eligible(viewerId, asOf, since)}
         AND (n.created_at, n.id) < (SELECT k.created_at, k.id FROM notes k WHERE k.created_at <= ${asOf}
                                     ORDER BY k.created_at DESC, k.id DESC OFFSET ${WALK - 1} LIMIT 1)
       ORDER BY n.created_at + interval '0 ms' DESC, n.id DESC LIMIT ${take})
    ) u LIMIT ${take}`;
}

/** Recent notes carrying any of the tags (newest first). */
export async function tagCandidates(db: Executor, viewerId: string, tags: string[], asOf: Date): Promise<CandidateRow[]> {
  if (!tags.length) return [];
  const r = await sql<CandidateRow>`${newestMatching(viewerId, asOf, sql`n.tags && ${tags}::text[]`, 150)}`.execute(db);
  return r.rows;
}

/** Notes carrying an item on sale in one of the categories. */
export async function categoryCandidates(db: Executor, viewerId: string, categories: string[], asOf: Date): Promise<(CandidateRow & { category: string })[]> {
  if (!categories.length) return [];
  const r = await sql<CandidateRow & { category: string }>`
    SELECT DISTINCT ON (n.created_at, n.id) ${COLS}, i.category FROM items i
    JOIN note_items ni ON ni.item_id = i.id
    JOIN notes n ON n.id = ni.note_id
    WHERE i.status = 'on_sale' AND i.hidden_at IS NULL AND i.category = ANY(${categories}::text[])
      AND i.created_at >= ${sinceOf(asOf)} AND ${eligible(viewerId, asOf, sinceOf(asOf))}
    ORDER BY n.created_at DESC, n.id DESC LIMIT 60`.execute(db);
  return r.rows;
}

/**
 * Notes matching each searched query (its strict tsquery), newest 40 each, in one statement;
 * `qi` is the query's index in `tsqueries`.
 */
export async function queryCandidates(db: Executor, viewerId: string, tsqueries: string[], asOf: Date): Promise<(CandidateRow & { qi: number })[]> {
  if (!tsqueries.length) return [];
  const parts = tsqueries.map(
    (q, i) => sql`(${newestMatching(viewerId, asOf, sql`n.search_vector @@ ${q}::tsquery`, 40, sql`, ${sql.lit(i)} AS qi`)})`,
  );
  const r = await sql<CandidateRow & { qi: number }>`${sql.join(parts, sql` UNION ALL `)}`.execute(db);
  return r.rows;
}

/** Notes with a point within radiusKm (notes_place box), nearest first. */
export async function nearbyCandidates(
  db: Executor,
  viewerId: string | null,
  near: { lat: number; lng: number; radiusKm: number },
  asOf: Date,
): Promise<(CandidateRow & { distance: number })[]> {
  const [lat, lng] = [sql.ref('n.lat'), sql.ref('n.lng')];
  const r = await sql<CandidateRow & { distance: number }>`
    SELECT ${COLS}, ${distanceSql(lat, lng, near)} AS distance FROM notes n
    WHERE ${nearSql(lat, lng, near)} AND ${eligible(viewerId, asOf, sinceOf(asOf))}
    ORDER BY distance LIMIT 60`.execute(db);
  return r.rows;
}

/**
 * Popular and fresh: the latest 600 visible notes before asOf (a notes_latest range), the most
 * engaged 120 of them whose authors are eligible. Bounded whatever the size of the table. The
 * authors are checked after the sort by engagement (OFFSET 0 keeps the check above it), so only
 * the ~120 notes taken are probed, not all 600: 5.3 → 2.2 ms at 1M (bench/README.md).
 */
export async function popularCandidates(db: Executor, viewerId: string | null, asOf: Date): Promise<CandidateRow[]> {
  const r = await sql<CandidateRow>`/*prepared:${sql.raw(viewerId ? 'rec_popular_member' : 'rec_popular_visitor')}*/
    SELECT * FROM (
      SELECT * FROM (
        SELECT ${COLS} FROM notes n
        WHERE n.hidden_at IS NULL AND n.created_at <= ${asOf} ${viewerId ? sql`AND n.author_id <> ${viewerId}` : sql``}
        ORDER BY n.created_at DESC, n.id DESC LIMIT 600
      ) w
      ORDER BY (w.like_count + 2 * w.collect_count + w.comment_count) DESC, w.created_at DESC OFFSET 0
    ) n
    WHERE ${authorEligible}
    LIMIT 120`.execute(db);
  return r.rows;
}

/** Notes the viewer already liked or collected (they saw them; the feed shows new things). */
export async function engagedNoteIds(db: Executor, viewerId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const r = await sql<{ noteId: string }>`/*prepared:rec_engaged*/
    SELECT note_id FROM note_likes WHERE user_id = ${viewerId} AND note_id = ANY(${ids}::text[])
    UNION SELECT note_id FROM note_collects WHERE user_id = ${viewerId} AND note_id = ANY(${ids}::text[])`.execute(db);
  return new Set(r.rows.map((x) => x.noteId));
}
