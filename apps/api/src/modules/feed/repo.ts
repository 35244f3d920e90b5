// The keyset queries behind the feeds. The latest, following and profile pages join their
// authors and covers (by primary key); the rest of hydration is a separate, batched step. The indexes they walk and the plans seen are in bench/README.md.
import type { SelectQueryBuilder } from 'kysely';
import { compiledShapes } from '../../db/compiled.ts';
import type { Executor } from '../../db/index.ts';
import type { DB } from '../../db/types.ts';
import type { Author, MediaSize } from '../notes/hydrate.ts';
import type { Keyset } from '../../lib/pagination.ts';

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

// Field by field: rest-and-spread (`{ displayName, ..., ...r }`) was ~6% of a feed page's CPU.
function splitJoined(r: Joined): CardRow {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    authorId: r.authorId,
    coverId: r.coverId,
    likeCount: r.likeCount,
    createdAt: r.createdAt,
    hiddenAt: r.hiddenAt,
    author: { id: r.authorId, displayName: r.displayName, avatarId: r.avatarId, status: r.status },
    cover: r.coverId && r.width !== null && r.height !== null ? { id: r.coverId, width: r.width, height: r.height } : null,
  };
}

type Page = 'first' | 'next';

// The page statements are compiled once per shape (db/compiled.ts): a first page, or the next
// ones after a (created_at, id) key.
const latest = compiledShapes(
  { at: 'date', id: 'text', take: 'int' },
  (db, p, page: Page) => {
    let q = joinAuthorAndCover(db.selectFrom('notes'));
    if (page === 'next') q = q.where((eb) => eb(eb.refTuple('notes.createdAt', 'notes.id'), '<', eb.tuple(p.date('at'), p.text('id'))));
    return q.orderBy('notes.createdAt', 'desc').orderBy('notes.id', 'desc').limit(p.int('take'));
  },
  'latest notes',
);

const byAuthor = compiledShapes(
  { authorId: 'text', at: 'date', id: 'text', take: 'int' },
  (db, p, page: Page) => {
    let q = joinAuthorAndCover(db.selectFrom('notes')).where('notes.authorId', '=', p.text('authorId'));
    if (page === 'next') q = q.where((eb) => eb(eb.refTuple('notes.createdAt', 'notes.id'), '<', eb.tuple(p.date('at'), p.text('id'))));
    return q.orderBy('notes.createdAt', 'desc').orderBy('notes.id', 'desc').limit(p.int('take'));
  },
  "a member's notes",
);

const following = compiledShapes(
  { viewerId: 'text', at: 'date', id: 'text', take: 'int' },
  (db, p, page: Page) =>
    joinAuthorAndCover(db.selectFrom('notes'))
      .where('notes.id', 'in', (eb) =>
        eb
          .selectFrom('follows')
          .innerJoinLateral(
            (lat) => {
              let q = lat
                .selectFrom('notes as k')
                .select(['k.id', 'k.createdAt'])
                .whereRef('k.authorId', '=', 'follows.followeeId');
              if (page === 'next') q = q.where((w) => w(w.refTuple('k.createdAt', 'k.id'), '<', w.tuple(p.date('at'), p.text('id'))));
              return q.orderBy('k.createdAt', 'desc').orderBy('k.id', 'desc').limit(p.int('take')).as('k');
            },
            (join) => join.onTrue(),
          )
          .select('k.id')
          .where('follows.followerId', '=', p.text('viewerId'))
          .orderBy('k.createdAt', 'desc')
          .orderBy('k.id', 'desc')
          .limit(p.int('take')),
      )
      .orderBy('notes.createdAt', 'desc')
      .orderBy('notes.id', 'desc'),
  'following notes',
);

const pageOf = (after: Keyset | null): Page => (after ? 'next' : 'first');
const keyOf = (after: Keyset | null) => (after ? { at: after.at, id: after.id } : {});

/** Everyone's notes, newest first (notes_latest), with authors and covers. */
export async function latestNotes(db: Executor, after: Keyset | null, take: number): Promise<CardRow[]> {
  const rows = await latest(pageOf(after)).all(db, { ...keyOf(after), take });
  return rows.map((r) => splitJoined(r as Joined));
}

/** One member's notes, newest first (notes_author), with authors and covers. */
export async function notesBy(db: Executor, authorId: string, after: Keyset | null, take: number): Promise<CardRow[]> {
  const rows = await byAuthor(pageOf(after)).all(db, { authorId, ...keyOf(after), take });
  return rows.map((r) => splitJoined(r as Joined));
}

/**
 * Notes of the members the viewer follows, newest first. Two steps in one statement: for each
 * followed member, at most `take` (created_at, id) pairs from notes_author — an index-only
 * range, no table rows — merged to the page's `take` ids; then only those rows are read. The
 * work is bounded by followees × page size, never by how much the followed members wrote.
 */
export async function followingNotes(db: Executor, viewerId: string, after: Keyset | null, take: number): Promise<CardRow[]> {
  const rows = await following(pageOf(after)).all(db, { viewerId, ...keyOf(after), take });
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
