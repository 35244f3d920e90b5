// /me/payout-methods: where a member's withdrawals go (docs/payout-methods.md).
import { createRoute, z } from '@hono/zod-openapi';
import { IdParam, jsonBody, jsonContent, newRouter, problemResponses, requireUser } from '../../lib/http.ts';
import { presentPayoutMethod } from './presenter.ts';
import { activeMethods } from './repo.ts';
import { NewPayoutMethod, PayoutMethod } from './schema.ts';
import { addPayoutMethod, removePayoutMethod } from './service.ts';

const tags = ['wallet'];
const security = [{ Bearer: [] }];

export function payoutMethodRoutes() {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get', path: '/me/payout-methods', tags, security,
      responses: { 200: jsonContent(z.object({ items: z.array(PayoutMethod), nextCursor: z.null() })), ...problemResponses(401) },
    }),
    async (c) => {
      const rows = await activeMethods(c.get('deps').db, requireUser(c).id);
      return c.json({ items: rows.map((m, i) => presentPayoutMethod(m, i === 0)), nextCursor: null }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/me/payout-methods', tags, security, request: { body: jsonBody(NewPayoutMethod) },
      responses: {
        201: jsonContent(PayoutMethod, 'Verified by the payout provider and kept, sealed; shown masked'),
        ...problemResponses(400, 401, 409, 422, 503),
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const me = requireUser(c).id;
      const row = await addPayoutMethod(deps, me, c.req.valid('json'));
      const rows = await activeMethods(deps.db, me);
      return c.json(presentPayoutMethod(row, rows[0]?.id === row.id), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete', path: '/me/payout-methods/{id}', tags, security, request: { params: IdParam },
      responses: { 204: { description: 'Removed: no longer listed or chosen; past withdrawals still name it' }, ...problemResponses(401, 404) },
    }),
    async (c) => {
      await removePayoutMethod(c.get('deps'), requireUser(c).id, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  return r;
}
