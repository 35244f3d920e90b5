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
  const r = await sql<Selectable<Messages>>`/*prepared:chat_insert_message*/
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

// Reads for the inbox and the message list (routes and their presenter).

export const conversationsByIds = (db: Executor, ids: string[]) =>
  ids.length ? db.selectFrom('conversations').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);

export const messagesByIds = (db: Executor, ids: string[]) =>
  ids.length ? db.selectFrom('messages').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);

/** The member's side of a conversation (unread count, peer); throws when they are not in it. */
export const findMembership = (db: Executor, conversationId: string, me: string) =>
  db.selectFrom('conversationMembers').select(['conversationId', 'unreadCount', 'peerId'])
    .where('conversationId', '=', conversationId).where('userId', '=', me).executeTakeFirstOrThrow();

/** One page of the member's inbox, most recently active first (keyset on sort_key). */
export function listMemberships(db: Executor, me: string, after: string | undefined, limit: number) {
  let query = db.selectFrom('conversationMembers').select(['conversationId', 'unreadCount', 'peerId', 'sortKey']).where('userId', '=', me);
  if (after) query = query.where('sortKey', '<', after);
  return query.orderBy('sortKey', 'desc').limit(limit + 1).execute();
}

export async function unreadTotal(db: Executor, me: string) {
  const total = await db.selectFrom('conversationMembers').select(sql<number>`coalesce(sum(unread_count), 0)`.as('n')).where('userId', '=', me).executeTakeFirstOrThrow();
  return Number(total.n);
}

/** Read receipts: the newest message each peer has seen, by conversation. */
export async function peerReadMarks(db: Executor, conversationIds: string[], me: string) {
  const rows = await db
    .selectFrom('conversationMembers').select(['conversationId', 'lastReadMessageId'])
    .where('conversationId', 'in', conversationIds).where('userId', '<>', me).execute();
  return new Map(rows.map((p) => [p.conversationId, p.lastReadMessageId]));
}

/** Every block the member made or is under. */
export const blocksInvolving = (db: Executor, me: string) =>
  db.selectFrom('blocks').selectAll().where((eb) => eb.or([eb('blockerId', '=', me), eb('blockedId', '=', me)])).execute();

/**
 * One page of a conversation's messages for a member (a message a moderator hid stays only with
 * its sender): with `newerThan`, the messages after it, oldest first; else newest first before `before`.
 */
export function listMessages(db: Executor, conversationId: string, me: string, q: { newerThan?: string; before?: string; limit: number }) {
  let query = db
    .selectFrom('messages').selectAll().where('conversationId', '=', conversationId)
    .where((eb) => eb.or([eb('hiddenAt', 'is', null), eb('senderId', '=', me)]));
  if (q.newerThan) return query.where('id', '>', q.newerThan).orderBy('id', 'asc').limit(q.limit + 1).execute();
  if (q.before) query = query.where('id', '<', q.before);
  return query.orderBy('id', 'desc').limit(q.limit + 1).execute();
}
