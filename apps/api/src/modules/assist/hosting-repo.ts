// Data access for smart hosting: the outbox of buyer messages to answer (hosting_tasks) and
// what a decision needs to know.
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';

type QueuedMessage = { id: string; conversationId: string; senderId: string | null; kind: string; offerId: string | null; autoReply: boolean };

/**
 * In the sender's transaction: a buyer's text or offer in a conversation about an item of the
 * other member with hosting on becomes a task. One statement, nothing when hosting is off.
 * The item is the offer's when the message is an offer, else the conversation's.
 */
export async function queueHosting(db: Executor, m: QueuedMessage): Promise<void> {
  if (!m.senderId || m.autoReply || (m.kind !== 'text' && m.kind !== 'offer')) return;
  await sql`
    INSERT INTO hosting_tasks (message_id, conversation_id, item_id)
    SELECT ${m.id}, c.id, i.id
      FROM conversations c
      JOIN items i ON i.id = COALESCE((SELECT item_id FROM offers WHERE id = ${m.offerId}), c.item_id)
     WHERE c.id = ${m.conversationId} AND i.hosting AND i.seller_id <> ${m.senderId} AND i.seller_id IN (c.user_a, c.user_b)
    ON CONFLICT (message_id) DO NOTHING`.execute(db);
}

export type HostingTask = { messageId: string; conversationId: string; itemId: string; attempts: number; createdAt: Date };

/** Takes up to `limit` open tasks for `leaseMs`; another process skips them meanwhile. */
export async function claimTasks(db: Executor, now: Date, leaseMs: number, limit: number): Promise<HostingTask[]> {
  const r = await sql<HostingTask>`
    UPDATE hosting_tasks SET claimed_until = ${new Date(now.getTime() + leaseMs)}, attempts = attempts + 1
     WHERE message_id IN (
       SELECT message_id FROM hosting_tasks
        WHERE done_at IS NULL AND (claimed_until IS NULL OR claimed_until < ${now})
        ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING message_id AS "messageId", conversation_id AS "conversationId", item_id AS "itemId", attempts, created_at AS "createdAt"`.execute(db);
  return r.rows;
}

/** Locks an open task for closing; undefined when another dispatcher closed it first. */
export const lockOpenTask = (db: Executor, messageId: string) =>
  db.selectFrom('hostingTasks').select('messageId').where('messageId', '=', messageId).where('doneAt', 'is', null).forUpdate().executeTakeFirst();

export const closeTask = (
  db: Executor,
  messageId: string,
  v: { outcome: 'answered' | 'accepted' | 'handover' | 'flagged' | 'skipped'; intents: string[]; reason: string | null; replyMessageId: string | null; at: Date },
) =>
  db
    .updateTable('hostingTasks')
    .set({ doneAt: v.at, outcome: v.outcome, intents: v.intents, reason: v.reason, replyMessageId: v.replyMessageId })
    .where('messageId', '=', messageId)
    .execute();

/** Everything one decision reads, in one round trip. */
export async function taskContext(db: Executor, t: HostingTask) {
  const r = await sql<{
    senderId: string | null; kind: string; text: string | null; offerId: string | null; sentAt: Date;
    sellerId: string; hosting: boolean; title: string; description: string; price: number; floorPrice: number | null;
    status: string; available: number; delivery: string[]; shippingFee: number; condition: string | null; locationLabel: string;
    flagged: boolean; sellerReplied: boolean;
  }>`
    SELECT m.sender_id AS "senderId", m.kind, m.text, m.offer_id AS "offerId", m.created_at AS "sentAt",
           i.seller_id AS "sellerId", i.hosting, i.title, i.description, i.price, i.floor_price AS "floorPrice",
           i.status, i.available, i.delivery, i.shipping_fee AS "shippingFee", i.condition, i.location_label AS "locationLabel",
           EXISTS (SELECT 1 FROM messages f WHERE f.conversation_id = m.conversation_id AND cardinality(f.warnings) > 0) AS flagged,
           EXISTS (SELECT 1 FROM messages s WHERE s.conversation_id = m.conversation_id AND s.sender_id = i.seller_id
                     AND s.id > m.id AND NOT s.auto_reply) AS "sellerReplied"
      FROM messages m JOIN items i ON i.id = ${t.itemId}
     WHERE m.id = ${t.messageId}`.execute(db);
  return r.rows[0];
}
export type TaskContext = NonNullable<Awaited<ReturnType<typeof taskContext>>>;

/** An unread handover about this conversation is enough: the seller is already called. */
export async function handoverPending(db: Executor, sellerId: string, conversationId: string): Promise<boolean> {
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM notifications
     WHERE recipient_id = ${sellerId} AND type = 'hosting_handover' AND read_at IS NULL AND data ->> 'conversationId' = ${conversationId}`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}
