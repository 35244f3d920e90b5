import { z } from '@hono/zod-openapi';
import { ORDER_STATUSES } from '@jishi/shared';
import { ItemCardSchema } from '../items/cards.ts';
import { Offer } from '../offers/routes.ts';

const Id = z.string().regex(/^[0-9a-f]{16}$/, 'an id');

export const CreateConversationBody = z.object({ peerId: Id, itemId: Id.optional() }).openapi('CreateConversationBody');

export const SendMessageBody = z
  .object({
    text: z.string().trim().min(1).max(1000).optional(),
    itemId: Id.optional(),
    mediaId: Id.optional(),
    offer: z.object({ price: z.number().int().min(0).max(100_000_000), itemId: Id.optional() }).optional(),
  })
  .refine((b) => [b.text, b.itemId, b.mediaId, b.offer].filter((v) => v !== undefined).length === 1, {
    message: 'send exactly one of text, itemId, mediaId or offer',
    path: ['text'],
  })
  .openapi('SendMessageBody');

export const MessageJson = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    senderId: z.string().nullable(),
    actorId: z.string().nullable().openapi({
      description: 'Whose act this is: the sender, or for a system card (senderId null) the member whose step it tells; null for the system\'s own (an expiry). Never unread for its actor.',
    }),
    kind: z.enum(['text', 'photo', 'item', 'offer', 'order']),
    text: z.string().optional(),
    // Live cards (the item, offer or order as it is now). A union, not .nullable(): on a
    // registered schema that makes the ref itself nullable.
    item: z.union([ItemCardSchema, z.null()]).optional().openapi({ description: 'kind item: the card; null once the item is gone' }),
    photo: z.object({ url: z.string(), width: z.number(), height: z.number() }).optional(),
    offer: Offer.optional(),
    order: z
      .object({
        id: z.string(),
        event: z.string().nullable().openapi({ description: 'The step this card tells (paid, shipped, …)' }),
        status: z.enum(ORDER_STATUSES),
        total: z.number().int(),
        itemTitle: z.string(),
        role: z.enum(['buyer', 'seller']).nullable(),
      })
      .optional(),
    warnings: z.array(z.string()),
    autoReply: z.boolean(),
    automatic: z.boolean().openapi({ description: 'Sent by smart hosting for the seller (API.md "Smart assistance")' }),
    createdAt: z.string(),
  })
  .openapi('Message');

export const ConversationJson = z
  .object({
    id: z.string(),
    peer: z.object({ id: z.string(), displayName: z.string(), avatarUrl: z.string().nullable() }),
    item: z.union([ItemCardSchema, z.null()]),
    unreadCount: z.number().int(),
    peerLastReadMessageId: z.string().nullable(),
    riskScore: z.number().int(),
    lastMessage: z.union([MessageJson, z.null()]),
    blocked: z.object({ byMe: z.boolean(), byPeer: z.boolean() }),
    createdAt: z.string(),
  })
  .openapi('Conversation');
