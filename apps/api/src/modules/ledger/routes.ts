import { createRoute, z } from '@hono/zod-openapi';
import { IdempotencyHeader, idempotencyRequest, idempotent } from '../../lib/idempotency.ts';
import { DEFAULT_LIMIT, MAX_LIMIT, decodeCursor, toPage } from '../../lib/pagination.ts';
import { jsonBody, jsonContent, newRouter, problemResponses, requireUser } from '../../lib/http.ts';
import { listEntries, listWithdrawals } from './repo.ts';
import { getWallet } from './wallet.ts';
import { presentWithdrawal, type WithdrawalRow } from './presenter.ts';
import { requestWithdrawal } from './withdrawals.ts';
import { PayoutTo } from '../payout-methods/schema.ts';

const tags = ['wallet'];
const security = [{ Bearer: [] }];

const Wallet = z
  .object({
    available: z.number().int(),
    pending: z.number().int(),
    withdrawn: z.number().int(),
    processing: z.number().int().openapi({ description: 'Withdrawals sent to the payout provider and not yet confirmed' }),
  })
  .openapi('Wallet');
const Entry = z
  .object({ id: z.string(), amount: z.number().int(), kind: z.string(), orderId: z.string().optional(), withdrawalId: z.string().optional(), createdAt: z.string() })
  .openapi('LedgerEntry');
const Withdrawal = z
  .object({
    id: z.string(),
    amount: z.number().int(),
    status: z.enum(['processing', 'paid', 'failed']),
    failureReason: z.string().nullable(),
    attempts: z.number().int().openapi({ description: 'Times the payout provider was asked; processing with attempts > 1 is being retried' }),
    payoutTo: PayoutTo.nullable().openapi({ description: 'The payout method it was sent to, masked' }),
    createdAt: z.string(),
  })
  .openapi('Withdrawal');
export const PageQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
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
      request: { headers: IdempotencyHeader, body: jsonBody(
          z
            .object({
              amount: z.number().int().positive().max(1e13),
              payoutMethodId: z.string().regex(/^[0-9a-f]{16}$/, 'an id').optional().openapi({
                description: 'One of GET /me/payout-methods; without it the default one. No method at all: 422 payout_method_required',
              }),
            })
            .openapi('WithdrawalBody'),
        ) },
      responses: { 201: jsonContent(Withdrawal, 'Taken from the balance and sent to the payout provider: paid, failed (money back), or processing (retried until the provider answers)'), ...problemResponses(400, 401, 409, 422) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const u = requireUser(c);
      const body = c.req.valid('json');
      const res = await idempotent(
        deps.db,
        idempotencyRequest(c, u.id, body),
        async (_db, w: WithdrawalRow) => ({ status: 201, body: presentWithdrawal(w) }),
        (guard) => requestWithdrawal(deps, u.id, body.amount, guard, body.payoutMethodId),
      );
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
      const rows = await listWithdrawals(deps.db, requireUser(c).id, after, q.limit);
      return c.json(toPage(rows, q.limit, (w) => [w.id], presentWithdrawal), 200);
    },
  );

  return r;
}
