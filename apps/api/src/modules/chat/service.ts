import { withTx } from '../../db/index.ts';
import { queueHosting } from '../assist/index.ts';
import { forbidden, notFound, unprocessable } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import { makeOffer } from '../offers/service.ts';
import { checkRepeatOffender } from '../trust/repeat-offender.ts';
import { assertNotRestricted } from '../admin/restrictions.ts';
import { scanSent } from '../trust/scam-shield.ts';
import { type MessageRow, presentMessages } from './presenter.ts';
import { publishMessage } from './publish.ts';
import { sendTextGrouped } from './group-send.ts';
import { type Gate, type GateArgs, findOrCreateConversation, insertMessage, sendGate } from './repo.ts';

/** Messages to a member who has neither replied nor followed back, without asking about one of their items on sale (the default of the setting coldMessages). */
export const COLD_MESSAGES = 1;

/**
 * A conversation is about an item of one of its two members, or none: citing a stranger's
 * item (or one's own) must not look like a question to the seller. Only a party sets it — the
 * caller is always one — and only the peer's item on sale opens the cold-message limit.
 */
export async function openConversation(deps: Deps, me: string, peerId: string, itemId?: string) {
  if (peerId === me) throw unprocessable('cannot_message_self', 'You cannot message yourself.');
  await assertNotRestricted(deps, me, 'messaging');
  const peer = await deps.db.selectFrom('users').select(['id', 'status']).where('id', '=', peerId).executeTakeFirst();
  if (peer?.status !== 'active') throw notFound('member');
  if (itemId) await assertItemOfPair(deps, itemId, [me, peerId], 'itemId');
  return findOrCreateConversation(deps.db, me, peerId, itemId ?? null);
}

async function assertItemOfPair(deps: Deps, itemId: string, pair: [string, string], path: string) {
  const item = await deps.db.selectFrom('items').select('sellerId').where('id', '=', itemId).executeTakeFirst();
  if (!item) throw notFound('item');
  if (!pair.includes(item.sellerId)) {
    const detail = 'Only an item of one of you two can be the subject here.';
    throw unprocessable('item_not_in_conversation', detail, { errors: [{ path, message: detail }] });
  }
}

export async function loadMembership(deps: Deps, me: string, conversationId: string) {
  const c = await deps.db.selectFrom('conversations').selectAll().where('id', '=', conversationId).executeTakeFirst();
  // A stranger learns nothing, not even that the conversation exists.
  if (!c || (c.userA !== me && c.userB !== me)) throw notFound('conversation');
  return { conversation: c, peerId: c.userA === me ? c.userB : c.userA };
}

type Body = { text?: string; itemId?: string; mediaId?: string; offer?: { price: number; itemId?: string } };

export async function sendMessage(deps: Deps, me: string, conversationId: string, body: Body) {
  const ask: GateArgs = { me, conversationId, sentItem: body.itemId ?? null, now: deps.clock.now(), cold: deps.config.coldMessages };
  // The scam shield reads every text before it is stored (no database: a refused send costs only this).
  const scan = body.text ? scanSent(body.text) : { warnings: [], score: 0 };
  let gate: Gate | undefined;
  if (body.text && !body.mediaId && !body.itemId && !body.offer && !scan.warnings.length) {
    // A plain text without warnings: the gate and the message in ONE statement, which stores it
    // only when the gate lets it through with nothing more to do (no moderator's limit, no smart
    // hosting). Otherwise nothing is stored and the same gate answers below, as for any send.
    // Sends arriving together share that statement (group-send.ts), each with its own gate.
    const sent = await sendTextGrouped(deps.db, ask, { text: body.text, riskScore: scan.score });
    if (sent?.message) {
      const [mine] = await publishMessage(deps, sent.message, [me, sent.gate.peer]);
      return mine as NonNullable<typeof mine>;
    }
    gate = sent?.gate;
  } else gate = await sendGate(deps.db, ask);
  if (!gate) throw notFound('conversation');
  // 403 messaging_restricted while a moderator's limit runs (the gate says whether one does).
  if (gate.restricted) await assertNotRestricted(deps, me, 'messaging');
  const peerId = gate.peer;
  if (gate.blockedByPeer) throw forbidden('blocked', 'This member does not accept messages from you.');
  if (gate.blockedByMe) throw forbidden('you_blocked', 'You blocked this member; unblock them to write.');
  if (!gate.open) throw forbidden('cold_message_limit', 'Wait for a reply: this member has not answered or followed you yet.');
  if (body.itemId && !gate.sentItemExists) throw notFound('item');
  if (scan.warnings.length) await checkRepeatOffender(deps, me);
  if (body.mediaId) {
    const m = await deps.db.selectFrom('media').select('id').where('id', '=', body.mediaId).where('ownerId', '=', me).where('kind', '=', 'photo').executeTakeFirst();
    if (!m) throw unprocessable('invalid_media', 'That photo is not one you uploaded.', { errors: [{ path: 'mediaId', message: 'unknown photo' }] });
  }
  let row: MessageRow;
  if (body.offer) {
    const itemId = body.offer.itemId ?? gate.itemId;
    if (!itemId) throw unprocessable('no_item', 'Say which item the offer is for.', { errors: [{ path: 'offer.itemId', message: 'required' }] });
    // The peer's item (an offer on one's own is refused by makeOffer: 403 own_item); never a third member's.
    await assertItemOfPair(deps, itemId, [me, peerId], 'offer.itemId');
    // The offer posts its own card here (offers/card.ts) and pushes it to both sides.
    const offer = await makeOffer(deps, me, itemId, body.offer.price, { conversationId });
    row = offer.card as MessageRow;
    const [mine] = await presentMessages(deps.db, [row], me, deps.clock.now());
    return mine as NonNullable<typeof mine>;
  }
  // The message and, for a question about a hosted item, its smart-hosting task commit together
  // (assist/hosting.ts answers it after this returns, on whichever process claims it first).
  // Without one (the gate says), the message is one statement, atomic on its own.
  const newMessage = {
    conversationId,
    senderId: me,
    kind: body.text ? 'text' : body.mediaId ? 'photo' : 'item',
    text: body.text ?? null,
    mediaId: body.mediaId ?? null,
    itemId: body.itemId ?? null,
    warnings: scan.warnings,
    riskScore: scan.score,
  } as const;
  if (!(gate.hosted && body.text)) row = await insertMessage(deps.db, newMessage);
  else row = await withTx(deps.db, async (tx) => {
    const m = await insertMessage(tx, newMessage);
    await queueHosting(tx, m);
    return m;
  });
  const [mine] = await publishMessage(deps, row, [me, peerId]);
  return mine as NonNullable<typeof mine>;
}

export async function markRead(deps: Deps, me: string, conversationId: string) {
  const { conversation, peerId } = await loadMembership(deps, me, conversationId);
  await deps.db
    .updateTable('conversationMembers').set({ unreadCount: 0, lastReadMessageId: conversation.lastMessageId })
    .where('conversationId', '=', conversationId).where('userId', '=', me).execute();
  await deps.hub.publish(deps.db, [peerId, me], { type: 'read', conversationId, userId: me, messageId: conversation.lastMessageId });
}
