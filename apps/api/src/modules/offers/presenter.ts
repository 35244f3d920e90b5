import type { OfferStatus } from '@jishi/shared';
import type { OfferRow } from './service.ts';

export type OfferBuyer = { id: string; displayName: string; avatarUrl: string | null };

export function presentOffer(
  o: OfferRow,
  viewerId: string,
  now: Date,
  item?: { title: string; price: number; coverUrl: string | null },
  buyer?: OfferBuyer,
) {
  const lapsed = o.status === 'accepted' && o.validUntil !== null && o.validUntil <= now;
  return {
    id: o.id,
    itemId: o.itemId,
    buyerId: o.buyerId,
    sellerId: o.sellerId,
    price: o.price,
    counterPrice: o.counterPrice,
    agreedPrice: o.agreedPrice,
    status: lapsed ? ('expired' as const) : (o.status as OfferStatus),
    // The buyer learns "declined"; only the seller learns it was their floor price that did it.
    declinedAutomatically: o.sellerId === viewerId ? o.decidedBy === 'floor' : undefined,
    validUntil: o.validUntil?.toISOString() ?? null,
    role: (o.sellerId === viewerId ? 'seller' : 'buyer') as 'seller' | 'buyer',
    // Whether the viewer has a decision to make: the seller on a pending offer, the buyer on a counter.
    yourTurn: (o.status === 'pending' && o.sellerId === viewerId) || (o.status === 'countered' && o.buyerId === viewerId),
    // Who made it: a received offer names its buyer (issue 15).
    ...(buyer ? { buyer } : {}),
    item: item ?? null,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}
