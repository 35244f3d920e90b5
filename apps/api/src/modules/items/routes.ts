// /items: quick-sell listings (API.md "Items"). Handlers parse → authorize → call a service →
// present; the rules live in service.ts, terms.ts and the shared package.
import { createRoute } from '@hono/zod-openapi';
import { CATEGORIES, CONDITIONS, DELIVERY_METHODS, ITEM_LIMITS, ITEM_STATUSES } from '@jishi/shared';
import { IdParam, jsonBody, jsonContent, newRouter, problemResponses, requestHeader, requireUser } from '../../lib/http.ts';
import { onItemCreated, onPriceChange } from '../discovery/alerts.ts';
import { recordView } from '../discovery/signals.ts';
import { clientIp } from '../accounts/routes.ts';
import { countItemView, itemEngagement } from '../engagement/service.ts';
import { findItemCards } from './cards.ts';
import { findItem } from './repo.ts';
import { requireMember, requireQuickSell } from './eligibility.ts';
import { evaluateSeller } from '../trust/pro-seller.ts';
import { getItem, listItemsOf, presentOne } from './queries.ts';
import { BatchQuery, CardList, ItemCreateBody, ItemDetail, ItemPage, ItemPatchBody, ItemQuery, ItemSchema, ListQuery, Taxonomy } from './schema.ts';
import { createItem, editItem, relistItem, withdrawItem } from './service.ts';

const tags = ['items'];
const security = [{ Bearer: [] }];
const viewerOf = (q: { lat?: number; lng?: number }) =>
  q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng } : null;

export function itemsRoutes() {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get', path: '/items/categories', tags,
      responses: { 200: jsonContent(Taxonomy, 'Categories, conditions, delivery methods and limits, in zh-CN and en') },
    }),
    (c) => {
      const cap = c.get('deps').config.quickSellPriceCap;
      const { quantityMax, imagesMax, shippingFeeMax, titleMax, descriptionMax } = ITEM_LIMITS;
      return c.json(
        {
          categories: [...CATEGORIES],
          conditions: [...CONDITIONS],
          delivery: [...DELIVERY_METHODS],
          statuses: [...ITEM_STATUSES],
          limits: { priceCap: cap, quantityMax, imagesMax, shippingFeeMax, titleMax, descriptionMax },
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/items', tags, request: { query: BatchQuery },
      responses: { 200: jsonContent(CardList, 'Live cards in the order asked; unknown ids are left out'), ...problemResponses(400) },
    }),
    async (c) => {
      const { ids } = c.req.valid('query');
      const cards = await findItemCards(c.get('deps').db, ids);
      const items = [...new Set(ids)].flatMap((id) => cards.get(id) ?? []);
      return c.json({ items, nextCursor: null }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/items', tags, security, middleware: [requireQuickSell] as const,
      request: { body: jsonBody(ItemCreateBody) },
      responses: { 201: jsonContent(ItemSchema, 'Listed'), ...problemResponses(400, 401, 403, 422, 429) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const sellerId = requireUser(c).id;
      const row = await createItem(deps, sellerId, c.req.valid('json'));
      // After commit: the listing stands whatever the guard concludes; a failure here is logged.
      await evaluateSeller(deps, sellerId).catch((err) => c.get('log').warn({ err }, 'pro-seller evaluation failed'));
      await onItemCreated(deps, row.id); // wanted matches and saved-search alerts, after commit
      return c.json(await presentOne(deps, row), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/items/{id}', tags, request: { params: IdParam, query: ItemQuery },
      responses: { 200: jsonContent(ItemDetail), ...problemResponses(400, 404) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const userId = c.get('user')?.id ?? null;
      const id = c.req.valid('param').id;
      // The view and 想要 counts and the item's note are read beside the item (one round trip;
      // a missing item still answers 404 first). They are read again only when this request
      // counted a new view, so the count shown includes it.
      const early = itemEngagement(deps, id, userId);
      early.catch(() => {});
      const item = await getItem(deps, id, viewerOf(c.req.valid('query')), userId);
      const [, counted] = await Promise.all([
        recordView(deps, userId, 'item', item.id), // an interest signal (recommended feed)
        // View count: one per viewer per day (rule in engagement/service.ts).
        countItemView(deps, item, userId ? `u:${userId}` : `v:${clientIp(c)}|${requestHeader(c, 'user-agent') ?? ''}`),
      ]);
      return c.json({ ...item, ...(counted ? await itemEngagement(deps, item.id, userId) : await early) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch', path: '/items/{id}', tags, security, middleware: [requireMember] as const,
      request: { params: IdParam, body: jsonBody(ItemPatchBody) },
      responses: { 200: jsonContent(ItemSchema), ...problemResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const before = await findItem(deps.db, c.req.valid('param').id);
      const row = await editItem(deps, requireUser(c).id, c.req.valid('param').id, c.req.valid('json'));
      // After commit: a lower price tells collectors and matching wanted requests (price_drop).
      if (before) await onPriceChange(deps, row.id, Number(before.price), Number(row.price));
      return c.json(await presentOne(deps, row), 200);
    },
  );

  for (const [action, run, description] of [
    ['withdraw', withdrawItem, 'Withdrawn (status "withdrawn"); idempotent'],
    ['relist', relistItem, 'Back on sale, or sold out if no stock is left; idempotent'],
  ] as const) {
    r.openapi(
      createRoute({
        method: 'post', path: `/items/{id}/${action}`, tags, security,
        middleware: [action === 'relist' ? requireQuickSell : requireMember] as const,
        request: { params: IdParam },
        responses: { 200: jsonContent(ItemSchema, description), ...problemResponses(401, 403, 404) },
      }),
      async (c) => {
        const deps = c.get('deps');
        const row = await run(deps, requireUser(c).id, c.req.valid('param').id);
        return c.json(await presentOne(deps, row), 200);
      },
    );
  }

  r.openapi(
    createRoute({
      method: 'get', path: '/users/{id}/items', tags, request: { params: IdParam, query: ListQuery },
      responses: {
        200: jsonContent(ItemPage, 'On sale and sold out by default; withdrawn for the seller only'),
        ...problemResponses(400, 403, 404),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await listItemsOf(c.get('deps'), {
        sellerId: c.req.valid('param').id, viewerId: c.get('user')?.id ?? null, publicDefault: true, ...q,
      });
      return c.json(page, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/me/items', tags, security, middleware: [requireMember] as const, request: { query: ListQuery },
      responses: { 200: jsonContent(ItemPage, 'My items, every state unless ?status='), ...problemResponses(400, 401) },
    }),
    async (c) => {
      const me = requireUser(c).id;
      const page = await listItemsOf(c.get('deps'), { sellerId: me, viewerId: me, publicDefault: false, ...c.req.valid('query') });
      return c.json(page, 200);
    },
  );

  return r;
}
