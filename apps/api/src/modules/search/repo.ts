// The search queries. One statement per page: match (GIN on search_vector, partial on items
// on sale), filters, score and distance in an inner SELECT, the keyset on the computed sort key
// outside it, then ORDER BY … LIMIT. EXPLAIN ANALYZE on 50,000 items and 50,000 notes (ten
// titles repeated, points over southern China, 1 in 5 with a label only), page of 21:
//   q=沙发, relevance → Bitmap Index Scan on items_search (4,286 matches) → Bitmap Heap Scan →
//                  top-N heapsort on the score: 26 ms. The cost was the number of matches of the
//                  words (ts_rank runs on each): relevance now ranks the newest CANDIDATES
//                  matches only (below; 显示器 at 1M: 673 → 182 ms).
//   q=沙发 + maxPrice + radius 10 km, by distance → Index Scan on items_on_sale_place with the
//                  bounding box as Index Cond; words, price and haversine as a filter: 0.13 ms.
//   no q, newest  → Index Scan on items_on_sale_latest, stops after 21 rows: 0.08 ms.
//   no q, price   → Index Scan on items_on_sale_price, the same: 0.10 ms.
//   no q, radius 5 km by distance → Index Scan on items_on_sale_place (box): 0.13 ms.
//   notes, q=露营帐篷 → Bitmap Index Scan on notes_search (5,000 matches), Memoize on the author
//                  check, top-N heapsort: 42 ms — the same match-count cost as items.
// The active-seller check became a hash join or a memoized index probe, never a per-row query.
// Items and notes an operator hid (hidden_at) never match, so a page is never short of them.
import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { boundingBox } from '../../lib/geo.ts';
import { ITEM_COLUMNS, type ItemRow } from '../items/index.ts';
import type { ParsedQuery } from './query.ts';
import { itemCandidates, windowSkipped, windowWasShort } from './window.ts';

export type Sort = 'relevance' | 'newest' | 'price_asc' | 'price_desc' | 'distance';
/** all: no words; strict: every required word; relaxed: any word or character (fallback). */
export type Mode = 'all' | 'strict' | 'relaxed';
export type Point = { lat: number; lng: number };
export type Near = Point & { radiusKm?: number };
export type SortKey = [number | string, string];

export type ItemFilters = {
  minPrice?: number;
  maxPrice?: number;
  category?: string;
  delivery?: string[];
  condition?: string[];
  free?: boolean;
};

// ts_rank normalization 1: divide by 1 + log(length), so a long description that mentions a
// word once does not outweigh a title made of it.
const RANK_NORM = 1;
// Freshness as an absolute-time term: ln(rank) + created_at / τ is the same order as rank ×
// e^(-age/τ) at any "now", so a cursor taken a minute ago still points at the same place.
// τ = 30 days / ln 2: a listing a month older needs twice the text relevance to stay level.
const FRESH_PER_SECOND = Math.LN2 / (30 * 86_400);
// Meeting one more of the query's words outweighs any difference of rank and age.
const PER_GROUP = 100;
// A member the professional-seller guard flagged (seller_flags, status 'flagged') keeps their
// listings findable but lower: e^-3 ≈ 1/20 of the text relevance, far less than one more
// matched word (PER_GROUP). Only relevance scores carry it; newest/price/distance sorts do not.
export const FLAGGED_PENALTY = 3;
const flaggedSql = (userId: RawBuilder<unknown>, mode: Mode) =>
  mode === 'all'
    ? sql`0`
    : sql`CASE WHEN EXISTS (SELECT 1 FROM seller_flags f WHERE f.user_id = ${userId} AND f.status = 'flagged') THEN ${sql.lit(FLAGGED_PENALTY)} ELSE 0 END`;

/** Haversine in SQL, the same formula as lib/geo.ts haversineKm. */
export function distanceSql(lat: RawBuilder<unknown>, lng: RawBuilder<unknown>, p: Point) {
  // least() skips NULLs: without the CASE a place with no point would be half the earth away.
  return sql<number>`CASE WHEN ${lat} IS NULL OR ${lng} IS NULL THEN NULL::float8 ELSE (2 * 6371.0088 * asin(least(1, sqrt(
    power(sin(radians(${lat}::float8 - ${p.lat}::float8) / 2), 2)
    + cos(radians(${p.lat}::float8)) * cos(radians(${lat}::float8)) * power(sin(radians(${lng}::float8 - ${p.lng}::float8) / 2), 2))))) END`;
}

