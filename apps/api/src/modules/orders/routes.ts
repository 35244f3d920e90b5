import { createRoute, z } from '@hono/zod-openapi';
import { notFound, validationFailed } from '../../lib/errors.ts';
import { type Ctx, IdParam, jsonBody, jsonContent, newRouter, problemResponses, requireUser } from '../../lib/http.ts';
import { runIdempotent } from '../../lib/idempotency.ts';
import { DEFAULT_LIMIT, MAX_LIMIT, decodeCursor, toPage } from '../../lib/pagination.ts';
import { idempotencyScope } from '../ledger/routes.ts';
import { presentOrder } from './presenter.ts';
import { findEvents, findOrder, type OrderRow } from './repo.ts';
import { CancelBody, HandoverBody, Order, OrderStatusEnum, PlaceOrderBody, ShipBody } from './schema.ts';
import { cancelOrder } from './service/cancel.ts';
import { confirmOrder, deliverOrder, handOver, shipOrder } from './service/fulfil.ts';
import { payOrder } from './service/pay.ts';
import { placeOrder } from './service/place-order.ts';

const tags = ['orders'];
const security = [{ Bearer: [] }];
const IdempotencyHeader = z.object({ 'idempotency-key': z.string().optional() });
type OrderJson = z.infer<typeof Order>;

async function present(c: Ctx, o: OrderRow) {
  return presentOrder(o, requireUser(c).id, await findEvents(c.get('deps').db, [o.id]));
}

const actionResponses = { 200: jsonContent(Order), ...problemResponses(400, 401, 403, 404, 409, 422, 429) };
const action = (path: string, summary: string) =>
  createRoute({ method: 'post', path: `/orders/{id}/${path}`, tags, security, summary, request: { params: IdParam }, responses: actionResponses });
const actionWith = <B extends z.ZodType>(path: string, summary: string, body: B) =>
  createRoute({
    method: 'post', path: `/orders/{id}/${path}`, tags, security, summary,
    request: { params: IdParam, body: jsonBody(body) },
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
      const res = await runIdempotent(deps.db, idempotencyScope(c, u.id, body), async () => ({
        status: 201,
        body: await present(c, await placeOrder(deps, u.id, body)),
      }));
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
      let query = deps.db.selectFrom('orders').selectAll().where(q.role === 'buyer' ? 'buyerId' : 'sellerId', '=', u.id);
      if (q.status) {
        const statuses = q.status.split(',');
        const bad = statuses.find((s) => !OrderStatusEnum.safeParse(s).success);
        if (bad) throw validationFailed([{ path: 'status', message: `unknown state ${bad}` }]);
        query = query.where('status', 'in', statuses);
      }
      if (after) query = query.where('id', '<', after);
      const rows = await query.orderBy('id', 'desc').limit(q.limit + 1).execute();
      const events = await findEvents(deps.db, rows.slice(0, q.limit).map((o) => o.id));
      return c.json(toPage(rows, q.limit, (o) => [o.id], (o) => presentOrder(o, u.id, events)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/orders/{id}/pay', tags, security, request: { params: IdParam, headers: IdempotencyHeader },
      responses: {
        200: jsonContent(Order, 'Paid into escrow'),
        202: jsonContent(Order, 'The gateway has not confirmed yet; the order stays pending_payment until it does'),
        ...problemResponses(401, 402, 404, 409),
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const u = requireUser(c);
      const id = c.req.valid('param').id;
      const res = await runIdempotent(deps.db, idempotencyScope(c, u.id, { id }), async () => {
        const out = await payOrder(deps, u.id, id);
        return { status: out.pending ? 202 : 200, body: await present(c, out.order) };
      });
      return c.json(res.body as OrderJson, res.status as 200);
    },
  );

  r.openapi(actionWith('ship', 'Seller enters carrier and tracking number', ShipBody), async (c) => {
    const o = await shipOrder(c.get('deps'), requireUser(c).id, c.req.valid('param').id, c.req.valid('json'));
    return c.json(await present(c, o), 200);
  });
  r.openapi(action('deliver', 'Seller marks an online order delivered'), async (c) => {
    return c.json(await present(c, await deliverOrder(c.get('deps'), requireUser(c).id, c.req.valid('param').id)), 200);
  });
  r.openapi(action('confirm', 'Buyer confirms receipt; escrow is released'), async (c) => {
    return c.json(await present(c, await confirmOrder(c.get('deps'), requireUser(c).id, c.req.valid('param').id)), 200);
  });
  r.openapi(actionWith('handover', "Seller enters the buyer's pickup code", HandoverBody), async (c) => {
    const body = c.req.valid('json');
    return c.json(await present(c, await handOver(c.get('deps'), requireUser(c).id, c.req.valid('param').id, body.pickupCode)), 200);
  });
  r.openapi(actionWith('cancel', 'Cancel before shipment; a paid order is refunded in full', CancelBody), async (c) => {
    const u = requireUser(c);
    const body = c.req.valid('json');
    // The service works out whether the caller is the buyer or the seller of this order.
    return c.json(await present(c, await cancelOrder(c.get('deps'), { id: u.id, role: 'member' }, c.req.valid('param').id, body.reason)), 200);
  });

  return r;
}
