import { z } from '@hono/zod-openapi';
import { FeedCard } from '../feed/schema.ts';
import { ItemSchema } from '../items/schema.ts';
import { PageQuery } from '../notes/index.ts';

export const TagParam = z.object({
  tag: z.string().min(1).max(60).openapi({ param: { name: 'tag', in: 'path' }, example: '搬家清仓' }),
});

export const TagQuery = PageQuery;

export const TagNotesPage = z
  .object({ tag: z.string().openapi({ description: 'The tag as stored (normalized)' }), items: z.array(FeedCard), nextCursor: z.string().nullable() })
  .openapi('TagNotesPage');

export const TagItemsPage = z
  .object({ tag: z.string(), items: z.array(ItemSchema), nextCursor: z.string().nullable() })
  .openapi('TagItemsPage');

export const SellerStatsSchema = z
  .object({
    itemsSold: z.number().int().openapi({ description: 'Units in the seller’s completed orders' }),
    conversations: z.number().int().openapi({ description: 'Conversations others started with the seller in the window' }),
    responseRate: z.number().min(0).max(1).nullable().openapi({ description: 'Share of those answered within 24 h; null when none' }),
    medianResponseSeconds: z.number().int().nullable().openapi({ description: 'Median time to the seller’s first reply; null when none answered' }),
    windowDays: z.number().int(),
    computedAt: z.string().openapi({ description: 'Computed at most 10 minutes before' }),
  })
  .openapi('SellerStats');