export function scoreSql(vector: RawBuilder<unknown>, createdAt: RawBuilder<unknown>, mode: Mode, q: ParsedQuery | null) {
  if (mode === 'all' || !q) return sql<number>`0::float8`;
  // Relaxed matches rank on the characters too: 自形车 meets 自 and 车 in 自行车.
  const rankQuery = mode === 'strict' ? q.rank : q.relaxed;
  const rank = sql`ln(ts_rank(${vector}, ${rankQuery}::tsquery, ${sql.lit(RANK_NORM)})::float8 + 1e-6)`;
  const fresh = sql`extract(epoch FROM ${createdAt})::float8 * ${sql.lit(FRESH_PER_SECOND)}`;
  if (mode === 'strict') return sql<number>`(${rank} + ${fresh})`;
  const met = countOf(vector, q.groupQueries);
  return sql<number>`((${met}) * ${sql.lit(PER_GROUP)} + ${rank} + ${fresh})`;
}

const countOf = (vector: RawBuilder<unknown>, queries: string[]) =>
  queries.length ? sql.join(queries.map((g) => sql`(${vector} @@ ${g}::tsquery)::int`), sql` + `) : sql`0`;

export function matchSql(vector: RawBuilder<unknown>, mode: Mode, q: ParsedQuery | null) {
  if (mode === 'all' || !q) return sql`true`;
  if (mode === 'strict') {
    if (!q.groupAlts.length) return sql`${vector} @@ ${q.strict}::tsquery`;
    const group = (alts: string[]) => sql`(${sql.join(alts.map((a) => sql`${vector} @@ ${a}::tsquery`), sql` OR `)})`;
    return sql`(${sql.join(q.groupAlts.map(group), sql` AND `)})`;
  }
  // A relaxed match meets a whole word of the query, or two of its characters (自形车 → 自行车);
  // one shared character (器 of 空气净化器 in 显示器) is not a match.
  const needChars = Math.min(2, q.charQueries.length);
  return sql`${vector} @@ ${q.relaxed}::tsquery
    AND ((${countOf(vector, q.groupQueries)}) >= 1 OR (${countOf(vector, q.charQueries)}) >= ${needChars})`;
}

export function nearSql(lat: RawBuilder<unknown>, lng: RawBuilder<unknown>, near: Near | null) {
  if (!near?.radiusKm) return sql`true`;
  const b = boundingBox(near, near.radiusKm);
  return sql`${lat} BETWEEN ${b.minLat} AND ${b.maxLat} AND ${lng} BETWEEN ${b.minLng} AND ${b.maxLng}
    AND ${distanceSql(lat, lng, near)} <= ${near.radiusKm}::float8`;
}

const ORDER: Record<Sort, { key: string; dir: 'ASC' | 'DESC' }> = {
  relevance: { key: 'score', dir: 'DESC' },
  newest: { key: 'created_at', dir: 'DESC' },
  price_asc: { key: 'price', dir: 'ASC' },
  price_desc: { key: 'price', dir: 'DESC' },
  distance: { key: 'distance', dir: 'ASC' },
};

export function keysetSql(sort: Sort, after: SortKey | null) {
  const { key, dir } = ORDER[sort];
  const order = sql.raw(`s.${key} ${dir}, s.id ${dir}`);
  if (!after) return { where: sql`true`, order };
  const value = sort === 'newest' ? new Date(after[0] as string) : after[0];
  const cmp = sql.raw(dir === 'DESC' ? '<' : '>');
  return { where: sql`(${sql.ref(`s.${key}`)}, s.id) ${cmp} (${value}, ${after[1]})`, order };
}

function filterSql(f: ItemFilters) {
  const parts = [sql`true`];
  if (f.minPrice !== undefined) parts.push(sql`i.price >= ${f.minPrice}`);
  if (f.maxPrice !== undefined) parts.push(sql`i.price <= ${f.maxPrice}`);
  if (f.free) parts.push(sql`i.price = 0`);
  if (f.category) parts.push(sql`i.category = ${f.category}`);
  if (f.delivery?.length) parts.push(sql`i.delivery && ${f.delivery}::text[]`);
  if (f.condition?.length) parts.push(sql`i.condition = ANY(${f.condition}::text[])`);
  return sql.join(parts, sql` AND `);
}

export type ItemHit = ItemRow & { score: number; distance: number | null };

