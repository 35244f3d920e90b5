// The demo community's notes, photos, comments, likes, collects and follows (community-data.ts),
// written through the notes services so counters and tags come out exactly as the API makes
// them. Idempotent: if a demo member already has a note, nothing is added. Called by seedDemo
// once members (and their items) exist.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { DAY_MS } from '../lib/clock.ts';
import type { Deps } from '../lib/http.ts';
import { storeImage } from '../modules/media/service.ts';
import { createComment } from '../modules/notes/comments-service.ts';
import { createNote } from '../modules/notes/service.ts';
import { setStallRules } from '../modules/notes/stall-host.ts';
import type { StallRulesIn } from '../modules/notes/stall-rules.ts';
import { COMMUNITY_NOTES, type CommentSpec, FOLLOWS, type NoteSpec, SPOTS } from './community-data.ts';
import { notePhotoPng } from './community-photos.ts';

type SeedDeps = Pick<Deps, 'db' | 'media' | 'clock'>;
type Members = Map<string, string>;
const HOUR_MS = 3_600_000;

/** A stable number in [0, 1) from text: the demo is the same on every start. */
const chance = (text: string) => (createHash('sha256').update(text).digest()[0] ?? 0) / 256;

async function runPooled<T, R>(inputs: readonly T[], width: number, fn: (x: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(inputs.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < inputs.length; i = next++) out[i] = await fn(inputs[i] as T, i);
  };
  await Promise.all(Array.from({ length: width }, worker));
  return out;
}

async function photosFor(deps: SeedDeps, ownerId: string, spec: NoteSpec, i: number): Promise<string[]> {
  // sharp renders on the libuv pool: a few at a time keep both cores busy.
  return runPooled(spec.scenes, 2, async (scene, k) => {
    const png = await notePhotoPng(scene, `${i}:${k}`, spec.square ? '1:1' : '3:4');
    return (await storeImage(deps, ownerId, png, 'photo', { trusted: true })).id;
  });
}

async function writeComments(
  deps: SeedDeps,
  noteId: string,
  start: Date,
  specs: CommentSpec[],
  members: Members,
  items: Record<string, string[]>,
) {
  let at = start.getTime();
  const stamp = () => {
    at += 17 * 60_000 + Math.round(chance(`${noteId}${at}`) * HOUR_MS);
    return new Date(at);
  };
  for (const c of specs) {
    const by = members.get(c.by);
    if (!by) continue;
    const top = (await createComment(deps, by, noteId, { body: c.body, wanted: c.wanted }, { createdAt: stamp() }))
      .comment;
    const itemId = c.item !== undefined ? items[c.by]?.[c.item] : undefined;
    // 借楼: the card links now and shows once items are wired into comments (items-port.ts).
    if (itemId) await deps.db.updateTable('comments').set({ itemId }).where('id', '=', top.id).execute();
    let previous = top.id;
    for (const r of c.replies ?? []) {
      const rb = members.get(r.by);
      if (!rb) continue;
      const parentId = r.toPrevious ? previous : top.id;
      previous = (await createComment(deps, rb, noteId, { body: r.body, parentId }, { createdAt: stamp() })).comment.id;
    }
  }
}

async function writeNote(deps: SeedDeps, spec: NoteSpec, i: number, members: Members, items: Record<string, string[]>) {
  const authorId = members.get(spec.by);
  if (!authorId) return null;
  const now = deps.clock.now().getTime();
  const createdAt = new Date(now - spec.daysAgo * DAY_MS - Math.round(chance(`t${i}`) * 10 * HOUR_MS));
  const imageIds = await photosFor(deps, authorId, spec, i);
  const spot = SPOTS[spec.spot];
  const note = await createNote(
    deps,
    authorId,
    {
      title: spec.title,
      body: spec.body,
      tags: spec.tags ?? [],
      imageIds,
      itemIds: [],
      location: spot,
      kind: spec.kind ?? 'note',
    },
    { createdAt },
  );
  const attached = (spec.items ?? []).flatMap((k) => items[spec.by]?.[k] ?? []);
  if (attached.length) {
    await deps.db
      .insertInto('noteItems')
      .values(attached.map((itemId, position) => ({ noteId: note.id, itemId, position })))
      .execute();
  }
  return { id: note.id, authorId, createdAt, spec };
}

