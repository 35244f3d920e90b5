// What an online order delivers (issue 15 item 5): the seller attaches it when marking the order
// delivered — a message, a code (a redeem code, a password), a link, photos (a commissioned
// drawing, a screenshot of a ticket). It is shown to the order's two parties only, in the order
// (GET /orders/:id is theirs alone), never in a listing. Photos stay private media (media/access.ts):
// the seller owns them, and the 'orders' grant below admits the order's buyer.
import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { Tx } from '../../db/index.ts';
import { unprocessable } from '../../lib/errors.ts';
import type { Guard } from '../../lib/idempotency.ts';
import { grantMediaAccess } from '../media/access.ts';
import { mediaUrl } from '../media/presenter.ts';
import { ownPhotoIds } from '../media/service.ts';
import type { OrderRow } from './repo.ts';

const Id = z.string().regex(/^[0-9a-f]{16}$/, 'an id');

export const DeliverBody = z
  .object({
    message: z.string().trim().min(1).max(2000).optional().openapi({ description: 'What the buyer should know or do' }),
    code: z.string().trim().min(1).max(200).optional().openapi({ description: 'A redeem code, a password, a ticket number' }),
    link: z
      .string().trim().max(500).url()
      .refine((u) => /^https?:\/\//i.test(u), 'an http(s) link')
      .optional()
      .openapi({ description: 'Where the delivered thing is (http or https)' }),
    mediaIds: z.array(Id).max(9).optional().openapi({ description: "The seller's own uploaded photos (POST /media); they stay private to the two parties" }),
  })
  .openapi('DeliverBody');

export type DeliverContent = z.infer<typeof DeliverBody>;
type Stored = { message?: string; code?: string; link?: string; mediaIds?: string[]; at: string };

/** Nothing attached: an empty body (API.md's plain deliver) delivers without content. */
export const hasContent = (c: DeliverContent | undefined): c is DeliverContent =>
  !!c && !!(c.message || c.code || c.link || c.mediaIds?.length);

/**
 * The deliver step (orders/service/fulfil.ts) records its answer with the guard as its last
 * write, in its transaction, after the state machine allowed the seller's step. The content is
 * written there, so it commits with the delivery or not at all, and the answer recorded for an
 * Idempotency-Key carries it.
 */
export function withDeliveryContent(guard: Guard<OrderRow>, content: DeliverContent | undefined, now: Date): Guard<OrderRow> {
  if (!hasContent(content)) return guard;
  return {
    ...guard,
    async record(tx: Tx, o: OrderRow, opts) {
      const ids = [...new Set(content.mediaIds ?? [])];
      const own = await ownPhotoIds(tx, o.sellerId, ids);
      if (own.size !== ids.length) {
        throw unprocessable('invalid_media', 'Attach photos you uploaded yourself.', { errors: [{ path: 'mediaIds', message: 'unknown photo' }] });
      }
      const stored: Stored = {
        ...(content.message ? { message: content.message } : {}),
        ...(content.code ? { code: content.code } : {}),
        ...(content.link ? { link: content.link } : {}),
        ...(ids.length ? { mediaIds: ids } : {}),
        at: now.toISOString(),
      };
      const updated = await tx
        .updateTable('orders').set({ deliveryContent: JSON.stringify(stored) })
        .where('id', '=', o.id).returningAll().executeTakeFirstOrThrow();
      await guard.record(tx, updated, opts);
    },
  };
}

export type DeliveryContentJson = {
  message: string | null;
  code: string | null;
  link: string | null;
  photos: { id: string; urls: { thumb: string; card: string; detail: string } }[];
  at: string;
};

export function presentDeliveryContent(raw: unknown): DeliveryContentJson | null {
  if (!raw || typeof raw !== 'object') return null;
  const c = raw as Stored;
  return {
    message: c.message ?? null,
    code: c.code ?? null,
    link: c.link ?? null,
    photos: (c.mediaIds ?? []).map((id) => ({ id, urls: { thumb: mediaUrl(id, 'thumb'), card: mediaUrl(id, 'card'), detail: mediaUrl(id, 'detail') } })),
    at: c.at,
  };
}

export const DeliveryContentJsonSchema = z
  .object({
    message: z.string().nullable(),
    code: z.string().nullable(),
    link: z.string().nullable(),
    photos: z.array(z.object({ id: z.string(), urls: z.object({ thumb: z.string(), card: z.string(), detail: z.string() }) })),
    at: z.string(),
  })
  .openapi('DeliveryContent');

/** The buyer of an order sees the photos its seller delivered (the seller owns them already). */
grantMediaAccess('orders', async (db, mediaId, viewer) => {
  const row = await db
    .selectFrom('orders').select('id')
    .where('buyerId', '=', viewer.id)
    .where('deliveryContent', 'is not', null)
    .where(sql<boolean>`delivery_content -> 'mediaIds' @> ${JSON.stringify([mediaId])}::jsonb`)
    .limit(1)
    .executeTakeFirst();
  return !!row;
});
