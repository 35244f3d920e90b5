// Ledger reads for the routes. Postings are written only by post.ts (inside the caller's transaction).
import { sql } from 'kysely';
import type { Db, Executor } from '../../db/index.ts';
import { decodeCursor, toPage } from '../../lib/pagination.ts';
import { memberAccount } from './accounts.ts';

const ORDER_KINDS = new Set(['payment', 'settlement', 'refund']);

type Row = { id: string; amount: number; kind: string; reference: string; createdAt: Date };

/** A member's statement: every posting into or out of their account, newest first, keyset-paged.
 *  Two index-ordered scans (in and out) merged, rather than an OR that cannot use the order. */
export async function listEntries(db: Db, userId: string, cursor: string | undefined, limit: number) {
  const account = memberAccount(userId);
  // Ids are unique and time-ordered (decision 0002): the id alone is the keyset.
  const after = (decodeCursor(cursor, 1)?.[0] as string | undefined) ?? null;
  const rows = await sql<Row>`
    SELECT p.id, p.amount, t.kind, t.reference, p.created_at AS "createdAt" FROM (
      (SELECT id, amount, transaction_id, created_at FROM ledger_postings
        WHERE to_account = ${account} AND (${after}::text IS NULL OR id < ${after})
        ORDER BY id DESC LIMIT ${limit + 1})
      UNION ALL
      (SELECT id, -amount, transaction_id, created_at FROM ledger_postings
        WHERE from_account = ${account} AND (${after}::text IS NULL OR id < ${after})
        ORDER BY id DESC LIMIT ${limit + 1})
    ) p JOIN ledger_transactions t ON t.id = p.transaction_id
    ORDER BY p.id DESC LIMIT ${limit + 1}`.execute(db);
  return toPage(
    rows.rows,
    limit,
    (r) => [r.id],
    (r) => ({
      id: r.id,
      amount: Number(r.amount),
      kind: r.kind,
      ...(ORDER_KINDS.has(r.kind) ? { orderId: r.reference } : {}),
      ...(r.kind.startsWith('withdrawal') ? { withdrawalId: r.reference } : {}),
      createdAt: r.createdAt.toISOString(),
    }),
  );
}

/** One page of a member's withdrawals, newest first (keyset on id). */
export function listWithdrawals(db: Executor, userId: string, after: string | undefined, limit: number) {
  let query = db.selectFrom('withdrawals').selectAll().where('userId', '=', userId);
  if (after) query = query.where('id', '<', after);
  return query.orderBy('id', 'desc').limit(limit + 1).execute();
}