/** Likes and collects from other members (more for fresh and busy notes), then exact counters. */
async function writeReactions(
  deps: SeedDeps,
  notes: { id: string; authorId: string; spec: NoteSpec }[],
  members: Members,
) {
  const likes: { userId: string; noteId: string }[] = [];
  const collects: { userId: string; noteId: string }[] = [];
  for (const n of notes) {
    const heat = n.spec.kind === 'stall' ? 0.85 : Math.max(0.2, 0.75 - n.spec.daysAgo * 0.025);
    for (const userId of members.values()) {
      if (userId === n.authorId) continue;
      if (chance(`like${n.id}${userId}`) < heat) likes.push({ userId, noteId: n.id });
      if (chance(`collect${n.id}${userId}`) < heat / 3) collects.push({ userId, noteId: n.id });
    }
  }
  if (likes.length)
    await deps.db
      .insertInto('noteLikes')
      .values(likes)
      .onConflict((oc) => oc.doNothing())
      .execute();
  if (collects.length)
    await deps.db
      .insertInto('noteCollects')
      .values(collects)
      .onConflict((oc) => oc.doNothing())
      .execute();
  await deps.db
    .updateTable('notes')
    .set({
      likeCount: sql`(SELECT count(*) FROM note_likes l WHERE l.note_id = notes.id)`,
      collectCount: sql`(SELECT count(*) FROM note_collects c WHERE c.note_id = notes.id)`,
    })
    .where(
      'id',
      'in',
      notes.map((n) => n.id),
    )
    .execute();
}

async function writeFollows(deps: SeedDeps, members: Members) {
  const rows = FOLLOWS.flatMap(([from, tos]) =>
    tos.flatMap((to) => {
      const followerId = members.get(from);
      const followeeId = members.get(to);
      return followerId && followeeId ? [{ followerId, followeeId }] : [];
    }),
  );
  if (rows.length)
    await deps.db
      .insertInto('follows')
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .execute();
}

export async function seedCommunity(
  deps: SeedDeps,
  itemsByUsername: Record<string, string[]> = {},
): Promise<{ notes: number }> {
  const usernames = [...new Set(COMMUNITY_NOTES.map((n) => n.by))];
  const rows = await deps.db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', usernames)
    .execute();
  if (rows.length === 0) return { notes: 0 };
  const members: Members = new Map(rows.map((r) => [r.username, r.id]));
  const existing = await deps.db
    .selectFrom('notes')
    .select('id')
    .where('authorId', 'in', [...members.values()])
    .limit(1)
    .execute();
  if (existing.length) return { notes: 0 };
  const written = (
    await runPooled(COMMUNITY_NOTES, 2, (spec, i) => writeNote(deps, spec, i, members, itemsByUsername))
  ).filter((n): n is NonNullable<typeof n> => n !== null);
  await runPooled(written, 2, (n) =>
    writeComments(
      deps,
      n.id,
      new Date(n.createdAt.getTime() + 20 * 60_000),
      n.spec.comments ?? [],
      members,
      itemsByUsername,
    ),
  );
  // Stall hosts' rules, as a host sets them once the stall is busy (the real service).
  for (const n of written) {
    const r = n.spec.stallRules;
    if (r) await setStallRules(deps, n.authorId, n.id, { pickupOnly: r.pickupOnly ?? false, area: null, categories: (r.categories as StallRulesIn['categories']) ?? null, maxPrice: r.maxPrice ?? null });
  }
  await writeReactions(deps, written, members);
  await writeFollows(deps, members);
  return { notes: written.length };
}
