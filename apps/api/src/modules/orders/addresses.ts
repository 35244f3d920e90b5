// The checkout's address book: a member's saved shipping addresses. Each says when the member
// last shipped an order to it (`lastUsedAt`, from their orders), so the checkout preselects it.
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { notFound, unprocessable } from '../../lib/errors.ts';
import { IdParam, jsonBody, jsonContent, newRouter, problemResponses, requireUser } from '../../lib/http.ts';
import { Address } from './schema.ts';

const tags = ['orders'];
const security = [{ Bearer: [] }];
const SavedAddress = Address.extend({
  id: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable().openapi({ description: 'When the member last placed an order shipped to this address' }),
}).openapi('SavedAddress');
const MAX_ADDRESSES = 20;

const present = (a: { id: string; name: string; phone: string; line: string; createdAt: Date; lastUsedAt?: Date | string | null }) => ({
  id: a.id, name: a.name, phone: a.phone, line: a.line, createdAt: a.createdAt.toISOString(),
  lastUsedAt: a.lastUsedAt ? new Date(a.lastUsedAt).toISOString() : null,
});

export function addressRoutes() {
  const r = newRouter();
  r.openapi(
    createRoute({ method: 'get', path: '/me/addresses', tags, security, responses: { 200: jsonContent(z.object({ items: z.array(SavedAddress) })), ...problemResponses(401) } }),
    async (c) => {
      // An order keeps a copy of its address (orders.address), not a reference: the same words are the same address.
      const rows = await c.get('deps').db
        .selectFrom('addresses as a')
        .selectAll('a')
        .select(
          sql<Date | null>`(SELECT max(o.created_at) FROM orders o WHERE o.buyer_id = a.user_id AND o.address->>'name' = a.name
            AND o.address->>'phone' = a.phone AND o.address->>'line' = a.line)`.as('lastUsedAt'),
        )
        .where('a.userId', '=', requireUser(c).id)
        .orderBy('a.id', 'desc')
        .execute();
      return c.json({ items: rows.map(present) }, 200);
    },
  );
  r.openapi(
    createRoute({
      method: 'post', path: '/me/addresses', tags, security, request: { body: jsonBody(Address) },
      responses: { 201: jsonContent(SavedAddress), ...problemResponses(400, 401, 422) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const me = requireUser(c).id;
      const count = await deps.db.selectFrom('addresses').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', '=', me).executeTakeFirstOrThrow();
      if (count.n >= MAX_ADDRESSES) throw unprocessable('too_many_addresses', `At most ${MAX_ADDRESSES} saved addresses.`);
      const row = await deps.db.insertInto('addresses').values({ userId: me, ...c.req.valid('json') }).returningAll().executeTakeFirstOrThrow();
      return c.json(present(row), 201);
    },
  );
  r.openapi(
    createRoute({ method: 'delete', path: '/me/addresses/{id}', tags, security, request: { params: IdParam }, responses: { 204: { description: 'Deleted' }, ...problemResponses(401, 404) } }),
    async (c) => {
      const res = await c.get('deps').db.deleteFrom('addresses').where('id', '=', c.req.valid('param').id).where('userId', '=', requireUser(c).id).executeTakeFirst();
      if (!res.numDeletedRows) throw notFound('address');
      return c.body(null, 204);
    },
  );
  return r;
}
