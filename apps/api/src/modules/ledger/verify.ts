// Checks the ledger invariants on a live database (SPEC C5). Read-only; safe to run any time.
import { sql } from 'kysely';
import type { Db, Tx } from '../../db/index.ts';
import { verifyAfterSales } from '../aftersale/verify.ts';

export type Violation = { check: string; detail: string };

export async function verifyLedger(db: Db): Promise<{ violations: Violation[]; stats: Record<string, number> }> {
  const violations: Violation[] = [];
  // One snapshot for every check: a live system keeps posting while we read.
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (tx) => {
    const total = await sql<{ sum: number | null; n: number }>`
      SELECT sum(balance)::bigint AS sum, count(*)::int AS n FROM ledger_accounts`.execute(tx);
    const sum = Number(total.rows[0]?.sum ?? 0);
    if (sum !== 0) violations.push({ check: 'sum_zero', detail: `balances sum to ${sum}, not 0` });

    const drift = await sql<{ id: string; balance: number; computed: number }>`
      SELECT a.id, a.balance, coalesce(i.s, 0) - coalesce(o.s, 0) AS computed
      FROM ledger_accounts a
      LEFT JOIN (SELECT to_account, sum(amount)::bigint s FROM ledger_postings GROUP BY 1) i ON i.to_account = a.id
      LEFT JOIN (SELECT from_account, sum(amount)::bigint s FROM ledger_postings GROUP BY 1) o ON o.from_account = a.id
      WHERE a.balance <> coalesce(i.s, 0) - coalesce(o.s, 0)`.execute(tx);
    for (const r of drift.rows) {
      violations.push({ check: 'balance_matches_postings', detail: `${r.id}: balance ${r.balance}, postings say ${r.computed}` });
    }

    const negative = await sql<{ id: string; balance: number }>`
      SELECT id, balance FROM ledger_accounts WHERE kind <> 'external' AND balance < 0`.execute(tx);
    for (const r of negative.rows) violations.push({ check: 'no_negative_balance', detail: `${r.id}: ${r.balance}` });

    const twice = await sql<{ kind: string; reference: string; n: number }>`
      SELECT kind, reference, count(*)::int AS n FROM ledger_transactions
      WHERE kind IN ('payment', 'settlement', 'refund', 'case_refund', 'case_refund_paid', 'deposit_hold', 'deposit_refund', 'deposit_release')
      GROUP BY 1, 2 HAVING count(*) > 1`.execute(tx);
    for (const r of twice.rows) violations.push({ check: 'once_per_order', detail: `${r.kind} ${r.reference} ×${r.n}` });

    const both = await sql<{ reference: string }>`
      SELECT reference FROM ledger_transactions WHERE kind IN ('settlement', 'refund')
      GROUP BY reference HAVING count(DISTINCT kind) > 1`.execute(tx);
    for (const r of both.rows) violations.push({ check: 'settled_or_refunded', detail: `order ${r.reference} was both settled and refunded` });

    // Orders and escrow agree: money sits in an order's escrow exactly while the order holds it.
    const escrow = await sql<{ id: string; status: string; total: number; held: number; owed: boolean }>`
      SELECT o.id, o.status, o.total, coalesce(a.balance, 0) AS held,
             EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.status = 'succeeded') AS owed
      FROM orders o LEFT JOIN ledger_accounts a ON a.id = 'escrow:order:' || o.id
      WHERE CASE
        WHEN o.status IN ('paid', 'shipped', 'delivered') THEN coalesce(a.balance, 0) <> o.total
        -- A reservation holds its deposit, and only that.
        WHEN o.status = 'reserved' THEN coalesce(a.balance, 0) <> coalesce(o.deposit, -1)
        -- An after-sale case holds the escrow of an order it opened on before completion (of a
        -- reservation whose no-show it contests: the deposit).
        WHEN o.status = 'refunding' THEN coalesce(a.balance, 0) <> coalesce((
          SELECT CASE WHEN c.order_status_before = 'reserved' THEN o.deposit ELSE o.total END
          FROM after_sales c WHERE c.order_id = o.id AND c.escrow_held AND c.closed_at IS NULL LIMIT 1), 0)
        -- While refunds are owed: everything, or a deposit order's deposit or balance still to go back.
        WHEN o.status = 'cancelled' THEN coalesce(a.balance, 0) NOT IN (0, o.total, coalesce(o.deposit, 0), o.total - coalesce(o.deposit, 0))
        ELSE coalesce(a.balance, 0) <> 0
      END`.execute(tx);
    for (const r of escrow.rows) {
      violations.push({ check: 'escrow_matches_order', detail: `order ${r.id} is ${r.status} (total ${r.total}) but escrow holds ${r.held}` });
    }
    // A cancelled order may hold its money only while its refund is owed (the sweep retries it).
    const stuck = await sql<{ id: string }>`
      SELECT o.id FROM orders o JOIN ledger_accounts a ON a.id = 'escrow:order:' || o.id
      WHERE o.status = 'cancelled' AND a.balance > 0
        AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.status = 'succeeded')`.execute(tx);
    for (const r of stuck.rows) violations.push({ check: 'refund_owed', detail: `cancelled order ${r.id} holds money with no refund pending` });
    const settled = await sql<{ id: string }>`
      SELECT o.id FROM orders o WHERE o.status = 'completed' AND o.total > 0
        AND NOT EXISTS (SELECT 1 FROM ledger_transactions t WHERE t.kind = 'settlement' AND t.reference = o.id)`.execute(tx);
    for (const r of settled.rows) violations.push({ check: 'completed_is_settled', detail: `order ${r.id} completed without settlement` });

    violations.push(...(await verifyAfterSales(tx)));
    violations.push(...(await deposits(tx)));

    violations.push(...(await paymentsAndPayouts(tx)));
    const counts = await sql<{ tx: number; postings: number }>`
      SELECT (SELECT count(*) FROM ledger_transactions)::int AS tx, (SELECT count(*) FROM ledger_postings)::int AS postings`.execute(tx);
    return {
      violations,
      stats: { accounts: total.rows[0]?.n ?? 0, transactions: counts.rows[0]?.tx ?? 0, postings: counts.rows[0]?.postings ?? 0 },
    };
  });
}