/**
 * Relevance ranks a bounded candidate set: the CANDIDATES newest matches (filters applied),
 * then ts_rank and the score on those only. ts_rank costs ~6 µs a row: a common word (显示器 in
 * 23,000 of a million listings) took 600 ms to rank every match; the newest 500 of them cost
 * a GIN bitmap (~2 µs a match, no rank) and 500 ranks — and, since the recency window (window.ts,
 * migration 0032), only the rows of the listings newer than a recent threshold. Freshness is part of the score, so the
 * newest matches are where the best scores are; an older listing that matches is still found
 * by any other sort (newest, price, distance) or by more words. The ORDER BY is an expression
 * no index provides (`+ interval '0'`): the planner takes the matches from the GIN index and
 * never walks items_on_sale_latest / notes_latest filtering by the words, which for a word it
 * wrongly believes common reads every row (948 ms for 帐篷 in the recommended feed at 1M).
 */
export const CANDIDATES = 500;
const ranked = (p: { sort: Sort; mode: Mode; q: ParsedQuery | null }) => p.sort === 'relevance' && p.mode !== 'all' && p.q !== null;
function candidates(table: 'items' | 'notes', cond: RawBuilder<unknown>, n = CANDIDATES) {
  const t = sql.raw(table === 'items' ? 'i' : 'n');
  return sql`SELECT ${t}.id FROM ${sql.table(table)} ${t} WHERE ${cond}
    ORDER BY ${t}.created_at + interval '0 ms' DESC, ${t}.id DESC LIMIT ${n}`;
}

// The item's columns without its search vector (the score reads it in SQL; the app never does),
// written out in snake case: the statements are compiled without CamelCasePlugin (run below).
const snake = (c: string) => c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
const columnsOf = (alias: string) => sql.raw(ITEM_COLUMNS.map((c) => `${alias}.${snake(c)}`).join(', '));
const itemColumns = columnsOf('i');
const candidateColumns = columnsOf('c');

/**
 * Compiles without plugins and runs through `db`, whose CamelCasePlugin still maps the rows.
 * CamelCasePlugin's rewrite of every identifier node of these long statements was ~10% of a
 * search's API CPU (the bench's profile); their identifiers are snake case already.
 */
const plain = new WeakMap<Executor, Executor>();
async function run<R>(db: Executor, q: RawBuilder<R>): Promise<R[]> {
  let bare = plain.get(db);
  if (!bare) {
    bare = db.withoutPlugins();
    plain.set(db, bare);
  }
  return (await db.executeQuery(q.compile(bare))).rows;
}

export type ItemSearch = {
  mode: Mode;
  q: ParsedQuery | null;
  filters: ItemFilters;
  viewer: Near | null;
  sort: Sort;
  after: SortKey | null;
  take: number;
  /** How many of the newest matches relevance ranks (CANDIDATES). */
  candidates?: number;
  /** Relevance: the start of the recency window (window.ts), null for none. */
  since?: string | null;
};

export async function searchItemRows(db: Executor, p: ItemSearch): Promise<ItemHit[]> {
  const vector = sql.ref('i.search_vector');
  const [lat, lng] = [sql.ref('i.lat'), sql.ref('i.lng')];
  const onlyPlaced = p.sort === 'distance' ? sql`i.lat IS NOT NULL` : sql`true`;
  const ks = keysetSql(p.sort, p.after);
  const cond = sql`i.status = 'on_sale'
        AND i.hidden_at IS NULL
        AND ${matchSql(vector, p.mode, p.q)}
        AND ${filterSql(p.filters)}
        AND ${nearSql(lat, lng, p.viewer)}
        AND ${onlyPlaced}`;
  if (!ranked(p)) {
    // Newest, price and distance keys are columns: no rank to compute (score is relevance's key).
    const distance = p.viewer ? distanceSql(lat, lng, p.viewer) : sql`NULL::float8`;
    return run(
      db,
      sql<ItemHit>`
      SELECT * FROM (
        SELECT ${itemColumns}, 0::float8 AS score, ${distance} AS distance
        FROM items i WHERE ${cond}
          AND EXISTS (SELECT 1 FROM users u WHERE u.id = i.seller_id AND u.status = 'active')
      ) s
      WHERE ${ks.where}
      ORDER BY ${ks.order}
      LIMIT ${p.take}`,
    );
  }
  // Ranked: score the candidates, order them, and only then test their sellers, one at a time
  // until the page is full (OFFSET 0 keeps the test above the sort: ~21 look-ups, not 500).
  const [cLat, cLng] = [sql.ref('c.lat'), sql.ref('c.lng')];
  const distance = p.viewer ? distanceSql(cLat, cLng, p.viewer) : sql`NULL::float8`;
  const score = scoreSql(sql.ref('c.search_vector'), sql.ref('c.created_at'), p.mode, p.q);
  const n = p.candidates ?? CANDIDATES;
  // Everything the candidates depend on: a window found short is skipped for a while (window.ts).
  const key = p.since ? JSON.stringify([p.mode, p.q?.strict, p.q?.relaxed, p.filters, p.viewer, n]) : '';
  const since = p.since && !windowSkipped(key) ? p.since : null;
  const rows = await run(
    db,
    sql<ItemHit & { windowCount: number | null }>`
    ${itemCandidates({ cond, n, since, newestIds: candidates('items', cond, n), columns: itemColumns })}
    SELECT s.*, ${since ? sql`(SELECT count(*) FROM w)::int` : sql`NULL::int`} AS window_count FROM (
      SELECT * FROM (
        SELECT ${candidateColumns}, ${score} - ${flaggedSql(sql.ref('c.seller_id'), p.mode)} AS score, ${distance} AS distance FROM c
      ) s
      WHERE ${ks.where}
      ORDER BY ${ks.order}
      OFFSET 0
    ) s
    WHERE (SELECT u.status FROM users u WHERE u.id = s.seller_id) = 'active'
    ORDER BY ${ks.order}
    LIMIT ${p.take}`,
  );
  // An empty page says nothing of the window; counting it short only costs speed, never results.
  if (since && (rows[0]?.windowCount ?? 0) < n) windowWasShort(key);
  return rows;
}

