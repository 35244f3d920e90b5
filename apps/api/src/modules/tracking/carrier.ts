// Parcel tracking at the edge (issue 15 item 11): a carrier answers where a parcel is. The
// built-in sandbox stands in for a real carrier API (顺丰, 中通, 快递100…): it knows a parcel from
// the moment the seller hands it over (the shipment is registered with the number and the time),
// advances it over time — 揽收 → 运输中 → 派送中 → 已签收 — from the clock it is asked with,
// and behaves like the real thing where it matters: a number it cannot know is an error
// (`unknown_number`), and some parcels are held up on the way (a `delayed` event, a day later).
// Deterministic per tracking number, so tests move the clock and read the same story.
import { createHash } from 'node:crypto';

export const TRACKING_STAGES = ['collected', 'in_transit', 'out_for_delivery', 'delivered'] as const;
export type TrackingStage = (typeof TRACKING_STAGES)[number];
/** What happened: the stage it puts the parcel in, and the finer step within it. */
export const TRACKING_EVENTS = ['collected', 'departed', 'arrived', 'delayed', 'out_for_delivery', 'delivered'] as const;
export type TrackingEventType = (typeof TRACKING_EVENTS)[number];
export type TrackingEvent = { type: TrackingEventType; stage: TrackingStage; at: Date; location: string };

export type Shipment = { carrier: string; trackingNumber: string; shippedAt: Date };

export class CarrierError extends Error {
  constructor(readonly reason: 'unknown_number' | 'unavailable') {
    super(reason);
  }
}

export interface Carrier {
  /** Events of the parcel up to `now`, oldest first; throws CarrierError. */
  track(s: Shipment, now: Date): Promise<TrackingEvent[]>;
}

const HOUR = 3_600_000;
const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '南京', '西安', '天津'];
// When each step happens after the hand-over, in hours (a two-day parcel).
const PLAN: { type: TrackingEventType; stage: TrackingStage; h: number; at: 'from' | 'to' }[] = [
  { type: 'collected', stage: 'collected', h: 2, at: 'from' },
  { type: 'departed', stage: 'in_transit', h: 6, at: 'from' },
  { type: 'arrived', stage: 'in_transit', h: 22, at: 'to' },
  { type: 'out_for_delivery', stage: 'out_for_delivery', h: 30, at: 'to' },
  { type: 'delivered', stage: 'delivered', h: 34, at: 'to' },
];
export const SANDBOX_DELIVERED_AFTER_MS = 34 * HOUR;
export const SANDBOX_DELAY_MS = 24 * HOUR;

const digest = (n: string) => createHash('sha256').update(n.toUpperCase()).digest();

/** The sandbox knows numbers as real carriers issue them: at least 8 digits (SF1234567890). */
export const sandboxKnows = (trackingNumber: string) => (trackingNumber.match(/\d/g) ?? []).length >= 8;
/** About one parcel in four is held up for a day between the hubs. */
export const sandboxDelays = (trackingNumber: string) => (digest(trackingNumber)[0] as number) % 4 === 0;

export function sandboxCarrier(): Carrier {
  return {
    async track(s, now) {
      if (!sandboxKnows(s.trackingNumber)) throw new CarrierError('unknown_number');
      const d = digest(s.trackingNumber);
      const from = CITIES[(d[1] as number) % CITIES.length] as string;
      let to = CITIES[(d[2] as number) % CITIES.length] as string;
      if (to === from) to = CITIES[((d[2] as number) + 1) % CITIES.length] as string;
      const delayed = sandboxDelays(s.trackingNumber);
      const events: TrackingEvent[] = [];
      for (const step of PLAN) {
        const late = delayed && step.h > 6 ? SANDBOX_DELAY_MS : 0;
        if (delayed && step.type === 'arrived') {
          events.push({ type: 'delayed', stage: 'in_transit', at: new Date(s.shippedAt.getTime() + 14 * HOUR), location: from });
        }
        events.push({ type: step.type, stage: step.stage, at: new Date(s.shippedAt.getTime() + step.h * HOUR + late), location: step.at === 'from' ? from : to });
      }
      return events.filter((e) => e.at.getTime() <= now.getTime());
    },
  };
}
