// Data access for notes and their photos, likes, collects and follows: plain functions taking
// the pool or a transaction first.
import { type Selectable, sql } from 'kysely';
import { compiled } from '../../db/compiled.ts';
import type { Executor } from '../../db/index.ts';
import type { Notes } from '../../db/types.ts';

// The columns the API reads of a note, named rather than `*`: the statement is prepared
// (db/compiled.ts), and a prepared `SELECT *` fails ("cached plan must not change result type")
// in a process still running when a migration adds a column. search_vector, the widest column,
// is for search only.
const NOTE_COLUMNS = [
  'id', 'authorId', 'kind', 'title', 'body', 'explicitTags', 'tags', 'coverId', 'imageCount', 'lat', 'lng', 'locationLabel',
  'likeCount', 'collectCount', 'commentCount', 'hiddenAt', 'stallRules', 'stallClosedAt', 'createdAt', 'updatedAt',
] as const satisfies readonly (keyof Notes)[];

export type NoteRow = Pick<Selectable<Notes>, (typeof NOTE_COLUMNS)[number]>;

// The note page's statements are compiled once (db/compiled.ts).
const noteById = compiled({ id: 'text' }, (db, p) => db.selectFrom('notes').select(NOTE_COLUMNS).where('id', '=', p.text('id')), 'note by id');

export const findNote = (db: Executor, id: string): Promise<NoteRow | undefined> => noteById.first(db, { id });

/** Locks the note row: edits and deletes of one note take turns. */
export const findNoteForUpdate = (db: Executor, id: string): Promise<NoteRow | undefined> =>
  db.selectFrom('notes').select(NOTE_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();

export type NoteValues = {
  authorId: string;
  kind: string;
  title: string;
  body: string;
  explicitTags: string[];
  tags: string[];
  coverId: string | null;
  imageCount: number;
  lat: number | null;
  lng: number | null;
  locationLabel: string;
};

export const insertNote = (db: Executor, v: NoteValues & { createdAt?: Date }) =>
  db
    .insertInto('notes')
    .values({ ...v, ...(v.createdAt ? { updatedAt: v.createdAt } : {}) })
    .returningAll()
    .executeTakeFirstOrThrow();

export const updateNote = (db: Executor, id: string, patch: Partial<NoteValues>) =>
  db
    .updateTable('notes')
    .set({ ...patch, updatedAt: sql<Date>`date_trunc('milliseconds', now())` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

export const deleteNote = (db: Executor, id: string) => db.deleteFrom('notes').where('id', '=', id).execute();

export async function replaceNoteImages(db: Executor, noteId: string, mediaIds: readonly string[]) {
  await db.deleteFrom('noteImages').where('noteId', '=', noteId).execute();
  if (mediaIds.length === 0) return;
  await db
    .insertInto('noteImages')
    .values(mediaIds.map((mediaId, position) => ({ noteId, mediaId, position })))
    .execute();
}

const imagesOfNote = compiled(
  { noteId: 'text' },
  (db, p) =>
    db
      .selectFrom('noteImages')
      .innerJoin('media', 'media.id', 'noteImages.mediaId')
      .select(['media.id', 'media.width', 'media.height'])
      .where('noteImages.noteId', '=', p.text('noteId'))
      .orderBy('noteImages.position'),
  "a note's photos",
);

/** The note's photos in order, with their sizes. */
export const noteImages = (db: Executor, noteId: string) => imagesOfNote.all(db, { noteId });

export type Counter = 'likeCount' | 'collectCount' | 'commentCount';

/** Moves one counter of a note; called only after a row it counts was really added or removed. */
export const bumpNoteCounter = (db: Executor, noteId: string, counter: Counter, delta: 1 | -1) =>
  db
    .updateTable('notes')
    .set((eb) => ({ [counter]: eb(counter, '+', delta) }))
    .where('id', '=', noteId)
    .execute();

export type Reaction = 'noteLikes' | 'noteCollects';

/** Inserts the reaction unless it exists; true when this call added it. */
export async function addReaction(db: Executor, table: Reaction, userId: string, noteId: string): Promise<boolean> {
  const row = await db
    .insertInto(table)
    .values({ userId, noteId })
    .onConflict((oc) => oc.columns(['userId', 'noteId']).doNothing())
    .returning('noteId')
    .executeTakeFirst();
  return row !== undefined;
}

/** Deletes the reaction; true when this call removed it. */
export async function removeReaction(db: Executor, table: Reaction, userId: string, noteId: string): Promise<boolean> {
  const row = await db
    .deleteFrom(table)
    .where('userId', '=', userId)
    .where('noteId', '=', noteId)
    .returning('noteId')
    .executeTakeFirst();
  return row !== undefined;
}

export async function addFollow(db: Executor, followerId: string, followeeId: string): Promise<boolean> {
  const row = await db
    .insertInto('follows')
    .values({ followerId, followeeId })
    .onConflict((oc) => oc.columns(['followerId', 'followeeId']).doNothing())
    .returning('followeeId')
    .executeTakeFirst();
  return row !== undefined;
}

export const removeFollow = (db: Executor, followerId: string, followeeId: string) =>
  db.deleteFrom('follows').where('followerId', '=', followerId).where('followeeId', '=', followeeId).execute();

/** Profile counts, each one an index-only range count. */
export const communityCounts = (db: Executor, userId: string) =>
  db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('follows')
        .select(eb.fn.countAll<number>().as('n'))
        .where('followeeId', '=', userId)
        .as('followerCount'),
      eb
        .selectFrom('follows')
        .select(eb.fn.countAll<number>().as('n'))
        .where('followerId', '=', userId)
        .as('followingCount'),
      eb.selectFrom('notes').select(eb.fn.countAll<number>().as('n')).where('authorId', '=', userId).as('noteCount'),
    ])
    .executeTakeFirstOrThrow();