export type NoteHit = {
  id: string;
  kind: string;
  title: string;
  authorId: string;
  coverId: string | null;
  likeCount: number;
  createdAt: Date;
  lat: number | null;
  lng: number | null;
  score: number;
  distance: number | null;
};

export async function searchNoteRows(
  db: Executor,
  p: { mode: Mode; q: ParsedQuery | null; viewer: Near | null; sort: Sort; after: SortKey | null; take: number },
): Promise<NoteHit[]> {
  const vector = sql.ref('n.search_vector');
  const [lat, lng] = [sql.ref('n.lat'), sql.ref('n.lng')];
  const distance = p.viewer ? distanceSql(lat, lng, p.viewer) : sql`NULL::float8`;
  const onlyPlaced = p.sort === 'distance' ? sql`n.lat IS NOT NULL` : sql`true`;
  const ks = keysetSql(p.sort, p.after);
  const cond = sql`n.hidden_at IS NULL
        AND ${matchSql(vector, p.mode, p.q)}
        AND ${nearSql(lat, lng, p.viewer)}
        AND ${onlyPlaced}`;
  return run(
    db,
    sql<NoteHit>`
    SELECT * FROM (
      SELECT n.id, n.kind, n.title, n.author_id, n.cover_id, n.like_count, n.created_at, n.lat, n.lng,
        ${scoreSql(vector, sql.ref('n.created_at'), p.mode, p.q)} - ${flaggedSql(sql.ref('n.author_id'), p.mode)} AS score, ${distance} AS distance
      FROM ${ranked(p) ? sql`(${candidates('notes', cond)}) c JOIN notes n ON n.id = c.id WHERE true` : sql`notes n WHERE ${cond}`}
        AND EXISTS (SELECT 1 FROM users u WHERE u.id = n.author_id AND u.status = 'active')
    ) s
    WHERE ${ks.where}
    ORDER BY ${ks.order}
    LIMIT ${p.take}`,
  );
}

/** Titles of items on sale that match the query with its last word as a prefix, best first. */
export async function suggestTitles(db: Executor, tsq: string, take: number): Promise<string[]> {
  const r = await sql<{ title: string }>`
    SELECT title FROM (
      SELECT title, ts_rank(search_vector, ${tsq}::tsquery) AS rank, created_at
      FROM items
      WHERE status = 'on_sale' AND hidden_at IS NULL AND search_vector @@ ${tsq}::tsquery
      ORDER BY created_at DESC
      LIMIT 200
    ) m GROUP BY title ORDER BY max(rank) DESC, max(created_at) DESC LIMIT ${take}`.execute(db);
  return r.rows.map((x) => x.title);
}

/** Tags of notes that start with the typed text, most used first. */
export async function suggestTags(db: Executor, tsq: string, prefix: string, take: number): Promise<string[]> {
  const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const r = await sql<{ tag: string }>`
    SELECT tag FROM (
      SELECT n.tags FROM notes n WHERE n.hidden_at IS NULL AND n.search_vector @@ ${tsq}::tsquery
      ORDER BY n.created_at DESC LIMIT 500
    ) recent, unnest(recent.tags) AS tag
    WHERE tag LIKE ${like}
    GROUP BY tag ORDER BY count(*) DESC, tag LIMIT ${take}`.execute(db);
  return r.rows.map((x) => x.tag);
}
