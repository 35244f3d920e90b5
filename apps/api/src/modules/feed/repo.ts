// The keyset queries behind the feeds. The latest, following and profile pages join their
// authors and covers (by primary key); the rest of hydration is a separate, batched step. The indexes they walk and the plans seen are in bench/README.md.
import { type SelectQueryBuilder, sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { DB } from '../../db/types.ts';
import type { Author, MediaSize } from '../notes/hydrate.ts';
import type { Keyset } from '../../lib/pagination.ts';
import { distanceSql, nearSql } from '../search/repo.ts';

export const CARD_COLUMNS = [
  'notes.id',
  'notes.kind',
  'notes.title',
  'notes.authorId',
  'notes.coverId',
  'notes.likeCount',
  'notes.createdAt',
  'notes.hiddenAt',
] as const;

export type CardRow = {
  id: string;
  kind: string;
  title: string;
  authorId: string;
  coverId: string | null;
  likeCount: number;
  createdAt: Date;
  /** Set when an operator hid the note: it leaves every list (read with the row, no extra query). */
  hiddenAt?: Date | null;
  /** Read with the page by the queries that join them (hydrateCards looks up the rest). */
  author?: Author;
  /** Likewise; null: joined, and the note has no cover. */
  cover?: MediaSize | null;
};

/**
 * The feed's page with its authors and covers joined (users_pkey, media_pkey per row of the
 * page): one statement where the page and then its authors and covers took two round trips.
 */
function joinAuthorAndCover<Q extends SelectQueryBuilder<DB, 'notes', object>>(q: Q) {
  return q
    .innerJoin('users as author', 'author.id', 'notes.authorId')
    .leftJoin('media as cover', 'cover.id', 'notes.coverId')
    .select([...CARD_COLUMNS, 'author.displayName', 'author.avatarId', 'author.status', 'cover.width', 'cover.height']);
}

type Joined = CardRow & { displayName: string; avatarId: string | null; status: string; width: number | null; height: number | null };

function splitJoined({ displayName, avatarId, status, width, height, ...r }: Joined): CardRow {
  return {
    ...r,
    author: { id: r.authorId, displayName, avatarId, status },
    cover: r.coverId && width !== null && height !== null ? { id: r.coverId, width, height } : null,
  };
}

/** Everyone's notes, newest first (notes_latest), with authors and covers. */
export async function latestNotes(db: Executor, after: Keyset | null, take: number): Promise<CardRow[]> {
  let q = joinAuthorAndCover(db.selectFrom('notes'));
  if (after) q = q.where((eb) => eb(eb.refTuple('notes.createdAt', 'notes.id'), '<', eb.tuple(after.at, after.id)));
  const rows = await q.orderBy('notes.createdAt', 'desc').orderBy('notes.id', 'desc').limit(take).execute();
  return rows.map((r) => splitJoined(r as Joined));
}

/** One member's notes, newest first (notes_author), with authors and covers. */
export async function notesBy(db: Executor, authorId: string, after: Keyset | null, take: number): Promise<CardRow[]> {
  let q = joinAuthorAndCover(db.selectFrom('notes')).where('notes.authorId', '=', authorId);
  if (after) q = q.where((eb) => eb(eb.refTuple('notes.createdAt', 'notes.id'), '<', eb.tuple(after.at, after.id)));
  const rows = await q.orderBy('notes.createdAt', 'desc').orderBy('notes.id', 'desc').limit(take).execute();
  return rows.map((r) => splitJoined(r as Joined));
}

/**
 * Notes of the members the viewer follows, newest first. Two steps in one statement: for each
 * followed member, at most `take` (created_at, id) pairs from notes_author — an index-only
 * range, no table rows — merged to the page's `take` ids; then only those rows are read. The
 * work is bounded by followees × page size, never by how much the followed members wrote.
 */
export async function followingNotes(db: Executor, viewerId: string, after: Keyset | null, take: number): Promise<CardRow[]> {
  const rows = await joinAuthorAndCover(db.selectFrom('notes'))
    .where('notes.id', 'in', (eb) =>
      eb
        .selectFrom('follows')
        .innerJoinLateral(
          (lat) => {
            let q = lat
              .selectFrom('notes as k')
              .select(['k.id', 'k.createdAt'])
              .whereRef('k.authorId', '=', 'follows.followeeId');
            if (after) q = q.where((w) => w(w.refTuple('k.createdAt', 'k.id'), '<', w.tuple(after.at, after.id)));
            return q.orderBy('k.createdAt', 'desc').orderBy('k.id', 'desc').limit(take).as('k');
          },
          (join) => join.onTrue(),
        )
        .select('k.id')
        .where('follows.followerId', '=', viewerId)
        .orderBy('k.createdAt', 'desc')
        .orderBy('k.id', 'desc')
        .limit(take),
    )
    .orderBy('notes.createdAt', 'desc')
    .orderBy('notes.id', 'desc')
    .execute();
  return rows.map((r) => splitJoined(r as Joined));
}

export type CollectRow = CardRow & { collectedAt: Date };

/** A member's collects, most recently collected first (note_collects_user). */
export function collectedNotes(
  db: Executor,
  userId: string,
  after: Keyset | null,
  take: number,
): Promise<CollectRow[]> {
  let q = db
    .selectFrom('noteCollects')
    .innerJoin('notes', 'notes.id', 'noteCollects.noteId')
    .select([...CARD_COLUMNS, 'noteCollects.createdAt as collectedAt'])
    .where('noteCollects.userId', '=', userId);
  if (after) {
    q = q.where((eb) =>
      eb(eb.refTuple('noteCollects.createdAt', 'noteCollects.noteId'), '<', eb.tuple(after.at, after.id)),
    );
  }
  return q.orderBy('noteCollects.createdAt', 'desc').orderBy('noteCollects.noteId', 'desc').limit(take).execute();
}

export type NearbyRow = CardRow & { distance: number; tier: number };

/**
 * Notes with a point within radiusKm of the viewer: those with an item on sale that can be
 * picked up first (tier 0), then by distance. A note whose place is only a label has no point
 * and is never here.
 *
 * EXPLAIN ANALYZE on 50,000 notes (40,000 with a point over southern China), page of 21:
 *   10 km around a point → Index Scan using notes_place, the bounding box as Index Cond on
 *     (lat, lng), haversine as a filter, Sort (tier, distance, id): 2.3 ms.
 *   100 km → Bitmap Index Scan on notes_place (650 rows in the box, 329 within the circle) →
 *     top-N heapsort: 9.9 ms. The box walks a lat band and checks lng inside the index, so the
 *     work is the rows of that band, not the table; the 100 km cap bounds it.
 *   The pickup test (SubPlan) runs once per row in the circle: note_items by its primary key
 *     (note_id, position), then items_pkey.
 */
export async function nearbyNotes(
  db: Executor,
  near: { lat: number; lng: number; radiusKm: number },
  after: [number, number, string] | null,
  take: number,
): Promise<NearbyRow[]> {
  const [lat, lng] = [sql.ref('n.lat'), sql.ref('n.lng')];
  const distance = distanceSql(lat, lng, near);
  const r = await sql<NearbyRow>`
    SELECT * FROM (
      SELECT n.id, n.kind, n.title, n.author_id, n.cover_id, n.like_count, n.created_at,
        ${distance} AS distance,
        CASE WHEN EXISTS (
          SELECT 1 FROM note_items ni JOIN items i ON i.id = ni.item_id
          WHERE ni.note_id = n.id AND i.status = 'on_sale' AND i.hidden_at IS NULL AND 'pickup' = ANY (i.delivery)
        ) THEN 0 ELSE 1 END AS tier
      FROM notes n
      WHERE n.hidden_at IS NULL AND ${nearSql(lat, lng, near)}
    ) s
    ${after ? sql`WHERE (s.tier, s.distance, s.id) > (${after[0]}::int, ${after[1]}::float8, ${after[2]})` : sql``}
    ORDER BY s.tier, s.distance, s.id
    LIMIT ${take}`.execute(db);
  return r.rows;
}
