// Parcel tracking's row of the authorization matrix (safety/operations.ts spreads it in): the
// buyer and the seller of a shipped order read its parcel; anyone else finds no such order.
import type { Row } from '../../safety/operations.ts';

export const trackingRows: Record<string, Row> = {
  'GET /orders/{id}/tracking': {
    guards: 'order', visitor: '401', stranger: '404', party: '2xx', peer: '2xx',
    setup: async (w) => ({ party: w.B, peer: w.A, params: { id: (await w.order('shipped', 'shipping')).id } }),
  },
};
