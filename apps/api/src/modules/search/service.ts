// Search use cases: parse the words, pick the mode (every word; or, when nothing has every
// word, any of them), read one keyset page, hydrate in batches, mark the matched words.
// The mode travels in the cursor, so the pages of one search never switch between modes.
import { badRequest } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import { roundKm } from '../../lib/geo.ts';
import { decodeCursor, encodeCursor } from '../../lib/pagination.ts';
import { hydrateCards } from '../feed/service.ts';
import { hydrateItems } from '../items/queries.ts';
import { highlight } from './highlight.ts';
import { type ParsedQuery, parseQuery } from './query.ts';
import { type Mode, type Near, type Sort, type SortKey, searchItemRows, searchNoteRows, suggestTags, suggestTitles } from './repo.ts';
import type { SearchIn } from './schema.ts';
import { recentSince } from './window.ts';
import { fold, latinTerms, queryRuns, tsQuoted } from './text.ts';
import { FILLERS } from './words.ts';

type Cursor = { mode: Mode; key: SortKey };
const MODES: Mode[] = ['all', 'strict', 'relaxed'];

function decodeSearchCursor(raw: string | undefined, sort: Sort): Cursor | null {
  const v = decodeCursor(raw, 3);
  if (!v) return null;
  const [mode, key, id] = v;
  const keyOk = sort === 'newest' ? typeof key === 'string' && !Number.isNaN(Date.parse(key)) : typeof key === 'number';
  if (!MODES.includes(mode as Mode) || !keyOk || typeof id !== 'string' || !/^[0-9a-f]{16}$/.test(id)) {
    throw badRequest('invalid_cursor', 'The cursor is not one this API gave out.');
  }
  return { mode: mode as Mode, key: [key as number | string, id] };
}

function keyOf(sort: Sort, r: { id: string; score: number; distance: number | null; price?: number; createdAt: Date }): SortKey {
  if (sort === 'newest') return [r.createdAt.toISOString(), r.id];
  if (sort === 'distance') return [r.distance ?? 0, r.id];
  if (sort === 'relevance') return [r.score, r.id];
  return [r.price ?? 0, r.id];
}

async function pageWithFallback<R extends { id: string; score: number; distance: number | null; createdAt: Date }>(
  q: ParsedQuery | null,
  sort: Sort,
  cursor: Cursor | null,
  limit: number,
  read: (mode: Mode, after: SortKey | null) => Promise<R[]>,
) {
  let mode: Mode = q ? (cursor?.mode ?? 'strict') : 'all';
  if (!q && cursor && cursor.mode !== 'all') throw badRequest('invalid_cursor', 'The cursor belongs to another search.');
  let rows = await read(mode, cursor?.key ?? null);
  if (mode === 'strict' && !cursor && rows.length === 0) {
    mode = 'relaxed';
    rows = await read(mode, null);
  }
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  const nextCursor = more && last ? encodeCursor([mode, ...keyOf(sort, last)]) : null;
  // "relaxed" tells the client the results lack some words; an empty page has nothing to label.
  return { page, nextCursor, relaxed: mode === 'relaxed' && page.length > 0 };
}

export async function search(deps: Pick<Deps, 'db' | 'clock' | 'config'>, viewerId: string | null, s: SearchIn) {
  const q = parseQuery(s.q);
  const sort: Sort = s.sort === 'relevance' || !s.sort ? (q ? 'relevance' : 'newest') : s.sort;
  const cursor = decodeSearchCursor(s.cursor, sort);
  const viewer: Near | null = s.lat !== undefined && s.lng !== undefined ? { lat: s.lat, lng: s.lng, radiusKm: s.radiusKm } : null;
  const terms = q?.highlights ?? [];
  const take = s.limit + 1;

  if (s.type === 'notes') {
    const r = await pageWithFallback(q, sort, cursor, s.limit, (mode, after) =>
      searchNoteRows(deps.db, { mode, q, viewer, sort, after, take }),
    );
    const cards = await hydrateCards(deps, r.page, viewerId);
    const byId = new Map(r.page.map((row) => [row.id, row]));
    const items = cards.map((c) => {
      const row = byId.get(c.id);
      return { ...c, distanceKm: row?.distance != null ? roundKm(row.distance) : null, ...highlight(c.title, '', terms) };
    });
    return { items, nextCursor: r.nextCursor, relaxed: r.relaxed };
  }

  const filters = { minPrice: s.minPrice, maxPrice: s.maxPrice, category: s.category, delivery: s.delivery, condition: s.condition, free: s.free };
  // Relevance ranks the newest searchCandidates matches, found in a recent window first (window.ts).
  const candidates = deps.config.searchCandidates;
  const since = sort === 'relevance' && q ? await recentSince(deps.db, deps.config.searchRecentItems) : null;
  const r = await pageWithFallback(q, sort, cursor, s.limit, (mode, after) =>
    searchItemRows(deps.db, { mode, q, filters, viewer, sort, after, take, candidates, since }),
  );
  const items = await hydrateItems(deps.db, r.page, viewer, deps.clock.now());
  return {
    // The marks are added to the presented items (not copied into new objects: 20 spreads of
    // ~25 fields were ~2% of a search's API CPU); the same keys, in the same order.
    items: items.map((i) => Object.assign(i, highlight(i.title, i.description, terms))),
    nextCursor: r.nextCursor,
    relaxed: r.relaxed,
  };
}

/** The words typed so far, the last one as a prefix: 沙 → '沙':*, iph → 'iph':*. */
function prefixQuery(text: string): string | null {
  const runs = queryRuns(text).filter((r) => !(r.han && FILLERS.has(r.text)));
  const lexemes = runs.map((r) => (r.han ? r.text : (latinTerms(r.text)[0] ?? r.text.toLowerCase())));
  if (!lexemes.length) return null;
  return lexemes.map((l, i) => `${tsQuoted(l)}${i === lexemes.length - 1 ? ':*' : ''}`).join(' & ');
}

export async function suggest(deps: Pick<Deps, 'db'>, text: string) {
  const tsq = prefixQuery(text);
  if (!tsq) return { items: [] };
  const tagPrefix = fold(text).toLowerCase().replace(/[#\s]+/g, '');
  const [titles, tags] = await Promise.all([suggestTitles(deps.db, tsq, 6), suggestTags(deps.db, tsq, tagPrefix, 4)]);
  return {
    items: [...tags.map((text) => ({ kind: 'tag' as const, text })), ...titles.map((text) => ({ kind: 'title' as const, text }))],
  };
}


