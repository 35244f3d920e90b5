// GET /notes/:id/items: the stall thread's grid (电子地摊) — every item offered in its comments;
// and the host's rules, closing and pins (stall-host-routes.ts).
import { createRoute, z } from '@hono/zod-openapi';
import { badRequest, notFound } from '../../lib/errors.ts';
import { IdParam, jsonContent, newRouter, problemResponses } from '../../lib/http.ts';
import { DEFAULT_LIMIT, MAX_LIMIT, decodeCursor, encodeCursor } from '../../lib/pagination.ts';
import { ItemCardSchema, findItemCards } from '../items/cards.ts';
import { stallItemsPage } from './items-port.ts';
import { findVisibleNote } from './reactions.ts';
import { addStallHostRoutes } from './stall-host-routes.ts';

const Query = z.object({
  sort: z.enum(['newest', 'price_asc', 'price_desc']).default('newest'),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
});

const StallItem = z.object({ commentId: z.string(), sellerId: z.string(), offeredAt: z.string(), item: ItemCardSchema }).openapi('StallItem');

export function stallRoutes() {
  const r = newRouter();
  r.openapi(
    createRoute({
      method: 'get', path: '/notes/{id}/items', tags: ['notes'], request: { params: IdParam, query: Query },
      summary: 'Items offered in the comments of a note (the stall grid), live, newest or by price',
      responses: { 200: jsonContent(z.object({ items: z.array(StallItem), nextCursor: z.string().nullable() })), ...problemResponses(400, 404) },
    }),
    async (c) => {
      const db = c.get('deps').db;
      const id = c.req.valid('param').id;
      const q = c.req.valid('query');
      let after: [number | string, string] | null = null;
      try {
        after = decodeCursor(q.cursor, 2) as [number | string, string] | null;
      } catch {
        after = ['', ''];
      }
      // A cursor this API did not give out (a price where a time belongs, a bad id) is bad input.
      const badCursor = !!after && (typeof after[1] !== 'string' || !/^[0-9a-f]{16}$/.test(after[1]) ||
          (q.sort === 'newest' ? Number.isNaN(new Date(String(after[0])).getTime()) : typeof after[0] !== 'number' || !Number.isSafeInteger(after[0])));
      // The note check and the page side by side (one round trip, then the cards); an unknown or
      // hidden note still answers 404 before a bad cursor's 400, and its page is never shown.
      const pageRead = badCursor ? null : stallItemsPage(db, id, q.sort, after, q.limit);
      pageRead?.catch(() => {});
      if (!(await findVisibleNote(db, id))) throw notFound('note');
      if (!pageRead) throw badRequest('invalid_cursor', 'The cursor is not one this API gave out.');
      const rows = await pageRead;
      const page = rows.slice(0, q.limit);
      const cards = await findItemCards(db, page.map((r) => r.itemId));
      const last = page.at(-1);
      return c.json(
        {
          items: page.flatMap((r) => {
            const card = cards.get(r.itemId);
            return card ? [{ commentId: r.commentId, sellerId: r.authorId, offeredAt: r.createdAt.toISOString(), item: card }] : [];
          }),
          nextCursor: rows.length > q.limit && last ? encodeCursor([q.sort === 'newest' ? last.createdAt.toISOString() : Number(last.price), last.commentId]) : null,
        },
        200,
      );
    },
  );
  addStallHostRoutes(r); // rules, closing, pins
  return r;
}