/**
 * Payments and withdrawals agree with the ledger (issue 9: reconciliation, refund and payout
 * retries must book each outcome exactly once):
 *   - an order's payment is booked into escrow iff one of its payments was captured, and its
 *     refund is booked iff that payment is refunded;
 *   - a withdrawal was taken once, and is paid once or reversed once exactly as its status says;
 *   - the payout clearing account holds exactly the withdrawals still processing.
 */
async function paymentsAndPayouts(tx: Tx): Promise<Violation[]> {
  const out: Violation[] = [];
  // Per purpose: a deposit books deposit_hold / deposit_refund, a balance or full payment payment / refund.
  const payments = await sql<{ id: string; purpose: string; captured: boolean; booked: boolean; refunded: boolean; refundBooked: boolean }>`
    SELECT o.id, k.purpose,
      EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.purpose = ANY (k.purposes) AND p.status IN ('succeeded', 'refunded')) AS captured,
      EXISTS (SELECT 1 FROM ledger_transactions t WHERE t.kind = k.paid AND t.reference = o.id) AS booked,
      EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.purpose = ANY (k.purposes) AND p.status = 'refunded') AS refunded,
      EXISTS (SELECT 1 FROM ledger_transactions t WHERE t.kind = k.back AND t.reference = o.id) AS "refundBooked"
    FROM orders o
    CROSS JOIN (VALUES ('deposit', ARRAY['deposit'], 'deposit_hold', 'deposit_refund'),
                       ('payment', ARRAY['full', 'balance'], 'payment', 'refund')) AS k(purpose, purposes, paid, back)
    WHERE o.total > 0`.execute(tx);
  for (const r of payments.rows) {
    const what = r.purpose === 'deposit' ? 'deposit' : 'payment';
    if (r.captured !== r.booked) out.push({ check: `${what}_matches_ledger`, detail: `order ${r.id}: captured ${r.captured}, booked ${r.booked}` });
    if (r.refunded !== r.refundBooked) out.push({ check: r.purpose === 'deposit' ? 'deposit_refund_matches_ledger' : 'refund_matches_ledger', detail: `order ${r.id}: refunded ${r.refunded}, booked ${r.refundBooked}` });
  }
  const withdrawals = await sql<{ id: string; status: string; taken: number; paid: number; reversed: number }>`
    SELECT w.id, w.status,
      count(t.id) FILTER (WHERE t.kind = 'withdrawal')::int AS taken,
      count(t.id) FILTER (WHERE t.kind = 'withdrawal_paid')::int AS paid,
      count(t.id) FILTER (WHERE t.kind = 'withdrawal_reversed')::int AS reversed
    FROM withdrawals w
    LEFT JOIN ledger_transactions t ON t.reference = w.id AND t.kind IN ('withdrawal', 'withdrawal_paid', 'withdrawal_reversed')
    GROUP BY w.id, w.status`.execute(tx);
  const expected: Record<string, [number, number]> = { processing: [0, 0], paid: [1, 0], failed: [0, 1] };
  for (const w of withdrawals.rows) {
    const [paid, reversed] = expected[w.status] ?? [-1, -1];
    if (w.taken !== 1 || w.paid !== paid || w.reversed !== reversed) {
      out.push({ check: 'withdrawal_matches_ledger', detail: `withdrawal ${w.id} is ${w.status}: taken ×${w.taken}, paid ×${w.paid}, reversed ×${w.reversed}` });
    }
  }
  const clearing = await sql<{ held: number; processing: number }>`
    SELECT coalesce((SELECT balance FROM ledger_accounts WHERE id = 'clearing:payouts'), 0)::bigint AS held,
           coalesce((SELECT sum(amount) FROM withdrawals WHERE status = 'processing'), 0)::bigint AS processing`.execute(tx);
  const c = clearing.rows[0];
  if (c && Number(c.held) !== Number(c.processing)) {
    out.push({ check: 'payout_clearing_matches_processing', detail: `clearing:payouts holds ${c.held}, processing withdrawals ${c.processing}` });
  }
  return out;
}

