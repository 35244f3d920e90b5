import { presentDeliveryContent } from './delivery.ts';
import type { OrderRow } from './repo.ts';
import { availableActions, type Delivery, factsOf, type OrderStatus } from './state.ts';

export type Snapshot = { title: string; coverUrl: string | null; condition: string | null; category: string; version: number; location?: string | null };
type EventRow = { orderId: string; type: string; actorId: string | null; data?: unknown; createdAt: Date };

export function presentOrder(o: OrderRow, viewerId: string, events: EventRow[]) {
  const role = o.buyerId === viewerId ? 'buyer' : 'seller';
  const snap = o.itemSnapshot as unknown as Snapshot;
  const status = o.status as OrderStatus;
  return {
    id: o.id,
    itemId: o.itemId,
    buyerId: o.buyerId,
    sellerId: o.sellerId,
    quantity: o.quantity,
    unitPrice: o.unitPrice,
    itemTotal: o.itemTotal,
    shippingFee: o.shippingFee,
    total: o.total,
    fee: o.fee,
    sellerProceeds: o.sellerProceeds,
    delivery: o.delivery as Delivery,
    status,
    // The pickup code is the buyer's proof at hand-over: the seller must never see it.
    ...(role === 'buyer' && o.pickupCode ? { pickupCode: o.pickupCode } : {}),
    address: (o.address as { name: string; phone: string; line: string } | null) ?? null,
    item: { title: snap.title, coverUrl: snap.coverUrl, condition: snap.condition, version: snap.version, location: snap.location ?? null },
    cancelReason: o.cancelReason,
    carrier: o.carrier,
    trackingNumber: o.trackingNumber,
    // What an online delivery delivered: only ever presented to the order's two parties.
    deliveryContent: presentDeliveryContent(o.deliveryContent),
    offerId: o.offerId,
    expiresAt: status === 'pending_payment' ? o.expiresAt.toISOString() : null,
    autoConfirmAt: o.autoConfirmAt ? o.autoConfirmAt.toISOString() : null,
    deposit: o.deposit,
    depositPaid: o.deposit !== null && events.some((e) => e.orderId === o.id && e.type === 'reserved'),
    reservedUntil: status === 'reserved' && o.reservedUntil && !o.noShowAt ? o.reservedUntil.toISOString() : null,
    noShowAt: o.noShowAt ? o.noShowAt.toISOString() : null,
    contestUntil: o.contestUntil && (status === 'reserved' || status === 'refunding') ? o.contestUntil.toISOString() : null,
    role: role as 'buyer' | 'seller',
    actions: availableActions(factsOf(o), role),
    createdAt: o.createdAt.toISOString(),
    events: events
      .filter((e) => e.orderId === o.id)
      .map((e) => ({
        type: e.type,
        at: e.createdAt.toISOString(),
        by: (e.actorId === null ? 'system' : e.actorId === o.buyerId ? 'buyer' : 'seller') as 'buyer' | 'seller' | 'system',
        ...eventDetail(e.data),
      })),
  };
}

export type OrderJson = ReturnType<typeof presentOrder>;

/** What an event adds to the timeline: a cancellation's reason, a shipment's carrier. */
function eventDetail(data: unknown): { reason?: string; carrier?: string; trackingNumber?: string } {
  const d = (data ?? {}) as Record<string, unknown>;
  return {
    ...(typeof d.reason === 'string' ? { reason: d.reason } : {}),
    ...(typeof d.carrier === 'string' ? { carrier: d.carrier } : {}),
    ...(typeof d.trackingNumber === 'string' ? { trackingNumber: d.trackingNumber } : {}),
  };
}
