import { createRoute, z } from '@hono/zod-openapi';
import { IdParam, jsonBody, jsonContent, newRouter, problemResponses, requireUser } from '../../lib/http.ts';
import { idempotencyRequest, idempotent } from '../../lib/idempotency.ts';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../lib/pagination.ts';
import { presentCase, presentCases } from './presenter.ts';
import { juryLog, listJuryDuties } from './queries.ts';
import { type CaseRow, findCase } from './repo.ts';
import { Case, CaseList, JuryLog, VoteBody } from './schema.ts';
import { castVote } from './service/jury.ts';

const tags = ['jury'];
const security = [{ Bearer: [] }];
const PageQuery = z.object({
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
});

export function juryRoutes() {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get', path: '/jury/cases', tags, security, summary: "The caller's jury duties, parties anonymised",
      request: { query: PageQuery }, responses: { 200: jsonContent(CaseList), ...problemResponses(400, 401) },
    }),
    async (c) => {
      const db = c.get('deps').db;
      const u = requireUser(c);
      const q = c.req.valid('query');
      const page = await listJuryDuties(db, u.id, q.cursor, q.limit);
      return c.json({ items: await presentCases(db, page.rows, page.rows.map(() => 'juror' as const), u.id), nextCursor: page.nextCursor }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/jury/cases/{id}/vote', tags, security, summary: 'A juror votes, blind, with a reason',
      request: { params: IdParam, headers: z.object({ 'idempotency-key': z.string().optional() }), body: jsonBody(VoteBody) },
      responses: { 200: jsonContent(Case), ...problemResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const u = requireUser(c);
      const id = c.req.valid('param').id;
      const body = c.req.valid('json');
      const respond = async (db: Parameters<typeof presentCase>[0], row: CaseRow) => ({
        status: 200,
        body: await presentCase(db, (await findCase(db, row.id)) ?? row, 'juror', u.id),
      });
      const res = await idempotent(deps.db, idempotencyRequest(c, u.id, { id, ...body }), respond, (guard) => castVote(deps, u, id, body, guard));
      return c.json(res.body as z.infer<typeof Case>, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/jury/log', tags, summary: 'Public, anonymised log of decided cases with the vote count',
      request: { query: PageQuery }, responses: { 200: jsonContent(JuryLog), ...problemResponses(400) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await juryLog(c.get('deps').db, q.cursor, q.limit), 200);
    },
  );

  return r;
}
