// GET /search and GET /search/suggest: query and response shapes (API.md "/search").
import { z } from '@hono/zod-openapi';
import { CATEGORY_KEYS, CONDITION_KEYS, DELIVERY_KEYS } from '@jishi/shared';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../lib/pagination.ts';
import { FeedCard } from '../feed/schema.ts';
import { ItemSchema } from '../items/schema.ts';

/** A comma-separated list of allowed words (?delivery=pickup,shipping), also given repeated. */
const csvOf = <T extends string>(allowed: readonly [T, ...T[]], example: string) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(allowed)).min(1).max(allowed.length))
    .openapi({ type: 'string', example });

const Fen = z.coerce.number().int().min(0).max(100_000_000);
const Bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const SORTS = ['relevance', 'newest', 'price_asc', 'price_desc', 'distance'] as const;

export const SearchQuery = z
  .object({
    q: z.string().trim().max(100).optional().openapi({ description: 'Words; optional (filters alone list every match)', example: '沙发' }),
    type: z.enum(['items', 'notes']).default('items'),
    minPrice: Fen.optional().openapi({ description: 'Fen, inclusive' }),
    maxPrice: Fen.optional().openapi({ description: 'Fen, inclusive' }),
    category: z.enum(CATEGORY_KEYS).optional(),
    delivery: csvOf(DELIVERY_KEYS, 'pickup,shipping').optional().openapi({ description: 'Any of these (comma-separated)' }),
    condition: csvOf(CONDITION_KEYS, 'new,like_new').optional().openapi({ description: 'Any of these (comma-separated)' }),
    free: Bool.optional().openapi({ description: 'true: free giveaways (免费送) only' }),
    lat: z.coerce.number().min(-90).max(90).optional(),
    lng: z.coerce.number().min(-180).max(180).optional(),
    radiusKm: z.coerce.number().positive().max(500).optional().openapi({ description: 'Needs lat and lng' }),
    sort: z.enum(SORTS).optional().openapi({ description: 'Default: relevance with q, newest without. distance needs lat and lng.' }),
    cursor: z.string().max(512).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
  })
  .refine((v) => (v.lat === undefined) === (v.lng === undefined), { message: 'give lat and lng together', path: ['lng'] })
  .refine((v) => v.radiusKm === undefined || v.lat !== undefined, { message: 'radiusKm needs lat and lng', path: ['radiusKm'] })
  .refine((v) => v.sort !== 'distance' || v.lat !== undefined, { message: 'sort=distance needs lat and lng', path: ['sort'] })
  .refine((v) => v.minPrice === undefined || v.maxPrice === undefined || v.minPrice <= v.maxPrice, {
    message: 'minPrice is above maxPrice',
    path: ['minPrice'],
  })
  .refine((v) => v.type === 'items' || !v.sort?.startsWith('price'), { message: 'notes have no price', path: ['sort'] });
export type SearchIn = z.infer<typeof SearchQuery>;

const Marks = z
  .array(z.tuple([z.number().int(), z.number().int()]))
  .openapi({ description: 'Matched spans of the title as [start, end) UTF-16 offsets, for marking without HTML' });
const Highlights = z.array(z.string()).openapi({ description: 'The query words found in this result', example: ['沙发'] });

export const SearchItem = ItemSchema.extend({ highlights: Highlights, titleMarks: Marks }).openapi('SearchItem');
export const SearchNote = FeedCard.extend({
  distanceKm: z.number().nullable(),
  highlights: Highlights,
  titleMarks: Marks,
}).openapi('SearchNote');

export const SearchPage = z
  .object({
    items: z.array(z.union([SearchItem, SearchNote])).openapi({ description: 'SearchItem for type=items, SearchNote for type=notes' }),
    nextCursor: z.string().nullable(),
    relaxed: z.boolean().openapi({ description: 'No result had every word; these have some of them (typos, long phrases)' }),
  })
  .openapi('SearchPage');

export const SuggestQuery = z.object({ q: z.string().trim().min(1).max(50) });
export const SuggestList = z
  .object({ items: z.array(z.object({ kind: z.enum(['title', 'tag']), text: z.string() })) })
  .openapi('SearchSuggestions');
