import { ownPhotoIds } from '../media/service.ts';
// Notes: publish, read, edit, delete. Each write is one transaction owned here; the checks that
// guard it (own photos, own items, author only) run inside it, so a refused request writes nothing.
import { type Executor, withTx } from '../../db/index.ts';
import { forbidden, notFound, unprocessable } from '../../lib/errors.ts';
import { coarseLocation, type LocationIn } from '../../lib/geo.ts';
import type { Deps } from '../../lib/http.ts';
import { recordPostFlag, screenPost } from '../trust/repeat-offender.ts';
import { authorOfNote, followsAuthorOf, reactedNoteIds } from './hydrate.ts';
import { checkAttachableItems, itemCardsByNote, replaceNoteItems } from './items-port.ts';
import { presentNote } from './presenter.ts';
import {
  deleteNote as deleteNoteRow,
  findNote,
  findNoteForUpdate,
  insertNote,
  type NoteValues,
  noteImages,
  replaceNoteImages,
  updateNote as updateNoteRow,
} from './repo.ts';
import type { NoteIn, NotePatchIn } from './schema.ts';
import { recordWantedNote } from '../discovery/wanted-service.ts';
import { indexNote } from '../search/indexer.ts';
import { maySeeHidden } from '../admin/restrictions.ts';
import { MAX_TAGS, mergeTags } from './tags.ts';

export function resolveTags(explicit: readonly string[], body: string): string[] {
  const tags = mergeTags(explicit, body);
  if (tags.length > MAX_TAGS) {
    throw unprocessable('too_many_tags', `A note has at most ${MAX_TAGS} tags, counting the #topics in the body.`, {
      errors: [{ path: 'tags', message: `${tags.length} tags; at most ${MAX_TAGS}` }],
    });
  }
  return tags;
}

async function assertOwnPhotos(db: Executor, authorId: string, imageIds: readonly string[]) {
  const own = await ownPhotoIds(db, authorId, imageIds);
  const errors = imageIds.flatMap((id, i) =>
    own.has(id) ? [] : [{ path: `imageIds.${i}`, message: 'not a photo you uploaded' }],
  );
  if (errors.length) throw unprocessable('invalid_media', 'A note may only use photos you uploaded.', { errors });
}

const locationValues = (l: LocationIn | null) => {
  if (!l) return { lat: null, lng: null, locationLabel: '' };
  const c = coarseLocation(l);
  return { lat: c.lat, lng: c.lng, locationLabel: c.label };
};

const imageValues = (imageIds: readonly string[]) => ({ coverId: imageIds[0] ?? null, imageCount: imageIds.length });

export async function createNote(
  deps: Pick<Deps, 'db'> & Partial<Pick<Deps, 'clock'>>,
  authorId: string,
  input: NoteIn,
  opts: { createdAt?: Date } = {},
) {
  const tags = resolveTags(input.tags, input.body);
  // A lure is published with its warning; a member past the repeat-offender limit is refused (429).
  const flag = await screenPost(deps, authorId, `${input.title}\n${input.body}`, opts.createdAt);
  return withTx(deps.db, async (tx) => {
    await assertOwnPhotos(tx, authorId, input.imageIds);
    await checkAttachableItems(tx, authorId, input.itemIds, 'itemIds');
    const note = await insertNote(tx, {
      authorId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      explicitTags: [...new Set(input.tags)],
      tags,
      ...imageValues(input.imageIds),
      ...locationValues(input.location ?? null),
      createdAt: opts.createdAt,
    });
    await replaceNoteImages(tx, note.id, input.imageIds);
    await replaceNoteItems(tx, note.id, input.itemIds);
    await indexNote(tx, note);
    await recordWantedNote(tx, note, input.wanted);
    if (flag) await recordPostFlag(tx, flag, 'note', note.id);
    return note;
  });
}

async function lockOwnNote(tx: Executor, userId: string, noteId: string) {
  const note = await findNoteForUpdate(tx, noteId);
  if (!note) throw notFound('note');
  if (note.authorId !== userId) throw forbidden('not_author', 'Only the author may change this note.');
  return note;
}

export async function updateNote(deps: Pick<Deps, 'db'> & Partial<Pick<Deps, 'clock'>>, userId: string, noteId: string, patch: NotePatchIn) {
  // An edit that writes a lure counts like a new post (the text it replaces was screened already).
  const edited = [patch.title, patch.body].filter((v) => v !== undefined).join('\n');
  const flag = edited ? await screenPost(deps, userId, edited) : null;
  return withTx(deps.db, async (tx) => {
    const note = await lockOwnNote(tx, userId, noteId);
    const values: Partial<NoteValues> = {};
    if (patch.title !== undefined) values.title = patch.title;
    if (patch.kind !== undefined) values.kind = patch.kind;
    if (patch.body !== undefined || patch.tags !== undefined) {
      values.body = patch.body ?? note.body;
      values.explicitTags = patch.tags ? [...new Set(patch.tags)] : note.explicitTags;
      values.tags = resolveTags(values.explicitTags, values.body);
    }
    if (patch.location !== undefined) Object.assign(values, locationValues(patch.location));
    if (patch.itemIds !== undefined) {
      await checkAttachableItems(tx, userId, patch.itemIds, 'itemIds');
      await replaceNoteItems(tx, noteId, patch.itemIds);
    }
    if (patch.imageIds !== undefined) {
      await assertOwnPhotos(tx, userId, patch.imageIds);
      await replaceNoteImages(tx, noteId, patch.imageIds);
      Object.assign(values, imageValues(patch.imageIds));
    }
    if (flag) await recordPostFlag(tx, flag, 'note', noteId);
    const updated = await updateNoteRow(tx, noteId, values);
    await indexNote(tx, updated);
    return updated;
  });
}

export async function deleteNote(deps: Pick<Deps, 'db'>, userId: string, noteId: string) {
  // Comments, likes, collects and photo links go with it (ON DELETE CASCADE); the photos stay
  // with their uploader.
  await withTx(deps.db, async (tx) => {
    await lockOwnNote(tx, userId, noteId);
    await deleteNoteRow(tx, noteId);
  });
}

/** A note as its page shows it: a fixed number of queries, run side by side. */
export async function getNoteView(deps: Pick<Deps, 'db'>, noteId: string, viewerId: string | null) {
  const db = deps.db;
  // One round trip: everything is found by the note's id (the author and the follow through a
  // primary-key subquery), so nothing waits for the note row first.
  const [note, author, images, liked, collected, followed, items] = await Promise.all([
    findNote(db, noteId),
    authorOfNote(db, noteId),
    noteImages(db, noteId),
    reactedNoteIds(db, 'noteLikes', viewerId, [noteId]),
    reactedNoteIds(db, 'noteCollects', viewerId, [noteId]),
    followsAuthorOf(db, viewerId, noteId),
    itemCardsByNote(db, [noteId], viewerId),
  ]);
  if (!note) throw notFound('note');
  // A banned member's notes disappear with them.
  if (author?.status !== 'active') throw notFound('note');
  // Hidden by a moderator: gone for everyone but its author and operators.
  if (note.hiddenAt && !(await maySeeHidden(db, viewerId, note.authorId))) throw notFound('note');
  return presentNote({
    note,
    author,
    images,
    items: items.get(note.id) ?? [],
    likedByMe: liked.has(note.id),
    collectedByMe: collected.has(note.id),
    followedByMe: followed,
  });
}
