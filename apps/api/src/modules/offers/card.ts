// An offer's card in the chat (issue 15): one message of kind 'offer' from the buyer, in the
// pair's one conversation (made if missing, now about the offered item). An offer is only ever
// on the peer's item on sale, so it opens the conversation as a question about that item would
// under the cold-message rule (chat/service.ts). The card reads the offer live: decisions and
// the 24-hour lapse show on it without another message.
import type { Tx } from '../../db/index.ts';
import { queueHosting } from '../assist/index.ts';
import { findOrCreateConversation, insertMessage } from '../chat/index.ts';
import type { OfferRow } from './service.ts';

export async function postOfferCard(tx: Tx, offer: OfferRow, conversationId?: string) {
  const convId = conversationId ?? (await findOrCreateConversation(tx, offer.buyerId, offer.sellerId, offer.itemId)).conversation.id;
  const m = await insertMessage(tx, { conversationId: convId, senderId: offer.buyerId, kind: 'offer', offerId: offer.id });
  // Smart hosting answers an offer card as it answers a question (assist/hosting.ts).
  await queueHosting(tx, m);
  return m;
}
