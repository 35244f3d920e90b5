import { z } from '@hono/zod-openapi';
import { Reason } from '../discovery/schema.ts';
import { ItemCard, NoteKind, PageQuery, UserCard } from '../notes/index.ts';

export const NEARBY_DEFAULT_KM = 10;

export const FeedQuery = PageQuery.extend({
  tab: z.enum(['latest', 'following', 'nearby', 'recommended']).default('latest').openapi({
    description:
      'latest: everyone, newest first; following: members you follow (sign in); nearby: notes with a place within radiusKm of lat/lng, pickup-friendly first, then nearest (public; 400 `position_required` without lat/lng). recommended: an interest profile (likes, collects, views, searches, purchases; half-life 14 days) → followed authors, interest tags, nearby (with lat/lng), popular and fresh notes; each card has `reason`; visitors get popular and fresh notes.',
  }),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
  radiusKm: z.coerce.number().positive().max(100).optional().openapi({ description: `nearby only; default ${NEARBY_DEFAULT_KM}` }),
}).refine((v) => (v.lat === undefined) === (v.lng === undefined), { message: 'give lat and lng together', path: ['lng'] });

export const FeedCard = z
  .object({
    id: z.string(),
    kind: NoteKind,
    title: z.string(),
    cover: z
      .object({ url: z.string(), width: z.number().int(), height: z.number().int() })
      .nullable()
      .openapi({ description: 'The first photo (640 px card variant) and its size, for masonry' }),
    author: UserCard,
    likeCount: z.number().int(),
    likedByMe: z.boolean(),
    items: z.array(ItemCard),
    createdAt: z.string(),
    distanceKm: z.number().optional().openapi({ description: 'nearby: from lat/lng to the note\'s stored point, 0.1 km' }),
    pickup: z.boolean().optional().openapi({ description: 'nearby: an item on sale in the note can be picked up' }),
    reason: Reason.optional(),
  })
  .openapi('FeedCard');

export const FeedPage = z.object({ items: z.array(FeedCard), nextCursor: z.string().nullable() }).openapi('FeedPage');
