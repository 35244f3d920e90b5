// GET /feed?tab=recommended: candidates from followed authors, interest tags, categories and
// searches, nearby notes and popular fresh ones; one score each (why it is here + engagement +
// freshness); no author twice in a row; a reason per card. Visitors and members with no
// signals yet get popular and fresh notes (and nearby ones when they give a position).
//
// The cursor is [asOf, position, lastId]: every page is computed from the signals and notes
// that existed at asOf (the first page's moment), so the order stays the same across pages;
// the next page starts after lastId (or at position, if that note has gone meanwhile).
import { badRequest } from '../../lib/errors.ts';
import { roundKm } from '../../lib/geo.ts';
import type { Deps } from '../../lib/http.ts';
import { decodeCursor, encodeCursor } from '../../lib/pagination.ts';
import { hydrateCards } from '../feed/service.ts';
import { parseQuery } from '../search/query.ts';
import {
  type CandidateRow,
  categoryCandidates,
  engagedNoteIds,
  followedCandidates,
  type Interest,
  interestProfile,
  nearbyCandidates,
  popularCandidates,
  queryCandidates,
  tagCandidates,
  type Via,
} from './recommend-repo.ts';

export type Reason =
  | { kind: 'followed' }
  | { kind: 'tag'; tag: string; via: Via }
  | { kind: 'category'; category: string; via: Via }
  | { kind: 'search'; query: string }
  | { kind: 'nearby'; distanceKm: number }
  | { kind: 'popular' }
  | { kind: 'fresh' };

type Scored = { row: CandidateRow; reason: Reason; base: number; sets: number };

const NEARBY_KM = 10;
const TOP_TAGS = 8;
const TOP_CATEGORIES = 3;
const TOP_QUERIES = 3;
const FRESH_HALF_LIFE_DAYS = 3;

/** Why-it-is-here weight: a followed author first, then the viewer's strongest interests. */
function baseOf(reason: Reason, strength: number): number {
  switch (reason.kind) {
    case 'followed':
      return 3;
    case 'tag':
      return 1.5 + 2 * strength;
    case 'search':
      return 1.5 + 1.5 * strength;
    case 'category':
      return 1 + 1.5 * strength;
    case 'nearby':
      return 1.2;
    case 'popular':
      return 0.6;
    case 'fresh':
      return 0.4;
  }
}

function scoreOf(s: Scored, asOf: Date): number {
  const r = s.row;
  const engagement = Math.log1p(r.likeCount + 2 * r.collectCount + r.commentCount);
  const ageDays = Math.max(0, (asOf.getTime() - new Date(r.createdAt).getTime()) / 86_400_000);
  const fresh = 2 ** (-ageDays / FRESH_HALF_LIFE_DAYS);
  // Meeting several interests at once counts a little more.
  return s.base + 0.3 * (s.sets - 1) + 0.35 * engagement + 1.5 * fresh;
}

/** Greedy: the best remaining card whose author differs from the previous card's. */
export function diversify<T extends { row: { authorId: string } }>(ranked: T[]): T[] {
  const rest = [...ranked];
  const out: T[] = [];
  while (rest.length) {
    const prev = out[out.length - 1]?.row.authorId;
    let i = rest.findIndex((c) => c.row.authorId !== prev);
    if (i < 0) i = 0; // only that author is left
    out.push(...rest.splice(i, 1));
  }
  return out;
}

type Near = { lat: number; lng: number } | null;

