// The console's market and money side: dashboard series, settings (admins), after-sale cases
// that need an operator, withdrawals and their manual retry.
import { createRoute, z } from '@hono/zod-openapi';
import { CASE_STATUSES } from '@jishi/shared';
import { unprocessable } from '../../lib/errors.ts';
import { IdParam, jsonBody, jsonContent, newRouter, problemResponses } from '../../lib/http.ts';
import { adminOnly, operatorOnly, requireAdmin, requireOperator } from './guard.ts';
import { decide, listCases, listWithdrawals, retryWithdrawal } from './operations.ts';
import { CasesQuery, DecideBody, RetryBody, SettingsPatch, SettingsResult, StatsQuery, StatsResult, WithdrawalsQuery } from './schema.ts';
import { updateSettings } from './service.ts';
import { listSettings } from './settings.ts';
import { bucketCount, MAX_BUCKETS, marketStats } from './stats.ts';

const tags = ['admin'];
const security = [{ Bearer: [] }];
const op = { tags, security, middleware: operatorOnly };
const adminOp = { tags, security, middleware: adminOnly };

const CaseRow = z.object({
  id: z.string(), orderId: z.string(), status: z.enum(CASE_STATUSES), reason: z.string(), amount: z.number().int(), returnItem: z.boolean(),
  buyerId: z.string(), sellerId: z.string(), buyer: z.string(), seller: z.string(), deadlineAt: z.string().nullable(),
  verdict: z.string().nullable(), decidedBy: z.string().nullable(), createdAt: z.string(),
  jury: z.object({ seated: z.number().int(), voted: z.number().int(), refund: z.number().int(), release: z.number().int() }),
});
const WithdrawalRow = z.object({
  id: z.string(), userId: z.string(), username: z.string(), amount: z.number().int(), status: z.enum(['processing', 'paid', 'failed']), method: z.string(),
  attempts: z.number().int(), lastError: z.string().nullable(), failureReason: z.string().nullable(), providerRef: z.string().nullable(),
  createdAt: z.string(), updatedAt: z.string(),
});

export function adminOpsRoutes() {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get', path: '/admin/stats', ...op, summary: 'Market series per day, week or month, computed in SQL',
      request: { query: StatsQuery }, responses: { 200: jsonContent(StatsResult), ...problemResponses(400, 401, 403, 422) },
    }),
    async (c) => {
      requireOperator(c);
      const db = c.get('deps').db;
      const q = c.req.valid('query');
      const from = new Date(q.from);
      const to = new Date(q.to);
      const n = await bucketCount(db, from, to, q.bucket, q.tz).catch(() => {
        throw unprocessable('invalid_time_zone', `Unknown time zone ${q.tz}.`, { errors: [{ path: 'tz', message: 'unknown time zone' }] });
      });
      if (n > MAX_BUCKETS) throw unprocessable('range_too_large', `At most ${MAX_BUCKETS} buckets; choose a shorter range or a larger bucket.`);
      return c.json({ bucket: q.bucket, tz: q.tz, series: await marketStats(db, { from, to, bucket: q.bucket, tz: q.tz }) }, 200);
    },
  );

  r.openapi(
    createRoute({ method: 'get', path: '/admin/settings', ...adminOp, summary: 'Every number of the product rules (admins)', responses: { 200: jsonContent(SettingsResult), ...problemResponses(401, 403) } }),
    async (c) => {
      requireAdmin(c);
      const deps = c.get('deps');
      return c.json({ items: await listSettings(deps.db, deps.config) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch', path: '/admin/settings', ...adminOp, summary: 'Change settings (null: back to the default); effective in every process within seconds',
      request: { body: jsonBody(SettingsPatch) }, responses: { 200: jsonContent(SettingsResult), ...problemResponses(400, 401, 403, 422) },
    }),
    async (c) => c.json(await updateSettings(c.get('deps'), requireAdmin(c), c.req.valid('json')), 200),
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/admin/after-sales', ...op, summary: 'Cases needing operators (with_operator, in_jury by default) with the jury’s progress',
      request: { query: CasesQuery }, responses: { 200: jsonContent(z.object({ items: z.array(CaseRow), nextCursor: z.string().nullable() })), ...problemResponses(400, 401, 403) },
    }),
    async (c) => {
      requireOperator(c);
      return c.json(await listCases(c.get('deps'), c.req.valid('query')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/admin/after-sales/{id}/decide', ...op, summary: 'Decide a with_operator case, or override the jury, with a recorded reason',
      request: { params: IdParam, body: jsonBody(DecideBody) },
      responses: { 200: jsonContent(z.object({ id: z.string(), status: z.string(), verdict: z.string().nullable() })), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await decide(c.get('deps'), requireOperator(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/admin/withdrawals', ...op, summary: 'Withdrawals with their state, attempts and failures',
      request: { query: WithdrawalsQuery }, responses: { 200: jsonContent(z.object({ items: z.array(WithdrawalRow), nextCursor: z.string().nullable() })), ...problemResponses(400, 401, 403) },
    }),
    async (c) => {
      requireOperator(c);
      return c.json(await listWithdrawals(c.get('deps'), c.req.valid('query')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/admin/withdrawals/{id}/retry', ...adminOp, summary: 'Ask the payout provider again for a withdrawal still processing (admins)',
      request: { params: IdParam, body: jsonBody(RetryBody) },
      responses: { 200: jsonContent(z.object({ id: z.string(), status: z.string(), attempts: z.number().int() })), ...problemResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const w = await retryWithdrawal(c.get('deps'), requireAdmin(c), c.req.valid('param').id, c.req.valid('json').reason);
      return c.json({ id: w.id, status: w.status, attempts: w.attempts }, 200);
    },
  );

  return r;
}
