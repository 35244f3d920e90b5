// Block (拉黑) and report: a blocked member cannot message you; reports feed the moderation queue.
import { createRoute, z } from '@hono/zod-openapi';
import { isUniqueViolation } from '../../db/index.ts';
import { conflict, notFound, unprocessable } from '../../lib/errors.ts';
import { IdParam, jsonBody, jsonContent, newRouter, problemResponses, requireUser } from '../../lib/http.ts';
import { checkReportTarget } from './report-targets.ts';
import { addBlock, findMember, insertReport, listBlocks, removeBlock } from './repo.ts';
import { ReportBody } from './schema.ts';

const tags = ['trust'];
const security = [{ Bearer: [] }];

export function trustRoutes() {
  const r = newRouter();

  r.openapi(
    createRoute({ method: 'put', path: '/users/{id}/block', tags, security, request: { params: IdParam }, responses: { 204: { description: 'Blocked (idempotent)' }, ...problemResponses(401, 404, 422) } }),
    async (c) => {
      const deps = c.get('deps');
      const me = requireUser(c).id;
      const id = c.req.valid('param').id;
      if (id === me) throw unprocessable('cannot_block_self', 'You cannot block yourself.');
      if (!(await findMember(deps.db, id))) throw notFound('member');
      await addBlock(deps.db, me, id);
      return c.body(null, 204);
    },
  );

  r.openapi(
    createRoute({ method: 'delete', path: '/users/{id}/block', tags, security, request: { params: IdParam }, responses: { 204: { description: 'Unblocked (idempotent)' }, ...problemResponses(401) } }),
    async (c) => {
      await removeBlock(c.get('deps').db, requireUser(c).id, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/me/blocks', tags, security,
      responses: { 200: jsonContent(z.object({ items: z.array(z.object({ id: z.string(), displayName: z.string(), blockedAt: z.string() })) })), ...problemResponses(401) },
    }),
    async (c) => {
      const rows = await listBlocks(c.get('deps').db, requireUser(c).id);
      return c.json({ items: rows.map((b) => ({ id: b.id, displayName: b.displayName, blockedAt: b.createdAt.toISOString() })) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/reports', tags, security, request: { body: jsonBody(ReportBody) },
      description: 'A note, comment, item or member must exist and not be your own (404 `not_found`, 422 `cannot_report_own`). Reporting the same thing twice is 409 `already_reported`.',
      responses: { 201: jsonContent(z.object({ id: z.string(), status: z.string() })), ...problemResponses(400, 401, 404, 409, 422) },
    }),
    async (c) => {
      const b = c.req.valid('json');
      await checkReportTarget(c.get('deps').db, requireUser(c).id, b);
      try {
        const row = await insertReport(c.get('deps').db, { reporterId: requireUser(c).id, targetType: b.targetType, targetId: b.targetId, reason: b.reason, detail: b.detail ?? '' });
        return c.json(row, 201);
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('already_reported', 'You already reported this; moderators will look at it.');
        throw err;
      }
    },
  );

  return r;
}
