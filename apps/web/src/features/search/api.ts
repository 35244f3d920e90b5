// GET /search and /search/suggest (API.md "/search"; apps/api/src/modules/search/schema.ts).
// The search page's state lives in the URL (shareable, back button works); searchParamsOf and
// toUrlParams convert between the two.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { isCategoryKey } from '@jishi/shared';
import { type Schemas, call, client, type paths } from '../../lib/api.ts';
import type { Coords } from '../places/place.ts';

/** GET /search's query, as the generated client types it. */
export type SearchQuery = NonNullable<paths['/api/v1/search']['get']['parameters']['query']>;
export type Sort = NonNullable<SearchQuery['sort']>;
export const SORTS = ['relevance', 'newest', 'price_asc', 'price_desc', 'distance'] as const satisfies readonly Sort[];
export type SearchType = NonNullable<SearchQuery['type']>;
const fetchSearch = (query: SearchQuery) => call(client.GET('/api/v1/search', { params: { query } }));
/** One result as the client returns it (Schemas['SearchItem'] | Schemas['SearchNote']). */
export type SearchResult = Awaited<ReturnType<typeof fetchSearch>>['items'][number];
/** Notes carry a `kind`, items do not. */
export type SearchNote = Extract<SearchResult, { kind: unknown }>;
export type SearchItem = Exclude<SearchResult, { kind: unknown }>;
/** [start, end) UTF-16 offsets of the matched words in the title. */
export type Marks = SearchItem['titleMarks'];
export const isSearchNote = (r: SearchResult): r is SearchNote => 'kind' in r;
export const isSearchItem = (r: SearchResult): r is SearchItem => !isSearchNote(r);

export type Filters = {
  minPrice?: number;
  maxPrice?: number;
  category?: string;
  delivery?: string[];
  condition?: string[];
  free?: boolean;
  radiusKm?: number;
};

export type SearchState = { q: string; type: SearchType; sort: Sort | null; filters: Filters };

const num = (v: string | null) => (v !== null && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);
const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : undefined);

export function searchStateOf(p: URLSearchParams): SearchState {
  const sort = p.get('sort');
  return {
    q: p.get('q') ?? '',
    type: p.get('type') === 'notes' ? 'notes' : 'items',
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : null,
    filters: {
      minPrice: num(p.get('minPrice')),
      maxPrice: num(p.get('maxPrice')),
      category: p.get('category') || undefined,
      delivery: list(p.get('delivery')),
      condition: list(p.get('condition')),
      free: p.get('free') === 'true' || undefined,
      radiusKm: num(p.get('radiusKm')),
    },
  };
}

/** The page URL's query (no position: that stays on this device). */
export function urlParamsOf(s: SearchState): Record<string, string> {
  const out: Record<string, string> = {};
  if (s.q.trim()) out.q = s.q.trim();
  if (s.type === 'notes') out.type = 'notes';
  if (s.sort) out.sort = s.sort;
  const f = s.filters;
  if (f.minPrice !== undefined) out.minPrice = String(f.minPrice);
  if (f.maxPrice !== undefined) out.maxPrice = String(f.maxPrice);
  if (f.category) out.category = f.category;
  if (f.delivery?.length) out.delivery = f.delivery.join(',');
  if (f.condition?.length) out.condition = f.condition.join(',');
  if (f.free) out.free = 'true';
  if (f.radiusKm) out.radiusKm = String(f.radiusKm);
  return out;
}

export const activeFilterCount = (f: Filters) =>
  [f.minPrice !== undefined || f.maxPrice !== undefined, f.category, f.delivery?.length, f.condition?.length, f.free, f.radiusKm].filter(Boolean)
    .length;

/** The API query: notes take no price filters; a radius or a distance sort needs a position. */
export function searchQuery(s: SearchState, coords: Coords | null): SearchQuery {
  const f = s.filters;
  const q: SearchQuery = {};
  if (s.q.trim()) q.q = s.q.trim();
  if (s.type === 'notes') q.type = 'notes';
  if (s.sort && (coords || s.sort !== 'distance')) q.sort = s.sort;
  if (s.type !== 'notes') {
    if (f.minPrice !== undefined) q.minPrice = f.minPrice;
    if (f.maxPrice !== undefined) q.maxPrice = f.maxPrice;
    if (f.category && isCategoryKey(f.category)) q.category = f.category;
    if (f.delivery?.length) q.delivery = f.delivery.join(',');
    if (f.condition?.length) q.condition = f.condition.join(',');
    if (f.free) q.free = 'true';
  }
  if (coords) {
    if (f.radiusKm) q.radiusKm = f.radiusKm;
    q.lat = coords.lat;
    q.lng = coords.lng;
  }
  return q;
}

/** The same query as URL parameters (a saved search keeps them). */
export const searchParams = (q: SearchQuery) =>
  new URLSearchParams(Object.entries(q).flatMap(([k, v]) => (v === undefined || v === null ? [] : [[k, String(v)]])));

export function useSearch(query: SearchQuery, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['search', query],
    enabled,
    initialPageParam: null as string | null,
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam }) => fetchSearch({ ...query, limit: 20, cursor: pageParam ?? undefined }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export type Suggestion = Schemas['SearchSuggestions']['items'][number];

export const useSuggestions = (text: string) =>
  useQuery({
    queryKey: ['search', 'suggest', text],
    enabled: text.trim().length > 0,
    staleTime: 60_000,
    queryFn: () => call(client.GET('/api/v1/search/suggest', { params: { query: { q: text.trim() } } })),
  });
