// The chat API's shapes (API.md "Chat"; apps/api/src/modules/chat/{schema,presenter}.ts).
// Cards are live: an item card shows today's price and stock, an offer card its current
// state, an order card the order's current status. Money is integer fen.
import type { ItemStatus } from '@jishi/shared';

export type ChatItemCard = {
  id: string;
  sellerId: string;
  title: string;
  price: number;
  available: number;
  /** Units held by orders not paid yet: with `available` 0 the item is sold_out but may come back. */
  held: number;
  quantity: number;
  status: ItemStatus;
  free: boolean;
  delivery: string[];
  shippingFee: number;
  coverUrl: string | null;
  coverThumbUrl: string | null;
};

export type ChatOfferStatus = 'pending' | 'countered' | 'accepted' | 'declined' | 'withdrawn' | 'expired' | 'used';

export type ChatOffer = {
  id: string;
  itemId: string;
  buyerId: string;
  sellerId: string;
  price: number;
  counterPrice: number | null;
  agreedPrice: number | null;
  status: ChatOfferStatus;
  declinedAutomatically?: boolean;
  validUntil: string | null;
  item: { title: string; price: number; coverUrl: string | null } | null;
};

export type ChatOrder = {
  id: string;
  event: string | null;
  status: string;
  total: number;
  itemTitle: string;
  role: 'buyer' | 'seller' | null;
};

export type WarningCode = 'off_platform_contact' | 'deposit_request' | 'external_payment' | 'suspicious_link' | string;

export type Message = {
  id: string;
  conversationId: string;
  /** null: a system message (order cards). */
  senderId: string | null;
  /** Whose act it is: the sender, or the member whose step a system card tells; null: the system's own. */
  actorId?: string | null;
  kind: 'text' | 'photo' | 'item' | 'offer' | 'order';
  text?: string;
  item?: ChatItemCard | null;
  photo?: { url: string; width: number; height: number };
  offer?: ChatOffer;
  order?: ChatOrder;
  warnings: WarningCode[];
  autoReply: boolean;
  /** Sent by smart hosting for the seller (API.md "Smart assistance"). */
  automatic: boolean;
  createdAt: string;
};

export type Conversation = {
  id: string;
  peer: { id: string; displayName: string; avatarUrl: string | null };
  item: ChatItemCard | null;
  unreadCount: number;
  riskScore: number;
  lastMessage: Message | null;
  blocked: { byMe: boolean; byPeer: boolean };
  createdAt: string;
};

export type InboxPage = { items: Conversation[]; nextCursor: string | null; unreadTotal: number };
export type MessagePage = { items: Message[]; nextCursor: string | null };

/** One of these per send: text, an item card, a photo, or an offer on the conversation's item. */
export type SendBody =
  | { text: string }
  | { itemId: string }
  | { mediaId: string }
  | { offer: { price: number; itemId?: string } };

export type ReportReason = 'scam' | 'off_platform' | 'harassment' | 'spam' | 'prohibited' | 'counterfeit' | 'other';
export const REPORT_REASONS: readonly ReportReason[] = [
  'scam',
  'off_platform',
  'harassment',
  'spam',
  'prohibited',
  'counterfeit',
  'other',
];

/** What the socket says (apps/api/src/modules/chat/ws.ts and the hub). */
export type SocketEvent =
  | { type: 'hello'; userId: string }
  | { type: 'pong' }
  | { type: 'message'; conversationId: string; message: Message }
  | { type: 'read'; conversationId: string; userId: string; messageId: string | null }
  | { type: 'order'; orderId: string; status: string; event: string }
  // An offer was accepted, declined, countered or withdrawn: both sides' cards follow.
  | { type: 'offer'; offer: ChatOffer };
