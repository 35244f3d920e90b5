// GET /search and /search/suggest (API.md "/search"; apps/api/src/modules/search/schema.ts).
// The search page's state lives in the URL (shareable, back button works); searchParamsOf and
// toUrlParams convert between the two.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Item } from '../items/api.ts';
import type { FeedCard, Page } from '../notes/types.ts';
import type { Coords } from '../places/place.ts';

export type Sort = 'relevance' | 'newest' | 'price_asc' | 'price_desc' | 'distance';
export const SORTS: readonly Sort[] = ['relevance', 'newest', 'price_asc', 'price_desc', 'distance'];
export type SearchType = 'items' | 'notes';
/** [start, end) UTF-16 offsets of the matched words in the title. */
export type Marks = [number, number][];
export type SearchItem = Item & { highlights: string[]; titleMarks: Marks };
export type SearchNote = FeedCard & { distanceKm: number | null; highlights: string[]; titleMarks: Marks };
export type SearchPage<T> = Page<T> & { relaxed: boolean };

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

/** The API path: notes take no price filters; a radius or a distance sort needs a position. */
export function searchPath(s: SearchState, coords: Coords | null): string {
  const p = new URLSearchParams(urlParamsOf(s));
  if (s.type === 'notes') for (const k of ['minPrice', 'maxPrice', 'category', 'delivery', 'condition', 'free']) p.delete(k);
  if (coords) {
    p.set('lat', String(coords.lat));
    p.set('lng', String(coords.lng));
  } else {
    p.delete('radiusKm');
    if (p.get('sort') === 'distance') p.delete('sort');
  }
  return `/search?${p.toString()}`;
}

export function useSearch<T extends SearchItem | SearchNote>(path: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['search', path],
    enabled,
    initialPageParam: null as string | null,
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam }) =>
      api.get<SearchPage<T>>(`${path}&limit=20${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export type Suggestion = { kind: 'title' | 'tag'; text: string };

export const useSuggestions = (text: string) =>
  useQuery({
    queryKey: ['search', 'suggest', text],
    enabled: text.trim().length > 0,
    staleTime: 60_000,
    queryFn: () => api.get<{ items: Suggestion[] }>(`/search/suggest?q=${encodeURIComponent(text.trim())}`),
  });
