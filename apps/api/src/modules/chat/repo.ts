import { type Selectable, sql } from 'kysely';
import type { Messages } from '../../db/types.ts';
import type { Executor, } from '../../db/index.ts';

export const pairOf = (x: string, y: string) => (x < y ? { userA: x, userB: y } : { userA: y, userB: x });

/** The one conversation of a pair, made if missing. Races resolve on the unique pair index. */
export async function findOrCreateConversation(db: Executor, me: string, peer: string, itemId: string | null) {
  const pair = pairOf(me, peer);
  const existing = await db.selectFrom('conversations').selectAll().where('userA', '=', pair.userA).where('userB', '=', pair.userB).executeTakeFirst();
  if (existing) {
    if (itemId && existing.itemId !== itemId) {
      // A new question about another item: the conversation is now about that item.
      return { conversation: await db.updateTable('conversations').set({ itemId }).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow(), created: false };
    }
    return { conversation: existing, created: false };
  }
  const inserted = await db
    .insertInto('conversations').values({ ...pair, itemId })
    .onConflict((oc) => oc.columns(['userA', 'userB']).doNothing())
    .returningAll().executeTakeFirst();
  if (!inserted) return findOrCreateConversation(db, me, peer, itemId);
  await db
    .insertInto('conversationMembers')
    .values([
      { conversationId: inserted.id, userId: me, peerId: peer, sortKey: inserted.id },
      { conversationId: inserted.id, userId: peer, peerId: me, sortKey: inserted.id },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
  return { conversation: inserted, created: true };
}

export type NewMessage = {
  conversationId: string;
  senderId: string | null;
  /** A system card's actor: whose step it tells (not unread for them). A sender is their own actor. */
  actorId?: string | null;
  kind: 'text' | 'photo' | 'item' | 'offer' | 'order';
  text?: string | null;
  mediaId?: string | null;
  itemId?: string | null;
  offerId?: string | null;
  orderId?: string | null;
  orderStatus?: string | null;
  warnings?: string[];
  riskScore?: number;
  autoReply?: boolean;
};

/**
 * Inserts a message and moves the conversation — last message, inbox order, the peer's unread
 * count — in one statement, so it is atomic without a transaction and costs one round trip.
 * Unread is only what someone else (or the system) did: never my message, never a card of my step.
 */
export async function insertMessage(db: Executor, m: NewMessage) {
  const r = await sql<Selectable<Messages>>`
    WITH m AS (
      INSERT INTO messages (conversation_id, sender_id, actor_id, kind, text, media_id, item_id, offer_id, order_id, order_status, warnings, risk_score, auto_reply)
      VALUES (${m.conversationId}, ${m.senderId}, ${m.actorId ?? null}, ${m.kind}, ${m.text ?? null}, ${m.mediaId ?? null}, ${m.itemId ?? null}, ${m.offerId ?? null},
              ${m.orderId ?? null}, ${m.orderStatus ?? null}, ${m.warnings ?? []}::text[], ${m.riskScore ?? 0}, ${m.autoReply ?? false})
      RETURNING *
    ), c AS (
      UPDATE conversations SET last_message_id = m.id, last_message_at = m.created_at, risk_score = conversations.risk_score + m.risk_score
      FROM m WHERE conversations.id = m.conversation_id
    ), mem AS (
      UPDATE conversation_members SET sort_key = m.id,
        unread_count = unread_count + CASE WHEN m.sender_id IS DISTINCT FROM conversation_members.user_id
          AND m.actor_id IS DISTINCT FROM conversation_members.user_id THEN 1 ELSE 0 END
      FROM m WHERE conversation_members.conversation_id = m.conversation_id
    )
    SELECT id, conversation_id AS "conversationId", sender_id AS "senderId", actor_id AS "actorId", kind, text, media_id AS "mediaId", item_id AS "itemId",
           offer_id AS "offerId", order_id AS "orderId", order_status AS "orderStatus", warnings, risk_score AS "riskScore",
           auto_reply AS "autoReply", created_at AS "createdAt"
    FROM m`.execute(db);
  return r.rows[0] as Selectable<Messages>;
}

export async function blockState(db: Executor, me: string, peer: string) {
  const rows = await db
    .selectFrom('blocks').select(['blockerId'])
    .where((eb) => eb.or([eb.and([eb('blockerId', '=', me), eb('blockedId', '=', peer)]), eb.and([eb('blockerId', '=', peer), eb('blockedId', '=', me)])]))
    .execute();
  return { byMe: rows.some((r) => r.blockerId === me), byPeer: rows.some((r) => r.blockerId === peer) };
}
