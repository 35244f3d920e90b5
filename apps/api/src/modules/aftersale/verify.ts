// The after-sale invariants `ledger:verify` checks (ledger/verify.ts calls this in its snapshot).
import { sql } from 'kysely';
import type { Tx } from '../../db/index.ts';
import type { Violation } from '../ledger/verify.ts';

export async function verifyAfterSales(tx: Tx): Promise<Violation[]> {
  const out: Violation[] = [];
  // A case is refunded exactly when its refund is booked (one per case: a unique index and the
  // once-per-reference check).
  const refund = await sql<{ id: string; status: string; n: number }>`
    SELECT c.id, c.status, count(t.id)::int AS n FROM after_sales c
    LEFT JOIN ledger_transactions t ON t.kind = 'case_refund' AND t.reference = c.id
    GROUP BY c.id, c.status HAVING (c.status = 'refunded') <> (count(t.id) = 1)`.execute(tx);
  for (const r of refund.rows) out.push({ check: 'case_refund_matches_status', detail: `case ${r.id} is ${r.status} with ${r.n} refund(s)` });

  // Refunded or settled, never both: a refund taken from an order's escrow and a settlement of
  // that same escrow cannot both exist.
  const both = await sql<{ id: string; orderId: string }>`
    SELECT c.id, c.order_id AS "orderId" FROM after_sales c
    JOIN ledger_transactions t ON t.kind = 'case_refund' AND t.reference = c.id
    WHERE EXISTS (SELECT 1 FROM ledger_postings p WHERE p.transaction_id = t.id AND p.from_account = 'escrow:order:' || c.order_id)
      AND EXISTS (SELECT 1 FROM ledger_transactions s WHERE s.kind = 'settlement' AND s.reference = c.order_id)`.execute(tx);
  for (const r of both.rows) out.push({ check: 'case_refunded_or_settled', detail: `case ${r.id}: order ${r.orderId} was both refunded from escrow and settled` });

  // A refunded order is one a case refunded.
  const orders = await sql<{ id: string }>`
    SELECT o.id FROM orders o WHERE o.status = 'refunded'
      AND NOT EXISTS (SELECT 1 FROM after_sales c WHERE c.order_id = o.id AND c.status = 'refunded')`.execute(tx);
  for (const r of orders.rows) out.push({ check: 'refunded_order_has_case', detail: `order ${r.id} is refunded without a refunded case` });

  // Refunds booked and not yet confirmed by the gateway are exactly what clearing holds.
  const clearing = await sql<{ held: number; owed: number }>`
    SELECT coalesce((SELECT balance FROM ledger_accounts WHERE id = 'clearing:refunds'), 0)::bigint AS held,
      coalesce((SELECT sum(amount) FROM after_sales WHERE refund_status = 'processing'), 0)::bigint AS owed`.execute(tx);
  const c = clearing.rows[0];
  if (c && Number(c.held) !== Number(c.owed)) out.push({ check: 'refund_clearing', detail: `clearing:refunds holds ${c.held}, refunds pending ${c.owed}` });

  // What the platform advanced for a seller is repaid at most once over.
  const over = await sql<{ id: string; balance: number }>`
    SELECT id, balance FROM ledger_accounts WHERE id LIKE 'external:advances:%' AND balance > 0`.execute(tx);
  for (const r of over.rows) out.push({ check: 'advance_not_over_repaid', detail: `${r.id}: ${r.balance}` });
  return out;
}
