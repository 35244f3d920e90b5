// An order's parcel, as its carrier tells it: for the buyer and the seller of a shipped order.
// A number the carrier does not know is an answer (`not_found`), not a failure of the page;
// a carrier that does not answer is 503 carrier_unavailable. The order's own rules do not move
// with the parcel: SPEC C4 confirms a shipped order by the buyer or automatically 10 days after
// shipment, whatever the carrier says, so tracking only informs.
import { AppError, conflict, notFound } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import { findEvents, findOrder } from '../orders/index.ts';
import { type Carrier, CarrierError, sandboxCarrier, type TrackingStage } from './carrier.ts';

const sandbox = sandboxCarrier();

export type TrackingStatus = 'not_found' | 'pending' | TrackingStage;

export async function trackOrder(deps: Pick<Deps, 'db' | 'clock'> & { carrier?: Carrier }, userId: string, orderId: string) {
  const o = await findOrder(deps.db, orderId);
  if (!o || (o.buyerId !== userId && o.sellerId !== userId)) throw notFound('order');
  if (!o.carrier || !o.trackingNumber) throw conflict('not_shipped', 'The order has not been shipped: there is no parcel to track.');
  const events = await findEvents(deps.db, [o.id]);
  const shipped = events.filter((e) => e.type === 'shipped').at(-1);
  const now = deps.clock.now();
  const base = { orderId: o.id, carrier: o.carrier, trackingNumber: o.trackingNumber, checkedAt: now.toISOString() };
  try {
    const got = await (deps.carrier ?? sandbox).track(
      { carrier: o.carrier, trackingNumber: o.trackingNumber, shippedAt: shipped?.createdAt ?? o.updatedAt },
      now,
    );
    const latest = got.at(-1);
    return {
      ...base,
      status: (latest ? latest.stage : 'pending') as TrackingStatus,
      delayed: got.some((e) => e.type === 'delayed') && latest?.stage !== 'delivered',
      events: got.reverse().map((e) => ({ type: e.type, stage: e.stage, at: e.at.toISOString(), location: e.location })),
    };
  } catch (err) {
    if (!(err instanceof CarrierError)) throw err;
    if (err.reason === 'unknown_number') return { ...base, status: 'not_found' as const, delayed: false, events: [] };
    throw new AppError(503, 'carrier_unavailable', 'The carrier did not answer; try again in a minute.', {}, { 'Retry-After': '60' });
  }
}