async function rankedFeed(deps: Pick<Deps, 'db'>, viewerId: string | null, near: Near, asOf: Date) {
  const db = deps.db;
  const profile: Interest[] = viewerId ? await interestProfile(db, viewerId, asOf) : [];
  const tags = profile.filter((p) => p.kind === 'tag').slice(0, TOP_TAGS);
  const cats = profile.filter((p) => p.kind === 'category').slice(0, TOP_CATEGORIES);
  const queries = profile.filter((p) => p.kind === 'query').slice(0, TOP_QUERIES);
  const maxW = Math.max(1e-9, ...profile.map((p) => p.weight));
  const tagW = new Map(tags.map((t) => [t.key, t]));

  const parsed = queries.flatMap((q) => {
    const pq = parseQuery(q.key);
    return pq?.strict ? [{ q, tsq: pq.strict }] : [];
  });
  const [followed, byTag, byCat, byQuery, nearby, popular] = await Promise.all([
    viewerId ? followedCandidates(db, viewerId, asOf) : [],
    viewerId ? tagCandidates(db, viewerId, [...tagW.keys()], asOf) : [],
    viewerId ? categoryCandidates(db, viewerId, cats.map((c) => c.key), asOf) : [],
    viewerId ? queryCandidates(db, viewerId, parsed.map((p) => p.tsq), asOf) : [],
    near ? nearbyCandidates(db, viewerId, { ...near, radiusKm: NEARBY_KM }, asOf) : [],
    popularCandidates(db, viewerId, asOf),
  ]);

  const pool = new Map<string, Scored>();
  const offer = (row: CandidateRow, reason: Reason, strength = 0) => {
    const base = baseOf(reason, strength);
    const cur = pool.get(row.id);
    if (!cur) pool.set(row.id, { row, reason, base, sets: 1 });
    else {
      cur.sets += 1;
      if (base > cur.base) Object.assign(cur, { reason, base });
    }
  };
  for (const r of followed) offer(r, { kind: 'followed' });
  for (const r of byTag) {
    const best = r.tags.map((t) => tagW.get(t)).filter((x) => x !== undefined).sort((a, b) => b.weight - a.weight)[0];
    if (best) offer(r, { kind: 'tag', tag: best.key, via: best.via }, best.weight / maxW);
  }
  const catW = new Map(cats.map((c) => [c.key, c]));
  for (const r of byCat) {
    const c = catW.get(r.category);
    if (c) offer(r, { kind: 'category', category: c.key, via: c.via }, c.weight / maxW);
  }
  // By query (the statement returns each query's rows together, newest first): stable sort.
  for (const r of [...byQuery].sort((a, b) => a.qi - b.qi)) {
    const p = parsed[r.qi];
    if (p) offer(r, { kind: 'search', query: p.q.key }, p.q.weight / maxW);
  }
  for (const r of nearby) offer(r, { kind: 'nearby', distanceKm: roundKm(r.distance) });
  const freshCut = asOf.getTime() - 2 * 86_400_000;
  for (const r of popular) {
    const engaged = r.likeCount + r.collectCount + r.commentCount > 0;
    offer(r, engaged || new Date(r.createdAt).getTime() < freshCut ? { kind: 'popular' } : { kind: 'fresh' });
  }

  let scored = [...pool.values()];
  if (viewerId) {
    const seen = await engagedNoteIds(db, viewerId, scored.map((s) => s.row.id));
    scored = scored.filter((s) => !seen.has(s.row.id));
  }
  const withScore = scored.map((s) => ({ ...s, score: scoreOf(s, asOf) }));
  withScore.sort((a, b) => b.score - a.score || (a.row.id < b.row.id ? -1 : 1));
  return diversify(withScore);
}

function decodeRecCursor(raw: string | undefined): { asOf: Date; position: number; lastId: string } | null {
  const v = decodeCursor(raw, 3);
  if (!v) return null;
  const [at, position, lastId] = v;
  if (typeof at !== 'number' || !Number.isInteger(at) || typeof position !== 'number' || !Number.isInteger(position) || position < 0 || typeof lastId !== 'string' || !/^[0-9a-f]{16}$/.test(lastId)) {
    throw badRequest('invalid_cursor', 'The cursor is not one this API gave out.');
  }
  return { asOf: new Date(at), position, lastId };
}

export async function recommendedFeed(
  deps: Pick<Deps, 'db' | 'clock'>,
  viewerId: string | null,
  q: { cursor?: string; limit: number; lat?: number; lng?: number },
) {
  const cursor = decodeRecCursor(q.cursor);
  const asOf = cursor?.asOf ?? new Date(Math.floor(deps.clock.now().getTime()));
  const near = q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng } : null;
  const ranked = await rankedFeed(deps, viewerId, near, asOf);
  let start = 0;
  if (cursor) {
    const at = ranked.findIndex((s) => s.row.id === cursor.lastId);
    start = at >= 0 ? at + 1 : cursor.position;
  }
  const slice = ranked.slice(start, start + q.limit);
  const more = start + q.limit < ranked.length;
  const byId = new Map(slice.map((s) => [s.row.id, s]));
  const cards = await hydrateCards(deps, slice.map((s) => s.row), viewerId);
  const last = slice[slice.length - 1];
  return {
    items: cards.map((c) => ({ ...c, reason: byId.get(c.id)?.reason ?? { kind: 'popular' as const } })),
    nextCursor: more && last ? encodeCursor([asOf.getTime(), start + slice.length, last.row.id]) : null,
  };
}
