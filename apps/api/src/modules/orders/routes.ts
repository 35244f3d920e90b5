import { createRoute, z } from '@hono/zod-openapi';
import { notFound, validationFailed } from '../../lib/errors.ts';
import { type Ctx, IdParam, jsonBody, jsonContent, newRouter, problemResponses, requireUser } from '../../lib/http.ts';
import { type Guard, IdempotencyHeader, idempotencyRequest, idempotent } from '../../lib/idempotency.ts';
import { DEFAULT_LIMIT, MAX_LIMIT, decodeCursor, toPage } from '../../lib/pagination.ts';
import type { Executor } from '../../db/index.ts';
import { orderAnswer, orderResponse } from './answers.ts';
import { DeliverBody, type DeliverContent, withDeliveryContent } from './delivery.ts';
import { presentOrder } from './presenter.ts';
import { findEvents, findOrder, listOrders, type OrderRow } from './repo.ts';
import { CancelBody, HandoverBody, Order, OrderStatusEnum, PlaceOrderBody, ShipBody } from './schema.ts';
import { cancelOrder } from './service/cancel.ts';
import { recordNoShow } from './service/deposit.ts';
import { confirmOrder, deliverOrder, handOver, shipOrder } from './service/fulfil.ts';
import { type PayOutcome, payOrder } from './service/pay.ts';
import { type Placed, placeOrderWithEvents } from './service/place-order.ts';
import { addTrackingRoutes } from '../tracking/routes.ts';

const tags = ['orders'];
const security = [{ Bearer: [] }];
type OrderJson = z.infer<typeof Order>;

async function present(c: Ctx, o: OrderRow) {
  return presentOrder(o, requireUser(c).id, await findEvents(c.get('deps').db, [o.id]));
}

const actionResponses = { 200: jsonContent(Order), ...problemResponses(400, 401, 403, 404, 409, 422, 429) };
// Every step takes an Idempotency-Key: the same key replays the step's first answer.
const action = (path: string, summary: string) =>
  createRoute({
    method: 'post', path: `/orders/{id}/${path}`, tags, security, summary,
    request: { params: IdParam, headers: IdempotencyHeader },
    responses: actionResponses,
  });
const actionWith = <B extends z.ZodType>(path: string, summary: string, body: B) =>
  createRoute({
    method: 'post', path: `/orders/{id}/${path}`, tags, security, summary,
    request: { params: IdParam, headers: IdempotencyHeader, body: jsonBody(body) },
    responses: actionResponses,
  });

