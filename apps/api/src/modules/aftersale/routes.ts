import { createRoute, z } from '@hono/zod-openapi';
import { notFound } from '../../lib/errors.ts';
import { type AuthUser, type Ctx, IdParam, jsonBody, jsonContent, newRouter, problemResponses, requireUser } from '../../lib/http.ts';
import { type Guard, idempotencyRequest, idempotent } from '../../lib/idempotency.ts';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../lib/pagination.ts';
import { findOrder } from '../orders/index.ts';
import { viewingOf } from './access.ts';
import { presentCase, presentCases } from './presenter.ts';
import { listMyCases } from './queries.ts';
import { type CaseRow, casesOfOrder, findCase } from './repo.ts';
import { Case, CaseList, OpenCaseBody, OrderCases, RejectBody, ReturnBody } from './schema.ts';
import { escalateCase } from './service/jury.ts';
import { openCase } from './service/open-case.ts';
import { acceptCase, confirmReceived, rejectCase, shipReturn, withdrawCase } from './service/respond.ts';
import { canOpenOn, isOpen, type CaseStatus } from './state.ts';

const tags = ['after-sale'];
const security = [{ Bearer: [] }];
const IdempotencyHeader = z.object({ 'idempotency-key': z.string().optional() });
type CaseJson = z.infer<typeof Case>;
const DAY = 86_400_000;

/** The case as the caller (a party) sees it, read through `db` (the step's transaction, when recorded). */
const asParty = (u: AuthUser) => async (db: Parameters<typeof presentCase>[0], row: CaseRow) => ({
  status: 200,
  body: await presentCase(db, (await findCase(db, row.id)) ?? row, row.buyerId === u.id ? 'buyer' : 'seller', u.id),
});

const stepResponses = { 200: jsonContent(Case), ...problemResponses(400, 401, 403, 404, 409, 422) };
const step = (path: string, summary: string, money: boolean) =>
  createRoute({
    method: 'post', path: `/after-sales/{id}/${path}`, tags, security, summary,
    request: { params: IdParam, ...(money ? { headers: IdempotencyHeader } : {}) }, responses: stepResponses,
  });
const stepWith = <B extends z.ZodType>(path: string, summary: string, body: B) =>
  createRoute({ method: 'post', path: `/after-sales/{id}/${path}`, tags, security, summary, request: { params: IdParam, body: jsonBody(body) }, responses: stepResponses });

/** A money step: the Idempotency-Key's record commits in the step's own transaction. */
async function moneyStep(c: Ctx, run: (u: AuthUser, id: string, guard: Guard<CaseRow>) => Promise<CaseRow>) {
  const u = requireUser(c);
  const id = c.req.param('id') as string;
  const res = await idempotent(c.get('deps').db, idempotencyRequest(c, u.id, { id }), asParty(u), (guard) => run(u, id, guard));
  return c.json(res.body as CaseJson, 200);
}

async function partyStep(c: Ctx, row: CaseRow) {
  const u = requireUser(c);
  return c.json((await asParty(u)(c.get('deps').db, row)).body, 200);
}

export function afterSaleRoutes() {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'post', path: '/orders/{id}/after-sale', tags, security, summary: 'The buyer opens an after-sale case',
      request: { params: IdParam, headers: IdempotencyHeader, body: jsonBody(OpenCaseBody) },
      responses: { 201: jsonContent(Case, 'Opened; the order is refunding and its escrow held'), ...problemResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const u = requireUser(c);
      const orderId = c.req.valid('param').id;
      const body = c.req.valid('json');
      const respond = async (db: Parameters<typeof presentCase>[0], row: CaseRow) => ({ status: 201, body: await presentCase(db, row, 'buyer', u.id) });
      const res = await idempotent(deps.db, idempotencyRequest(c, u.id, { orderId, ...body }), respond, (guard) => openCase(deps, u.id, orderId, body, guard));
      return c.json(res.body as CaseJson, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/orders/{id}/after-sale', tags, security, summary: "The order's latest case and whether the buyer may open one",
      request: { params: IdParam }, responses: { 200: jsonContent(OrderCases), ...problemResponses(401, 404) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const u = requireUser(c);
      const o = await findOrder(deps.db, c.req.valid('param').id);
      if (!o || (o.buyerId !== u.id && o.sellerId !== u.id)) throw notFound('order');
      const cases = await casesOfOrder(deps.db, o.id);
      const latest = cases[0];
      const decided = cases.some((x) => x.status === 'released' || x.status === 'refunded');
      const canOpen = o.buyerId === u.id && !decided && !cases.some((x) => isOpen(x.status as CaseStatus)) && canOpenOn(o, deps.clock.now(), deps.config.afterSaleDays).ok;
      const openUntil = o.status === 'completed' && o.completedAt ? new Date(o.completedAt.getTime() + deps.config.afterSaleDays * DAY).toISOString() : null;
      const json = latest ? await presentCase(deps.db, latest, o.buyerId === u.id ? 'buyer' : 'seller', u.id) : null;
      return c.json({ case: json, canOpen, openUntil }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/after-sales', tags, security, summary: "The caller's cases, as buyer or as seller",
      request: {
        query: z.object({
          role: z.enum(['buyer', 'seller']).default('buyer'),
          cursor: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
        }),
      },
      responses: { 200: jsonContent(CaseList), ...problemResponses(400, 401) },
    }),
    async (c) => {
      const db = c.get('deps').db;
      const u = requireUser(c);
      const q = c.req.valid('query');
      const page = await listMyCases(db, u.id, q.role, q.cursor, q.limit);
      return c.json({ items: await presentCases(db, page.rows, page.rows.map(() => q.role), u.id), nextCursor: page.nextCursor }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/after-sales/{id}', tags, security, summary: 'A case (its buyer, seller, jurors and operators only)',
      request: { params: IdParam }, responses: { 200: jsonContent(Case), ...problemResponses(401, 404) },
    }),
    async (c) => {
      const db = c.get('deps').db;
      const u = requireUser(c);
      const row = await findCase(db, c.req.valid('param').id);
      const viewing = row ? await viewingOf(db, row, u) : null;
      if (!row || !viewing) throw notFound('case');
      return c.json(await presentCase(db, row, viewing, u.id), 200);
    },
  );

  r.openapi(step('accept', 'Seller accepts: refunded, or awaiting_return when the item goes back', true), (c) =>
    moneyStep(c, (u, id, guard) => acceptCase(c.get('deps'), u, id, guard)),
  );
  r.openapi(stepWith('reject', 'Seller rejects, with a description and evidence', RejectBody), async (c) =>
    partyStep(c, await rejectCase(c.get('deps'), requireUser(c), c.req.valid('param').id, c.req.valid('json'))),
  );
  r.openapi(stepWith('return', 'Buyer sends the item back', ReturnBody), async (c) =>
    partyStep(c, await shipReturn(c.get('deps'), requireUser(c), c.req.valid('param').id, c.req.valid('json'))),
  );
  r.openapi(step('received', 'Seller got the item back: refunded', true), (c) =>
    moneyStep(c, (u, id, guard) => confirmReceived(c.get('deps'), u, id, guard)),
  );
  r.openapi(step('escalate', 'Buyer takes a rejection to the jury (within 3 days)', false), async (c) =>
    partyStep(c, await escalateCase(c.get('deps'), requireUser(c), c.req.valid('param').id)),
  );
  r.openapi(step('withdraw', 'Buyer withdraws the case; the order goes on', true), (c) =>
    moneyStep(c, (u, id, guard) => withdrawCase(c.get('deps'), u, id, guard)),
  );

  return r;
}
