import { sql } from 'kysely';
import { withTx } from '../../db/index.ts';
import { forbidden, notFound, tooManyRequests, unprocessable } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import { makeOffer } from '../offers/service.ts';
import { scanText } from '../trust/scam-shield.ts';
import { presentMessages } from './presenter.ts';
import { blockState, findOrCreateConversation, insertMessage } from './repo.ts';

/** Flagged messages a sender may send in 24 hours before further flagged ones are refused. */
export const FLAGGED_PER_DAY = 5;
/** Messages to a member who has neither replied nor followed back, without an item on sale. */
export const COLD_MESSAGES = 1;

export async function openConversation(deps: Deps, me: string, peerId: string, itemId?: string) {
  if (peerId === me) throw unprocessable('cannot_message_self', 'You cannot message yourself.');
  const peer = await deps.db.selectFrom('users').select(['id', 'status']).where('id', '=', peerId).executeTakeFirst();
  if (!peer || peer.status !== 'active') throw notFound('member');
  if (itemId && !(await deps.db.selectFrom('items').select('id').where('id', '=', itemId).executeTakeFirst())) throw notFound('item');
  return findOrCreateConversation(deps.db, me, peerId, itemId ?? null);
}

export async function loadMembership(deps: Deps, me: string, conversationId: string) {
  const c = await deps.db.selectFrom('conversations').selectAll().where('id', '=', conversationId).executeTakeFirst();
  // A stranger learns nothing, not even that the conversation exists.
  if (!c || (c.userA !== me && c.userB !== me)) throw notFound('conversation');
  return { conversation: c, peerId: c.userA === me ? c.userB : c.userA };
}

type Body = { text?: string; itemId?: string; mediaId?: string; offer?: { price: number; itemId?: string } };

export async function sendMessage(deps: Deps, me: string, conversationId: string, body: Body) {
  const { conversation, peerId } = await loadMembership(deps, me, conversationId);
  const blocks = await blockState(deps.db, me, peerId);
  if (blocks.byPeer) throw forbidden('blocked', 'This member does not accept messages from you.');
  if (blocks.byMe) throw forbidden('you_blocked', 'You blocked this member; unblock them to write.');
  await checkColdLimit(deps, me, peerId, conversation.id, conversation.itemId, body.itemId);
  const scan = body.text ? scanText(body.text) : { warnings: [], score: 0 };
  if (scan.warnings.length) await checkRepeatOffender(deps, me);
  if (body.mediaId) {
    const m = await deps.db.selectFrom('media').select('id').where('id', '=', body.mediaId).where('ownerId', '=', me).where('kind', '=', 'photo').executeTakeFirst();
    if (!m) throw unprocessable('invalid_media', 'That photo is not one you uploaded.', { errors: [{ path: 'mediaId', message: 'unknown photo' }] });
  }
  if (body.itemId && !(await deps.db.selectFrom('items').select('id').where('id', '=', body.itemId).executeTakeFirst())) throw notFound('item');
  let offerId: string | null = null;
  if (body.offer) {
    const itemId = body.offer.itemId ?? conversation.itemId;
    if (!itemId) throw unprocessable('no_item', 'Say which item the offer is for.', { errors: [{ path: 'offer.itemId', message: 'required' }] });
    offerId = (await makeOffer(deps, me, itemId, body.offer.price)).id;
  }
  const row = await withTx(deps.db, (tx) =>
    insertMessage(tx, {
      conversationId,
      senderId: me,
      kind: body.text ? 'text' : body.mediaId ? 'photo' : body.itemId ? 'item' : 'offer',
      text: body.text ?? null,
      mediaId: body.mediaId ?? null,
      itemId: body.itemId ?? null,
      offerId,
      warnings: scan.warnings,
      riskScore: scan.score,
    }),
  );
  // Cards read differently for each side (an offer's role, the seller's floor note): present per viewer.
  const [mine] = await presentMessages(deps.db, [row], me, deps.clock.now());
  const [theirs] = await presentMessages(deps.db, [row], peerId, deps.clock.now());
  await deps.hub.publish(deps.db, [me], { type: 'message', conversationId, message: mine });
  await deps.hub.publish(deps.db, [peerId], { type: 'message', conversationId, message: theirs });
  return mine as NonNullable<typeof mine>;
}

async function checkColdLimit(deps: Deps, me: string, peerId: string, conversationId: string, contextItem: string | null, sentItem?: string) {
  // Asking about an item on sale is always allowed.
  const itemIds = [contextItem, sentItem].filter((v): v is string => !!v);
  if (itemIds.length) {
    const onSale = await deps.db.selectFrom('items').select('id').where('id', 'in', itemIds).where('status', '=', 'on_sale').executeTakeFirst();
    if (onSale) return;
  }
  // A reply, a follow-back, or any trade between the two (an order or an offer) opens the door.
  const row = await sql<{ replied: boolean; follows: boolean; mine: number }>`
    SELECT (EXISTS (SELECT 1 FROM messages WHERE conversation_id = ${conversationId} AND sender_id = ${peerId})
         OR EXISTS (SELECT 1 FROM orders WHERE (buyer_id = ${me} AND seller_id = ${peerId}) OR (buyer_id = ${peerId} AND seller_id = ${me}))
         OR EXISTS (SELECT 1 FROM offers WHERE (buyer_id = ${me} AND seller_id = ${peerId}) OR (buyer_id = ${peerId} AND seller_id = ${me}))) AS replied,
           EXISTS (SELECT 1 FROM follows WHERE follower_id = ${peerId} AND followee_id = ${me}) AS follows,
           (SELECT count(*) FROM messages WHERE conversation_id = ${conversationId} AND sender_id = ${me})::int AS mine`.execute(deps.db);
  const r = row.rows[0];
  if (r && !r.replied && !r.follows && r.mine >= COLD_MESSAGES) {
    throw forbidden('cold_message_limit', 'Wait for a reply: this member has not answered or followed you yet.');
  }
}

async function checkRepeatOffender(deps: Deps, me: string) {
  const since = new Date(deps.clock.now().getTime() - 86_400_000);
  const { n } = await deps.db
    .selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('senderId', '=', me).where('createdAt', '>', since).where(sql<boolean>`cardinality(warnings) > 0`)
    .executeTakeFirstOrThrow();
  if (n < FLAGGED_PER_DAY) return;
  // Surface the sender to moderators once, then refuse further lures for a while.
  const open = await deps.db.selectFrom('reports').select('id').where('reporterId', 'is', null).where('targetType', '=', 'user').where('targetId', '=', me).where('status', '=', 'open').executeTakeFirst();
  if (!open) {
    await deps.db.insertInto('reports').values({ reporterId: null, targetType: 'user', targetId: me, reason: 'off_platform', detail: `scam shield: more than ${FLAGGED_PER_DAY} flagged messages in 24 hours` }).execute();
  }
  throw tooManyRequests('sending_limited', 3600, 'Several of your messages looked like off-platform contact or payment. Please keep trades on Jishi; you can send other messages.');
}

export async function markRead(deps: Deps, me: string, conversationId: string) {
  const { conversation, peerId } = await loadMembership(deps, me, conversationId);
  await deps.db
    .updateTable('conversationMembers').set({ unreadCount: 0, lastReadMessageId: conversation.lastMessageId })
    .where('conversationId', '=', conversationId).where('userId', '=', me).execute();
  await deps.hub.publish(deps.db, [peerId, me], { type: 'read', conversationId, userId: me, messageId: conversation.lastMessageId });
}
