// How an item's stock reads when every unit is taken (English). Same keys as stock.zh-CN.ts.
import type { Widen } from './widen.ts';
import type { stockZhCN } from './stock.zh-CN.ts';

export const stockEn: Widen<typeof stockZhCN> = {
  stock: {
    held: 'Ordered, not paid yet',
    heldBanner: 'Ordered, not paid yet: if the buyer does not pay in time it goes back on sale',
  },
  parcel: {
    title: 'Parcel tracking',
    number: '{{carrier}} {{number}}',
    status: {
      not_found: 'The carrier does not know this number yet; it usually shows within hours of collection',
      pending: 'Waiting for the courier to collect',
      collected: 'Collected',
      in_transit: 'In transit',
      out_for_delivery: 'Out for delivery',
      delivered: 'Delivered',
    },
    events: {
      collected: 'Collected by the courier ({{place}})',
      departed: 'Left {{place}}',
      arrived: 'Arrived at the {{place}} hub',
      delayed: 'Held up in {{place}}; expect it a day later',
      out_for_delivery: 'Out for delivery in {{place}}',
      delivered: 'Delivered and signed for',
    },
    delayed: 'Delayed',
    unavailable: 'Tracking is unavailable right now; try again later',
    note: 'Once it arrives, confirm receipt; otherwise the order confirms itself as the rules say',
  },
};
