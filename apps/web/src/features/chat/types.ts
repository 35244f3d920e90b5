// The chat API's shapes (API.md "Chat"), as the generated client types them. Cards are live:
// an item card shows today's price and stock, an offer card its current state, an order card
// the order's current status. Money is integer fen.
import type { Ok, Schemas } from '../../lib/api.ts';

export type Message = Schemas['Message'];
export type Conversation = Schemas['Conversation'];
export type ChatItemCard = Schemas['ItemCard'];
export type ChatOffer = Schemas['Offer'];
export type ChatOrder = NonNullable<Message['order']>;
export type WarningCode = Message['warnings'][number];
export type InboxPage = Ok<'/api/v1/conversations'>;
export type MessagePage = Ok<'/api/v1/conversations/{id}/messages'>;

/** One of these per send: text, an item card, a photo, or an offer on the conversation's item. */
export type SendBody =
  | { text: string }
  | { itemId: string }
  | { mediaId: string }
  | { offer: { price: number; itemId?: string } };

export type ReportReason = Schemas['ReportBody']['reason'];
export const REPORT_REASONS: readonly ReportReason[] = [
  'scam',
  'off_platform',
  'harassment',
  'spam',
  'prohibited',
  'counterfeit',
  'other',
];

/** What the socket says (apps/api/src/modules/chat/ws.ts and the hub); not in the OpenAPI document. */
export type SocketEvent =
  | { type: 'hello'; userId: string }
  | { type: 'pong' }
  | { type: 'message'; conversationId: string; message: Message }
  | { type: 'read'; conversationId: string; userId: string; messageId: string | null }
  | { type: 'order'; orderId: string; status: string; event: string }
  // An offer was accepted, declined, countered or withdrawn: both sides' cards follow.
  | { type: 'offer'; offer: ChatOffer };
