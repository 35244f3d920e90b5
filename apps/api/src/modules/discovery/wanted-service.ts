// Wanted (求购) matching, both ways:
//   a wanted note or a comment's wanted request is stored with its words as a tsquery
//   (recordWanted*, in the transaction that writes the note or comment);
//   a new item is matched after its commit (matchNewItem): each open request it meets tells its
//   author once (wanted_match), never for the author's own item, an item no longer on sale, or
//   one priced above the request's maximum;
//   a request shows the matching items on sale at once (wantedMatches, GET /notes/:id/matches).
import type { Executor } from '../../db/index.ts';
import { notFound } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import { hydrateItems } from '../items/queries.ts';
import { type NotifyDeps, withNotifications } from '../notifications/service.ts';
import { parseQuery } from '../search/query.ts';
import { searchItemRows } from '../search/index.ts';
import { claimNotified, insertWanted, requestsMatchingItem, type WantedRow, wantedOfNote } from './wanted-repo.ts';

export type WantedExtra = { maxPrice?: number | null; category?: string | null };

/** Inside the note's transaction: a wanted note asks for what its title says. */
export async function recordWantedNote(
  tx: Executor,
  note: { id: string; authorId: string; kind: string; title: string; createdAt: Date },
  extra: WantedExtra = {},
) {
  if (note.kind !== 'wanted') return;
  const q = parseQuery(note.title);
  if (!q?.strict) return;
  await insertWanted(tx, {
    authorId: note.authorId,
    noteId: note.id,
    commentId: null,
    title: note.title,
    category: extra.category ?? null,
    maxPrice: extra.maxPrice ?? null,
    query: q.strict,
    createdAt: note.createdAt,
  });
}

/** Inside the comment's transaction: a comment with a wanted request (title, max price). */
export async function recordWantedComment(
  tx: Executor,
  c: { id: string; noteId: string; authorId: string; wantedTitle: string | null; wantedMaxPrice: number | string | null; createdAt: Date },
) {
  if (!c.wantedTitle) return;
  const q = parseQuery(c.wantedTitle);
  if (!q?.strict) return;
  await insertWanted(tx, {
    authorId: c.authorId,
    noteId: c.noteId,
    commentId: c.id,
    title: c.wantedTitle,
    category: null,
    maxPrice: c.wantedMaxPrice === null ? null : Number(c.wantedMaxPrice),
    query: q.strict,
    createdAt: c.createdAt,
  });
}

/**
 * After an item's commit: tells the authors of the open requests it meets, each (request,
 * item) once. Returns how many were told. Never throws into the caller's response path.
 */
export async function matchNewItem(deps: NotifyDeps & Pick<Deps, 'clock'>, itemId: string): Promise<number> {
  return withNotifications(deps, async (tx, notify) => {
    const requests = await requestsMatchingItem(tx, itemId, deps.clock.now());
    const fresh = await claimNotified(
      tx,
      itemId,
      requests.map((r) => r.id),
    );
    const item = await tx.selectFrom('items').select(['sellerId', 'price']).where('id', '=', itemId).executeTakeFirst();
    let told = 0;
    for (const r of requests) {
      if (!fresh.has(r.id) || !item) continue;
      const id = await notify({
        recipientId: r.authorId,
        type: 'wanted_match',
        actorId: item.sellerId,
        itemId,
        noteId: r.noteId,
        commentId: r.commentId,
        data: { query: r.title, price: Number(item.price) },
      });
      if (id) told += 1;
    }
    return told;
  });
}

const MATCHES_PER_REQUEST = 12;

/** Items on sale that meet a request, best first: its words, category and maximum price. */
export async function itemsForRequest(deps: Pick<Deps, 'db' | 'clock'>, r: Pick<WantedRow, 'title' | 'category' | 'maxPrice' | 'authorId'>, take = MATCHES_PER_REQUEST) {
  const q = parseQuery(r.title);
  if (!q) return [];
  const rows = await searchItemRows(deps.db, {
    mode: 'strict',
    q,
    filters: {
      ...(r.maxPrice !== null && { maxPrice: Number(r.maxPrice) }),
      ...(r.category && { category: r.category }),
    },
    viewer: null,
    sort: 'relevance',
    after: null,
    take: take + 5,
  });
  const others = rows.filter((i) => i.sellerId !== r.authorId).slice(0, take);
  return hydrateItems(deps.db, others, null, deps.clock.now());
}

/** The wanted requests of a note (its own when it is a wanted note, and its comments') with their matches. */
export async function wantedMatches(deps: Pick<Deps, 'db' | 'clock'>, noteId: string) {
  const note = await deps.db.selectFrom('notes').select(['id', 'hiddenAt']).where('id', '=', noteId).executeTakeFirst();
  if (!note || note.hiddenAt) throw notFound('note');
  const requests = await wantedOfNote(deps.db, noteId);
  const out = [];
  for (const r of requests) {
    out.push({
      id: r.id,
      commentId: r.commentId,
      title: r.title,
      category: r.category,
      maxPrice: r.maxPrice === null ? null : Number(r.maxPrice),
      items: await itemsForRequest(deps, r),
    });
  }
  return { items: out, nextCursor: null };
}
