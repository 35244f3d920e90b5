// Request and response shapes of the community API (notes, comments, likes, collects, follows).
import { z } from '@hono/zod-openapi';
import { CATEGORY_KEYS } from '@jishi/shared';
import { LocationInput } from '../../lib/geo.ts';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../lib/pagination.ts';
import { RULE_KEYS, StallRules } from './stall-rules.ts';
import { charCount, MAX_TAG_CHARS, MAX_TAGS, normalizeTag } from './tags.ts';

export const Id = z.string().regex(/^[0-9a-f]{16}$/, 'an id');

/** Trimmed text counted in characters (code points), as PostgreSQL's char_length counts. */
const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .refine(
      (s) => charCount(s) >= min && charCount(s) <= max,
      min > 0 ? `${min}–${max} characters` : `at most ${max} characters`,
    )
    .openapi({ minLength: min, maxLength: max });

const uniqueIds = (max: number) =>
  z
    .array(Id)
    .max(max)
    .refine((a) => new Set(a).size === a.length, 'each id at most once');

const Tag = z
  .string()
  .max(100)
  .transform(normalizeTag)
  .refine(
    (t) => charCount(t) >= 1 && charCount(t) <= MAX_TAG_CHARS,
    `1–${MAX_TAG_CHARS} characters besides # and spaces`,
  );

export const NoteKind = z.enum(['note', 'stall', 'wanted']).openapi({
  description: 'note: ordinary note; stall: 电子地摊帖, the comments are an open flea market; wanted: 求购',
});

const noteFields = {
  title: text(1, 50),
  body: text(0, 2000),
  tags: z.array(Tag).max(MAX_TAGS).openapi({ description: 'Also collected from #话题 in the body; at most 10 in all' }),
  imageIds: uniqueIds(9).openapi({ description: 'Your own uploaded photos (POST /media), in display order' }),
  itemIds: uniqueIds(9).openapi({ description: 'Your own items, shown as live cards' }),
  location: LocationInput.openapi({ description: 'Stored to 3 decimals (~100 m); label is the city or area' }),
  kind: NoteKind,
};

export const NoteInput = z
  .object({
    title: noteFields.title,
    body: noteFields.body.default(''),
    tags: noteFields.tags.default([]),
    imageIds: noteFields.imageIds.default([]),
    itemIds: noteFields.itemIds.default([]),
    location: noteFields.location.nullable().optional(),
    kind: noteFields.kind.default('note'),
    wanted: z
      .object({
        maxPrice: z.number().int().min(0).max(100_000_000).optional().openapi({ description: 'fen' }),
        category: z.enum(CATEGORY_KEYS).optional(),
      })
      .optional()
      .openapi({ description: 'kind "wanted" only: the most you pay and the category, for matching items (GET /notes/:id/matches)' }),
  })
  .openapi('NoteInput');
export type NoteIn = z.infer<typeof NoteInput>;

export const NotePatch = z
  .object({
    title: noteFields.title.optional(),
    body: noteFields.body.optional(),
    tags: noteFields.tags.optional(),
    imageIds: noteFields.imageIds.optional(),
    itemIds: noteFields.itemIds.optional(),
    location: noteFields.location.nullable().optional().openapi({ description: 'null removes the location' }),
    kind: noteFields.kind.optional(),
  })
  .openapi('NotePatch');
export type NotePatchIn = z.infer<typeof NotePatch>;

export const CommentInput = z
  .object({
    body: text(0, 500).default(''),
    parentId: Id.optional().openapi({ description: 'Reply to this comment (a reply to a reply joins its thread)' }),
    itemId: Id.optional().openapi({ description: 'One of your items, posted as a card (借楼)' }),
    wanted: z
      .object({
        title: text(1, 50),
        maxPrice: z.number().int().min(0).max(100_000_000).optional().openapi({ description: 'fen' }),
      })
      .optional()
      .openapi({ description: 'A wanted request (求购)' }),
  })
  .refine((c) => c.body !== '' || c.wanted || c.itemId, {
    path: ['body'],
    message: 'write something, or attach an item or a wanted request',
  })
  .openapi('CommentInput');
export type CommentIn = z.infer<typeof CommentInput>;

export const PageQuery = z.object({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
});
export const CommentsQuery = PageQuery.extend({
  sort: z.enum(['newest', 'oldest']).default('newest'),
});

export const UserCard = z
  .object({ id: z.string(), displayName: z.string(), avatarUrl: z.string().nullable() })
  .openapi('UserCard');

export const MediaUrls = z.object({ thumb: z.string(), card: z.string(), detail: z.string() }).openapi('MediaUrls');
export const Image = z
  .object({ id: z.string(), width: z.number().int(), height: z.number().int(), urls: MediaUrls })
  .openapi('Image');

export const Location = z.object({ lat: z.number().nullable(), lng: z.number().nullable(), label: z.string() }).openapi('NoteLocation');

/** A live item card. The items module owns its shape; until it is wired, lists are empty. */
export const ItemCard = z.object({ id: z.string() }).catchall(z.unknown()).openapi('ItemCard');

const RuleText = z.object({ rule: z.enum(RULE_KEYS), 'zh-CN': z.string(), en: z.string() });
export const StallView = z
  .object({ rules: StallRules, ruleTexts: z.array(RuleText), closedAt: z.string().nullable() })
  .openapi('StallView');

export const Note = z
  .object({
    id: z.string(),
    kind: NoteKind,
    title: z.string(),
    body: z.string(),
    tags: z.array(z.string()),
    images: z.array(Image),
    location: Location.nullable(),
    author: UserCard.extend({ followedByMe: z.boolean() }),
    items: z.array(ItemCard),
    likeCount: z.number().int(),
    collectCount: z.number().int(),
    commentCount: z.number().int(),
    likedByMe: z.boolean(),
    collectedByMe: z.boolean(),
    stall: StallView.nullable().openapi({ description: 'kind "stall" only: the host’s rules for item comments and whether the stall is closed' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Note');

export const Reply = z
  .object({
    id: z.string(),
    noteId: z.string(),
    parentId: z.string().nullable(),
    // A union, not .nullable(): on a registered schema that makes the ref itself nullable.
    author: z.union([UserCard, z.null()]).openapi({ description: 'null once deleted' }),
    replyToUser: z.union([UserCard, z.null()]).openapi({ description: 'Whom a reply to a reply answers' }),
    body: z.string().openapi({ description: 'Empty once deleted; show "该评论已删除"' }),
    deleted: z.boolean(),
    wanted: z.object({ title: z.string(), maxPrice: z.number().int().nullable() }).nullable(),
    item: z.union([ItemCard, z.null()]),
    pinned: z.boolean().openapi({ description: 'Pinned by the stall host (shown first)' }),
    canDelete: z.boolean().openapi({ description: 'The viewer wrote it or hosts the note' }),
    createdAt: z.string(),
  })
  .openapi('Reply');
export const Comment = Reply.extend({
  replyCount: z.number().int().openapi({ description: 'Visible replies' }),
  replies: z.array(Reply).openapi({ description: 'The first 3 replies, oldest first' }),
}).openapi('Comment');

export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(name);

export const FollowUser = UserCard.extend({ followedByMe: z.boolean(), followedAt: z.string() }).openapi('FollowUser');
