import { createRoute, z } from '@hono/zod-openapi';
import { notFound } from '../../lib/errors.ts';
import { type Ctx, IdParam, jsonBody, jsonContent, newRouter, problemResponses, requireUser } from '../../lib/http.ts';
import { DEFAULT_LIMIT, MAX_LIMIT, decodeCursor, toPage } from '../../lib/pagination.ts';
import { findItemCards } from '../items/cards.ts';
import { presentUserCard, usersByIds } from '../accounts/index.ts';
import { presentOffer } from './presenter.ts';
import { findItemFloor, findOffer, listOffers, offerCounts } from './repo.ts';
import { type OfferRow, decideOffer, makeOffer, setFloorPrice } from './service.ts';

const tags = ['offers'];
const security = [{ Bearer: [] }];
const Fen = z.number().int().min(0).max(100_000_000);

export const Offer = z
  .object({
    id: z.string(), itemId: z.string(), buyerId: z.string(), sellerId: z.string(),
    price: z.number().int(), counterPrice: z.number().int().nullable(), agreedPrice: z.number().int().nullable(),
    status: z.enum(['pending', 'countered', 'accepted', 'declined', 'withdrawn', 'expired', 'used']),
    declinedAutomatically: z.boolean().optional(),
    validUntil: z.string().nullable(), role: z.enum(['seller', 'buyer']),
    yourTurn: z.boolean().openapi({ description: 'The viewer has a decision to make (the seller on a pending offer, the buyer on a counter)' }),
    buyer: z.object({ id: z.string(), displayName: z.string(), avatarUrl: z.string().nullable() }).optional()
      .openapi({ description: 'Who made the offer (lists and single reads)' }),
    item: z.object({ title: z.string(), price: z.number().int(), coverUrl: z.string().nullable() }).nullable(),
    createdAt: z.string(), updatedAt: z.string(),
  })
  .openapi('Offer');

async function present(c: Ctx, rows: OfferRow[]) {
  const deps = c.get('deps');
  const [cards, buyers] = await Promise.all([
    findItemCards(deps.db, [...new Set(rows.map((o) => o.itemId))]),
    usersByIds(deps.db, rows.map((o) => o.buyerId)),
  ]);
  const me = requireUser(c).id;
  return rows.map((o) => {
    const card = cards.get(o.itemId);
    const buyer = buyers.get(o.buyerId);
    return presentOffer(o, me, deps.clock.now(), card ? { title: card.title, price: card.price, coverUrl: card.coverUrl } : undefined, buyer && presentUserCard(buyer));
  });
}

/** Both sides' offer cards update live: each gets the offer as they see it. */
async function publishOffer(c: Ctx, o: OfferRow) {
  const deps = c.get('deps');
  for (const viewer of [o.buyerId, o.sellerId]) {
    await deps.hub.publish(deps.db, [viewer], { type: 'offer', offer: presentOffer(o, viewer, deps.clock.now()) });
  }
}

const decision = (path: 'accept' | 'decline' | 'withdraw') =>
  createRoute({
    method: 'post', path: `/offers/{id}/${path}`, tags, security, request: { params: IdParam },
    responses: { 200: jsonContent(Offer), ...problemResponses(401, 403, 404, 409) },
  });

