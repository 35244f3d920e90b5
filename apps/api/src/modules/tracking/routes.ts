// GET /orders/:id/tracking — the parcel's events from the carrier (buyer and seller only).
import { createRoute, z } from '@hono/zod-openapi';
import { IdParam, jsonContent, type newRouter, problemResponses, requireUser } from '../../lib/http.ts';
import { TRACKING_EVENTS, TRACKING_STAGES } from './carrier.ts';
import { trackOrder } from './service.ts';

export const Tracking = z
  .object({
    orderId: z.string(),
    carrier: z.string(),
    trackingNumber: z.string(),
    status: z.enum(['not_found', 'pending', ...TRACKING_STAGES]).openapi({
      description: 'not_found: the carrier does not know the number; pending: not yet collected; else the latest stage',
    }),
    delayed: z.boolean().openapi({ description: 'The carrier reported a hold-up and the parcel is not yet delivered' }),
    events: z.array(z.object({ type: z.enum(TRACKING_EVENTS), stage: z.enum(TRACKING_STAGES), at: z.string(), location: z.string() })).openapi({ description: 'Newest first' }),
    checkedAt: z.string(),
  })
  .openapi('Tracking');

/** Added to the orders router (orders/routes.ts). */
export function addTrackingRoutes(r: ReturnType<typeof newRouter>) {
  r.openapi(
    createRoute({
      method: 'get', path: '/orders/{id}/tracking', tags: ['orders'], security: [{ Bearer: [] }], request: { params: IdParam },
      summary: 'The parcel of a shipped order, as the carrier tells it (揽收 → 运输中 → 派送中 → 已签收)',
      description: 'Buyer or seller only (404 otherwise). 409 `not_shipped` before shipment; 503 `carrier_unavailable` when the carrier does not answer. Tracking informs only: the order is confirmed by the buyer or automatically as SPEC C4 says.',
      responses: { 200: jsonContent(Tracking), ...problemResponses(401, 404, 409, 503) },
    }),
    async (c) => c.json(await trackOrder(c.get('deps'), requireUser(c).id, c.req.valid('param').id), 200),
  );
}
