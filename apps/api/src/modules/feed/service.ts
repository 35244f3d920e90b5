// Feeds as a pipeline: keyset ids → hydrate in batches (authors, covers, likedByMe, item cards:
// one query each, whatever the page length) → apply rules (a banned member's notes drop out)
// → present. The cursor comes from the last row read, so filtering never skips or repeats.
import { badRequest, forbidden, notFound, unauthorized } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import { authorsByIds, mediaByIds, reactedNoteIds } from '../notes/hydrate.ts';
import { itemCardsByNote } from '../notes/items-port.ts';
import { cutPage, decodeCursor, decodeKeyset, encodeCursor, type Keyset } from '../../lib/pagination.ts';
import { findActiveUser } from '../notes/reactions.ts';
import { presentCard } from './presenter.ts';
import { recommendedFeed } from '../discovery/recommend-service.ts';
import { roundKm } from '../../lib/geo.ts';
import { type CardRow, collectedNotes, followingNotes, latestNotes, notesBy } from './repo.ts';
import { kmOfChord, nearbyNotes } from './nearby.ts';
import { NEARBY_DEFAULT_KM } from './schema.ts';

type Db = Pick<Deps, 'db'>;

type PageIn = { cursor?: string; limit: number };

export async function hydrateCards(deps: Db, rows: CardRow[], viewerId: string | null) {
  const ids = rows.map((r) => r.id);
  // Authors and covers a page query joined already are not looked up again.
  const [authors, covers, liked, items] = await Promise.all([
    authorsByIds(
      deps.db,
      rows.flatMap((r) => (r.author ? [] : [r.authorId])),
    ),
    mediaByIds(
      deps.db,
      rows.flatMap((r) => (r.cover === undefined ? [r.coverId] : [])),
    ),
    reactedNoteIds(deps.db, 'noteLikes', viewerId, ids),
    itemCardsByNote(deps.db, ids, viewerId),
  ]);
  return rows.flatMap((r) => {
    const author = r.author ?? authors.get(r.authorId);
    // A banned member's notes and notes an operator hid leave every list.
    if (author?.status !== 'active' || r.hiddenAt) return [];
    const cover = r.coverId ? (r.cover ?? covers.get(r.coverId)) : undefined;
    return [presentCard(r, { author, cover, likedByMe: liked.has(r.id), items: items.get(r.id) ?? [] })];
  });
}

async function cardPage<R extends CardRow>(
  deps: Db,
  viewerId: string | null,
  q: PageIn,
  read: (after: Keyset | null, take: number) => Promise<R[]>,
  keyOf: (r: R) => Keyset = (r) => ({ at: r.createdAt, id: r.id }),
) {
  const rows = await read(decodeKeyset(q.cursor), q.limit + 1);
  const { page, nextCursor } = cutPage(rows, q.limit, keyOf);
  return { items: await hydrateCards(deps, page, viewerId), nextCursor };
}

type NearbyIn = PageIn & { lat?: number; lng?: number; radiusKm?: number };

function nearbyAfter(cursor: string | undefined): [number, number, string] | null {
  const v = decodeCursor(cursor, 3);
  if (!v) return null;
  const [tier, chord, id] = v;
  if ((tier !== 0 && tier !== 1) || typeof chord !== 'number' || typeof id !== 'string' || !/^[0-9a-f]{16}$/.test(id)) {
    throw badRequest('invalid_cursor', 'The cursor is not one this API gave out.');
  }
  return [tier, chord, id];
}

/** Notes around the viewer: pickup-friendly first, then nearest; each card says how far. */
async function nearbyFeed(deps: Db, viewerId: string | null, q: NearbyIn) {
  if (q.lat === undefined || q.lng === undefined) {
    throw badRequest('position_required', 'The nearby feed needs your position (lat and lng) or a chosen district.');
  }
  const near = { lat: q.lat, lng: q.lng, radiusKm: q.radiusKm ?? NEARBY_DEFAULT_KM };
  const rows = await nearbyNotes(deps.db, near, nearbyAfter(q.cursor), q.limit + 1);
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  const last = page[page.length - 1];
  const byId = new Map(page.map((r) => [r.id, r]));
  const cards = await hydrateCards(deps, page, viewerId);
  return {
    items: cards.map((c) => {
      const r = byId.get(c.id);
      return { ...c, distanceKm: roundKm(kmOfChord(r?.chord ?? 0)), pickup: r?.tier === 0 };
    }),
    nextCursor: more && last ? encodeCursor([last.tier, last.chord, last.id]) : null,
  };
}

export async function feed(deps: Pick<Deps, 'db' | 'clock'>, viewerId: string | null, q: NearbyIn & { tab: string }) {
  switch (q.tab) {
    case 'latest':
      return cardPage(deps, viewerId, q, (after, take) => latestNotes(deps.db, after, take));
    case 'following': {
      if (!viewerId) throw unauthorized('unauthenticated', 'Sign in to see the notes of members you follow.');
      return cardPage(deps, viewerId, q, (after, take) => followingNotes(deps.db, viewerId, after, take));
    }
    case 'nearby':
      return nearbyFeed(deps, viewerId, q);
    case 'recommended':
      return recommendedFeed(deps, viewerId, q);
    default:
      throw badRequest('unsupported_tab', `The ${q.tab} feed is not available yet.`);
  }
}

export async function profileNotes(deps: Db, userId: string, viewerId: string | null, q: PageIn) {
  if (!(await findActiveUser(deps.db, userId))) throw notFound('user');
  return cardPage(deps, viewerId, q, (after, take) => notesBy(deps.db, userId, after, take));
}

/**
 * Collects are private: what a member saves (a crib, a wanted gift) says more about them than
 * what they post, so only they see the list. The count on a note stays public.
 */
export async function profileCollects(deps: Db, userId: string, viewerId: string | null, q: PageIn) {
  if (!(await findActiveUser(deps.db, userId))) throw notFound('user');
  if (viewerId !== userId) throw forbidden('collects_private', "A member's collects are visible to them only.");
  return cardPage(
    deps,
    viewerId,
    q,
    (after, take) => collectedNotes(deps.db, userId, after, take),
    (r) => ({ at: r.collectedAt, id: r.id }),
  );
}