export function ordersRoutes() {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'post', path: '/orders', tags, security, request: { headers: IdempotencyHeader, body: jsonBody(PlaceOrderBody) },
      responses: { 201: jsonContent(Order, 'Placed; stock reserved for 15 minutes'), ...problemResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const u = requireUser(c);
      const body = c.req.valid('json');
      // The answer is built from what the placing statement returned: no read-back.
      const respond = async (_db: Executor, p: Placed) => ({ status: 201, body: presentOrder(p.order, u.id, p.events) });
      const key = idempotencyRequest(c, u.id, body);
      if (!key) return c.json((await respond(deps.db, await placeOrderWithEvents(deps, u.id, body))).body as OrderJson, 201);
      const res = await idempotent(deps.db, key, respond, (guard) => placeOrderWithEvents(deps, u.id, body, guard));
      return c.json(res.body as OrderJson, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/orders/{id}', tags, security, request: { params: IdParam },
      responses: { 200: jsonContent(Order), ...problemResponses(401, 404) },
    }),
    async (c) => {
      const u = requireUser(c);
      const o = await findOrder(c.get('deps').db, c.req.valid('param').id);
      // Someone else's order does not exist, as far as this member can tell.
      if (!o || (o.buyerId !== u.id && o.sellerId !== u.id)) throw notFound('order');
      return c.json(await present(c, o), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/orders', tags, security,
      request: {
        query: z.object({
          role: z.enum(['buyer', 'seller']).default('buyer'),
          status: z
            .string()
            .regex(/^[a-z_]+(,[a-z_]+)*$/)
            .optional()
            .openapi({ description: 'One state or several, comma-separated (e.g. shipped,delivered)' }),
          cursor: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
        }),
      },
      responses: { 200: jsonContent(z.object({ items: z.array(Order), nextCursor: z.string().nullable() })), ...problemResponses(400, 401) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const u = requireUser(c);
      const q = c.req.valid('query');
      const after = decodeCursor(q.cursor, 1)?.[0] as string | undefined;
      const statuses = q.status ? q.status.split(',') : undefined;
      const bad = statuses?.find((s) => !OrderStatusEnum.safeParse(s).success);
      if (bad) throw validationFailed([{ path: 'status', message: `unknown state ${bad}` }]);
      const rows = await listOrders(deps.db, { userId: u.id, role: q.role, statuses, after, limit: q.limit });
      const events = await findEvents(deps.db, rows.slice(0, q.limit).map((o) => o.id));
      return c.json(toPage(rows, q.limit, (o) => [o.id], (o) => presentOrder(o, u.id, events)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/orders/{id}/pay', tags, security, request: { params: IdParam, headers: IdempotencyHeader },
      responses: {
        200: jsonContent(Order, 'Paid into escrow'),
        202: jsonContent(Order, 'The gateway has not confirmed yet; the order stays pending_payment (or reserved) until it does'),
        ...problemResponses(401, 402, 404, 409),
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const u = requireUser(c);
      const id = c.req.valid('param').id;
      const res = await idempotent(
        deps.db,
        idempotencyRequest(c, u.id, { id }),
        (db, out: PayOutcome) => orderResponse(out.pending ? 202 : 200, u.id)(db, out.order),
        (guard) => payOrder(deps, u.id, id, guard),
      );
      return c.json(res.body as OrderJson, res.status as 200);
    },
  );

  /** Runs a step under the request's Idempotency-Key and answers the order as the step left it. */
  const step = async (c: Ctx, body: unknown, run: (guard: Guard<OrderRow>) => Promise<OrderRow>) => {
    const u = requireUser(c);
    const res = await idempotent(c.get('deps').db, idempotencyRequest(c, u.id, { id: c.req.param('id'), ...(body as object) }), orderResponse(200, u.id), run);
    return c.json(res.body as OrderJson, 200);
  };
  r.openapi(actionWith('ship', 'Seller enters carrier and tracking number', ShipBody), (c) =>
    step(c, c.req.valid('json'), (g) => shipOrder(c.get('deps'), requireUser(c).id, c.req.valid('param').id, c.req.valid('json'), g)),
  );
  // The body is optional (API.md's plain deliver); with it, the delivered content commits with the step.
  r.openapi(
    createRoute({
      method: 'post', path: '/orders/{id}/deliver', tags, security,
      summary: 'Seller marks an online order delivered, with what is delivered (a message, a code, a link, photos)',
      request: { params: IdParam, headers: IdempotencyHeader, body: { ...jsonBody(DeliverBody), required: false } },
      responses: actionResponses,
    }),
    async (c) => {
      const deps = c.get('deps');
      const u = requireUser(c);
      const id = c.req.valid('param').id;
      const content = (c.req.valid('json') ?? {}) as DeliverContent;
      // The step returns the order as its update left it; the content is written after, in the same transaction: read it back.
      const respond = async (db: Executor, o: OrderRow) => orderAnswer(db, (await findOrder(db, o.id)) ?? o, u.id, 200);
      const res = await idempotent(deps.db, idempotencyRequest(c, u.id, { id, ...content }), respond, (g) =>
        deliverOrder(deps, u.id, id, withDeliveryContent(g, content, deps.clock.now())),
      );
      return c.json(res.body as OrderJson, 200);
    },
  );
  r.openapi(action('confirm', 'Buyer confirms receipt; escrow is released'), (c) =>
    step(c, {}, (g) => confirmOrder(c.get('deps'), requireUser(c).id, c.req.valid('param').id, g)),
  );
  r.openapi(actionWith('handover', "Seller enters the buyer's pickup code", HandoverBody), (c) =>
    step(c, c.req.valid('json'), (g) => handOver(c.get('deps'), requireUser(c).id, c.req.valid('param').id, c.req.valid('json').pickupCode, g)),
  );
  // The service works out whether the caller is the buyer or the seller of this order.
  r.openapi(actionWith('cancel', 'Cancel before shipment; a paid order is refunded in full', CancelBody), (c) =>
    step(c, c.req.valid('json'), (g) =>
      cancelOrder(c.get('deps'), { id: requireUser(c).id, role: 'member' }, c.req.valid('param').id, c.req.valid('json').reason, g),
    ),
  );
  r.openapi(action('no-show', 'Seller, while reserved: the buyer did not come; the deposit settles to the seller unless contested within 24 h'), (c) =>
    step(c, {}, (g) => recordNoShow(c.get('deps'), requireUser(c).id, c.req.valid('param').id, g)),
  );

  addTrackingRoutes(r); // GET /orders/:id/tracking (modules/tracking)

  return r;
}
