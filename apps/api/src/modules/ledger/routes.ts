import { createRoute, z } from '@hono/zod-openapi';
import { requestHash, runIdempotent } from '../../lib/idempotency.ts';
import { DEFAULT_LIMIT, MAX_LIMIT, decodeCursor, toPage } from '../../lib/pagination.ts';
import { type Ctx, jsonBody, jsonContent, newRouter, problemResponses, requireUser } from '../../lib/http.ts';
import { listEntries } from './entries.ts';
import { getWallet } from './wallet.ts';
import { requestWithdrawal } from './withdrawals.ts';

const tags = ['wallet'];
const security = [{ Bearer: [] }];

const Wallet = z.object({ available: z.number().int(), pending: z.number().int(), withdrawn: z.number().int() }).openapi('Wallet');
const Entry = z
  .object({ id: z.string(), amount: z.number().int(), kind: z.string(), orderId: z.string().optional(), withdrawalId: z.string().optional(), createdAt: z.string() })
  .openapi('LedgerEntry');
const Withdrawal = z
  .object({ id: z.string(), amount: z.number().int(), status: z.enum(['processing', 'paid', 'failed']), failureReason: z.string().nullable(), createdAt: z.string() })
  .openapi('Withdrawal');
export const PageQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
});
const IdempotencyHeader = z.object({ 'idempotency-key': z.string().optional() });

export const idempotencyScope = (c: Ctx, userId: string, body: unknown) => ({
  userId,
  key: c.req.header('idempotency-key'),
  hash: requestHash(c.req.method, c.req.path, body),
  now: () => c.get('deps').clock.now(),
});

const presentWithdrawal = (w: { id: string; amount: number; status: string; failureReason: string | null; createdAt: Date }) => ({
  id: w.id,
  amount: w.amount,
  status: w.status as 'processing' | 'paid' | 'failed',
  failureReason: w.failureReason,
  createdAt: w.createdAt.toISOString(),
});

export function ledgerRoutes() {
  const r = newRouter();

  r.openapi(
    createRoute({ method: 'get', path: '/wallet', tags, security, responses: { 200: jsonContent(Wallet), ...problemResponses(401) } }),
    async (c) => c.json(await getWallet(c.get('deps'), requireUser(c).id), 200),
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/wallet/entries', tags, security, request: { query: PageQuery },
      responses: { 200: jsonContent(z.object({ items: z.array(Entry), nextCursor: z.string().nullable() })), ...problemResponses(400, 401) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listEntries(c.get('deps').db, requireUser(c).id, q.cursor, q.limit), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/wallet/withdrawals', tags, security,
      request: { headers: IdempotencyHeader, body: jsonBody(z.object({ amount: z.number().int().positive().max(1e13) }).openapi('WithdrawalBody')) },
      responses: { 201: jsonContent(Withdrawal, 'Sent to the payout provider'), ...problemResponses(400, 401, 409, 422) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const u = requireUser(c);
      const body = c.req.valid('json');
      const res = await runIdempotent(deps.db, idempotencyScope(c, u.id, body), async () => ({
        status: 201,
        body: presentWithdrawal(await requestWithdrawal(deps, u.id, body.amount)),
      }));
      return c.json(res.body as z.infer<typeof Withdrawal>, res.status as 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/wallet/withdrawals', tags, security, request: { query: PageQuery },
      responses: { 200: jsonContent(z.object({ items: z.array(Withdrawal), nextCursor: z.string().nullable() })), ...problemResponses(401) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const q = c.req.valid('query');
      const after = decodeCursor(q.cursor, 1)?.[0] as string | undefined;
      let query = deps.db.selectFrom('withdrawals').selectAll().where('userId', '=', requireUser(c).id);
      if (after) query = query.where('id', '<', after);
      const rows = await query.orderBy('id', 'desc').limit(q.limit + 1).execute();
      return c.json(toPage(rows, q.limit, (w) => [w.id], presentWithdrawal), 200);
    },
  );

  return r;
}