export function offersRoutes() {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'post', path: '/items/{id}/offers', tags, security,
      request: { params: IdParam, body: jsonBody(z.object({ price: Fen }).openapi('OfferBody')) },
      responses: { 201: jsonContent(Offer), ...problemResponses(400, 401, 403, 404, 409, 422, 429) },
    }),
    async (c) => {
      const o = await makeOffer(c.get('deps'), requireUser(c).id, c.req.valid('param').id, c.req.valid('json').price);
      return c.json((await present(c, [o]))[0] as z.infer<typeof Offer>, 201);
    },
  );

  for (const d of ['accept', 'decline', 'withdraw'] as const) {
    r.openapi(decision(d), async (c) => {
      const o = await decideOffer(c.get('deps'), requireUser(c).id, c.req.valid('param').id, d);
      await publishOffer(c, o);
      return c.json((await present(c, [o]))[0] as z.infer<typeof Offer>, 200);
    });
  }

  r.openapi(
    createRoute({
      method: 'post', path: '/offers/{id}/counter', tags, security,
      request: { params: IdParam, body: jsonBody(z.object({ price: Fen }).openapi('CounterBody')) },
      responses: { 200: jsonContent(Offer), ...problemResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const o = await decideOffer(c.get('deps'), requireUser(c).id, c.req.valid('param').id, 'counter', c.req.valid('json').price);
      await publishOffer(c, o);
      return c.json((await present(c, [o]))[0] as z.infer<typeof Offer>, 200);
    },
  );

  // Registered before /offers/{id}: the decisions waiting on me, for the 我 and 消息 badges.
  r.openapi(
    createRoute({
      method: 'get', path: '/offers/summary', tags, security,
      summary: 'How many offers wait for my decision',
      responses: {
        200: jsonContent(z.object({
          awaitingMe: z.number().int().openapi({ description: 'received (pending on my items) + countered (my offers the seller countered)' }),
          received: z.number().int(), countered: z.number().int(),
        }).openapi('OfferSummary')),
        ...problemResponses(401),
      },
    }),
    async (c) => {
      const { received, countered } = await offerCounts(c.get('deps').db, requireUser(c).id);
      return c.json({ awaitingMe: received + countered, received, countered }, 200);
    },
  );

  r.openapi(
    createRoute({ method: 'get', path: '/offers/{id}', tags, security, request: { params: IdParam }, responses: { 200: jsonContent(Offer), ...problemResponses(401, 404) } }),
    async (c) => {
      const me = requireUser(c).id;
      const o = await findOffer(c.get('deps').db, c.req.valid('param').id);
      if (!o || (o.buyerId !== me && o.sellerId !== me)) throw notFound('offer');
      return c.json((await present(c, [o]))[0] as z.infer<typeof Offer>, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/offers', tags, security,
      request: {
        query: z.object({
          role: z.enum(['buyer', 'seller']).default('buyer'),
          itemId: z.string().regex(/^[0-9a-f]{16}$/).optional(),
          cursor: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
        }),
      },
      responses: { 200: jsonContent(z.object({ items: z.array(Offer), nextCursor: z.string().nullable() })), ...problemResponses(400, 401) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const me = requireUser(c).id;
      const after = decodeCursor(q.cursor, 1)?.[0] as string | undefined;
      const rows = await listOffers(c.get('deps').db, { userId: me, role: q.role, itemId: q.itemId, after, limit: q.limit });
      const presented = await present(c, rows.slice(0, q.limit));
      const page = toPage(rows, q.limit, (o) => [o.id], (o) => o.id);
      return c.json({ items: presented, nextCursor: page.nextCursor }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put', path: '/items/{id}/floor-price', tags, security,
      request: { params: IdParam, body: jsonBody(z.object({ floorPrice: Fen.nullable() }).openapi('FloorPriceBody')) },
      responses: { 200: jsonContent(z.object({ itemId: z.string(), floorPrice: z.number().int().nullable() })), ...problemResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await setFloorPrice(c.get('deps'), requireUser(c).id, c.req.valid('param').id, c.req.valid('json').floorPrice), 200),
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/items/{id}/floor-price', tags, security, request: { params: IdParam },
      responses: { 200: jsonContent(z.object({ itemId: z.string(), floorPrice: z.number().int().nullable() })), ...problemResponses(401, 404) },
    }),
    async (c) => {
      const item = await findItemFloor(c.get('deps').db, c.req.valid('param').id);
      // The floor is the seller's secret: for anyone else it does not exist.
      if (!item || item.sellerId !== requireUser(c).id) throw notFound('item');
      return c.json({ itemId: item.id, floorPrice: item.floorPrice }, 200);
    },
  );

  return r;
}