/**
 * Reservation deposits (定金托管): a deposit is refunded (deposit_refund, or a contest's
 * case_refund) or settled to the seller (deposit_release) at most once, never both; a settled
 * deposit is a no-show's, on an order cancelled for it; a deposit is held only by an order that
 * has one.
 */
async function deposits(tx: Tx): Promise<Violation[]> {
  const out: Violation[] = [];
  const both = await sql<{ id: string; n: number }>`
    SELECT o.id, (
      (SELECT count(*) FROM ledger_transactions t WHERE t.reference = o.id AND t.kind IN ('deposit_refund', 'deposit_release')) +
      (SELECT count(*) FROM after_sales c JOIN ledger_transactions t ON t.kind = 'case_refund' AND t.reference = c.id
        WHERE c.order_id = o.id AND c.order_status_before = 'reserved'))::int AS n
    FROM orders o WHERE o.deposit IS NOT NULL`.execute(tx);
  for (const r of both.rows) if (r.n > 1) out.push({ check: 'deposit_once', detail: `order ${r.id}: its deposit was refunded or settled ${r.n} times` });
  const settled = await sql<{ id: string; status: string }>`
    SELECT o.id, o.status FROM orders o JOIN ledger_transactions t ON t.kind = 'deposit_release' AND t.reference = o.id
    WHERE o.status <> 'cancelled' OR o.cancel_reason <> 'no_show' OR o.deposit IS NULL`.execute(tx);
  for (const r of settled.rows) out.push({ check: 'deposit_settled_on_no_show', detail: `order ${r.id} is ${r.status} with its deposit settled` });
  const stray = await sql<{ id: string }>`
    SELECT o.id FROM orders o JOIN ledger_transactions t ON t.kind = 'deposit_hold' AND t.reference = o.id WHERE o.deposit IS NULL`.execute(tx);
  for (const r of stray.rows) out.push({ check: 'deposit_has_order', detail: `order ${r.id} holds a deposit it does not have` });
  return out;
}
