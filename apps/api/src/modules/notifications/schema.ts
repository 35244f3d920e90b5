// Notifications: the kinds, the request shapes and the OpenAPI schema of an entry.
import { z } from '@hono/zod-openapi';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../lib/pagination.ts';

/**
 * Every kind of notification. The web app has a text per kind (i18n `notifications.types`);
 * add a kind here and there together.
 */
export const NOTIFICATION_TYPES = [
  // community
  'comment', 'reply', 'like', 'collect', 'follow',
  // offers and orders
  'offer_received', 'offer_answered',
  'order_paid', 'order_shipped', 'order_delivered', 'order_completed', 'order_cancelled',
  // the reservation deposit (定金托管)
  'order_reserved', 'order_no_show', 'order_reservation_expired', 'order_deposit_settled',
  // after-sale and the jury (小法庭)
  'aftersale_opened', 'aftersale_answered', 'aftersale_escalated', 'aftersale_decided', 'jury_duty',
  // discovery, moderation, smart hosting
  'wanted_match', 'price_drop', 'saved_search', 'report_outcome', 'moderation_notice', 'hosting_handover',
] as const;

export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** Kinds that merge while unread: one entry per note (or per member for follows) and day. */
export const GROUPED_TYPES: ReadonlySet<NotificationType> = new Set(['like', 'collect', 'follow']);

const Id = z.string().regex(/^[0-9a-f]{16}$/, 'an id');

export const ListQuery = z.object({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
});

export const ReadBody = z
  .object({ ids: z.array(Id).max(MAX_LIMIT).optional() })
  .openapi('NotificationsReadBody', { description: 'Which to mark read; all of the caller’s when `ids` is absent.' });

const UserCard = z.object({ id: z.string(), displayName: z.string(), avatarUrl: z.string().nullable() });
const Thing = z.object({ id: z.string(), title: z.string(), coverUrl: z.string().nullable() });

export const Notification = z
  .object({
    id: z.string(),
    type: z.enum(NOTIFICATION_TYPES),
    createdAt: z.string().openapi({ description: 'The latest activity (a group moves up when someone joins it).' }),
    readAt: z.string().nullable(),
    actors: z.array(UserCard).openapi({ description: 'The most recent few, newest first; empty for the system.' }),
    count: z.number().int().openapi({ description: 'Distinct members in the entry: "3 人赞了你的笔记".' }),
    note: Thing.nullable(),
    comment: z.object({ id: z.string(), excerpt: z.string().nullable() }).nullable(),
    item: Thing.nullable(),
    orderId: z.string().nullable(),
    offerId: z.string().nullable(),
    caseId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi('Notification');

export const NotificationPage = z
  .object({ items: z.array(Notification), nextCursor: z.string().nullable(), unreadCount: z.number().int() })
  .openapi('NotificationPage');

export const UnreadCount = z.object({ unreadCount: z.number().int() }).openapi('NotificationUnreadCount');

export type NotificationOut = z.infer<typeof Notification>;
