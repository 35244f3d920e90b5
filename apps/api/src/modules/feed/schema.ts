import { z } from '@hono/zod-openapi';
import { ItemCard, NoteKind, PageQuery, UserCard } from '../notes/schema.ts';

export const FeedQuery = PageQuery.extend({
  tab: z.enum(['latest', 'following', 'nearby', 'recommended']).default('latest').openapi({
    description:
      'latest: everyone, newest first; following: members you follow (sign in). nearby and recommended: 400 `unsupported_tab` for now.',
  }),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
});

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
  })
  .openapi('FeedCard');

export const FeedPage = z.object({ items: z.array(FeedCard), nextCursor: z.string().nullable() }).openapi('FeedPage');
