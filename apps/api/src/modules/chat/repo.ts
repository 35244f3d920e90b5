import type { Executor, Tx } from '../../db/index.ts';

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

/** Inserts a message and moves the conversation: last message, inbox order, the peer's unread count. */
export async function insertMessage(tx: Tx, m: NewMessage) {
  const row = await tx.insertInto('messages').values({ ...m, warnings: m.warnings ?? [] }).returningAll().executeTakeFirstOrThrow();
  await tx
    .updateTable('conversations')
    .set((eb) => ({ lastMessageId: row.id, lastMessageAt: row.createdAt, riskScore: eb('riskScore', '+', m.riskScore ?? 0) }))
    .where('id', '=', m.conversationId)
    .execute();
  await tx.updateTable('conversationMembers').set({ sortKey: row.id }).where('conversationId', '=', m.conversationId).execute();
  let unread = tx.updateTable('conversationMembers').set((eb) => ({ unreadCount: eb('unreadCount', '+', 1) })).where('conversationId', '=', m.conversationId);
  if (m.senderId) unread = unread.where('userId', '<>', m.senderId);
  await unread.execute();
  return row;
}

export async function blockState(db: Executor, me: string, peer: string) {
  const rows = await db
    .selectFrom('blocks').select(['blockerId'])
    .where((eb) => eb.or([eb.and([eb('blockerId', '=', me), eb('blockedId', '=', peer)]), eb.and([eb('blockerId', '=', peer), eb('blockedId', '=', me)])]))
    .execute();
  return { byMe: rows.some((r) => r.blockerId === me), byPeer: rows.some((r) => r.blockerId === peer) };
}
