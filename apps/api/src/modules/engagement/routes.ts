// 想要 on items, seller stats on profiles, and the #话题 page (issue 15 item 11).
import { createRoute } from '@hono/zod-openapi';
import { type Ctx, IdParam, jsonContent, newRouter, problemResponses, requireUser } from '../../lib/http.ts';
import { SellerStatsSchema, TagItemsPage, TagNotesPage, TagParam, TagQuery } from './schema.ts';
import { sellerStats, setItemCollect } from './service.ts';
import { tagItems, tagNotes } from './tag-page.ts';

const tags = ['engagement'];
const security = [{ Bearer: [] }];
const viewerOf = (c: Ctx) => c.get('user')?.id ?? null;

export function engagementRoutes() {
  const r = newRouter();

  for (const method of ['put', 'delete'] as const) {
    r.openapi(
      createRoute({
        method, path: '/items/{id}/collect', tags, security, request: { params: IdParam },
        description: `${method === 'put' ? 'Adds' : 'Removes'} your 想要 on an item; repeating it changes nothing. Not on your own item (403 \`own_item\`). A price drop notifies members who want the item.`,
        responses: { 204: { description: 'Done' }, ...problemResponses(401, 403, 404) },
      }),
      async (c) => {
        await setItemCollect(c.get('deps'), requireUser(c).id, c.req.valid('param').id, method === 'put');
        return c.body(null, 204);
      },
    );
  }

  r.openapi(
    createRoute({
      method: 'get', path: '/users/{id}/seller-stats', tags, request: { params: IdParam },
      description: 'Items sold (completed orders) and chat responsiveness over the last 90 days: the share of conversations others started that the seller answered within 24 h, and the median time to the first reply. Automatic replies (智能托管) do not count.',
      responses: { 200: jsonContent(SellerStatsSchema), ...problemResponses(404) },
    }),
    async (c) => c.json(await sellerStats(c.get('deps'), c.req.valid('param').id), 200),
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/tags/{tag}/notes', tags, request: { params: TagParam, query: TagQuery },
      description: 'Notes with the #话题, newest first (keyset pages). 400 `invalid_tag` for an empty or over-long tag.',
      responses: { 200: jsonContent(TagNotesPage), ...problemResponses(400) },
    }),
    async (c) => c.json(await tagNotes(c.get('deps'), c.req.valid('param').tag, viewerOf(c), c.req.valid('query')), 200),
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/tags/{tag}/items', tags, request: { params: TagParam, query: TagQuery },
      description: 'Items on sale carried by notes with the #话题, newest listing first (keyset pages).',
      responses: { 200: jsonContent(TagItemsPage), ...problemResponses(400) },
    }),
    async (c) => c.json(await tagItems(c.get('deps'), c.req.valid('param').tag, c.req.valid('query')), 200),
  );

  return r;
}
