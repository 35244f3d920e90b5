// Shapes of the discovery endpoints: wanted matches, saved searches, the recommended card's reason.
import { z } from '@hono/zod-openapi';
import { ItemSchema } from '../items/schema.ts';

const VIA = z.enum(['like', 'collect', 'view', 'search', 'purchase']);

export const Reason = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('followed') }),
    z.object({ kind: z.literal('tag'), tag: z.string(), via: VIA }),
    z.object({ kind: z.literal('category'), category: z.string(), via: VIA }),
    z.object({ kind: z.literal('search'), query: z.string() }),
    z.object({ kind: z.literal('nearby'), distanceKm: z.number() }),
    z.object({ kind: z.literal('popular') }),
    z.object({ kind: z.literal('fresh') }),
  ])
  .openapi('RecommendReason', {
    description:
      'recommended only: why this card is here — followed author; an interest tag and the signal that gave it (因为你收藏了 #露营); a category you viewed or bought; a search of yours; near you; popular; fresh',
  });

export const WantedMatch = z
  .object({
    id: z.string(),
    commentId: z.string().nullable().openapi({ description: 'null: the wanted note itself; else the comment with the request' }),
    title: z.string(),
    category: z.string().nullable(),
    maxPrice: z.number().int().nullable(),
    items: z.array(ItemSchema).openapi({ description: 'Items on sale that match, best first (never the requester\'s own)' }),
  })
  .openapi('WantedMatch');

export const WantedMatchList = z.object({ items: z.array(WantedMatch), nextCursor: z.null() }).openapi('WantedMatchList');

const Param = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
export const SavedSearchInput = z
  .object({
    q: Param.optional(),
    minPrice: Param.optional(),
    maxPrice: Param.optional(),
    category: Param.optional(),
    delivery: Param.optional(),
    condition: Param.optional(),
    free: Param.optional(),
    lat: Param.optional(),
    lng: Param.optional(),
    radiusKm: Param.optional(),
  })
  .openapi('SavedSearchInput', { description: 'The parameters of GET /search (items), validated the same way' });

export const SavedSearch = z
  .object({
    id: z.string(),
    label: z.string(),
    params: z.record(z.string(), z.string()).openapi({ description: 'Normalized /search parameters, ready for a query string' }),
    newCount: z.number().int().openapi({ description: 'New matches since the last alert (alerts come at most hourly)' }),
    lastAlertAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('SavedSearch');

export const SavedSearchList = z.object({ items: z.array(SavedSearch), nextCursor: z.null() }).openapi('SavedSearchList');
