// What stops an account from being deleted: anything a counterparty or the money still waits
// on. The member finishes (or cancels) it first; deleting would leave the other side with an
// order or a case nobody answers, or money in an account nobody can withdraw.
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { OPEN_STATUSES } from '../aftersale/state.ts';
import { memberAccount } from '../ledger/accounts.ts';

/** Orders in these states still need both parties (or hold money in escrow). */
export const OPEN_ORDER_STATUSES = ['pending_payment', 'reserved', 'paid', 'shipped', 'delivered', 'refunding'] as const;

export type Blocker =
  | { kind: 'open_orders'; orderIds: string[] }
  | { kind: 'open_cases'; caseIds: string[] }
  | { kind: 'wallet_not_empty'; balance: number }
  | { kind: 'withdrawal_processing'; withdrawalIds: string[] };

/**
 * Everything that blocks deletion now. `lock` takes the rows FOR UPDATE (inside the deletion's
 * transaction), so a payment or a posting that arrives meanwhile waits for the answer.
 * `unpaidToo` false leaves out orders still awaiting payment: the service cancels those itself.
 */
export async function findBlockers(db: Executor, userId: string, { lock = false, unpaidToo = true } = {}): Promise<Blocker[]> {
  const statuses = OPEN_ORDER_STATUSES.filter((s) => unpaidToo || s !== 'pending_payment');
  const forUpdate = lock ? sql`FOR UPDATE` : sql``;
  const orders = await sql<{ id: string }>`
    SELECT id FROM orders WHERE (buyer_id = ${userId} OR seller_id = ${userId})
      AND status IN (${sql.join(statuses)}) ORDER BY id ${forUpdate}`.execute(db);
  const cases = await sql<{ id: string }>`
    SELECT id FROM after_sales WHERE (buyer_id = ${userId} OR seller_id = ${userId})
      AND status IN (${sql.join(OPEN_STATUSES)}) ORDER BY id ${forUpdate}`.execute(db);
  const account = await sql<{ balance: number }>`
    SELECT balance FROM ledger_accounts WHERE id = ${memberAccount(userId)} ${forUpdate}`.execute(db);
  const withdrawals = await sql<{ id: string }>`
    SELECT id FROM withdrawals WHERE user_id = ${userId} AND status = 'processing' ORDER BY id`.execute(db);
  const out: Blocker[] = [];
  if (orders.rows.length) out.push({ kind: 'open_orders', orderIds: orders.rows.map((r) => r.id) });
  if (cases.rows.length) out.push({ kind: 'open_cases', caseIds: cases.rows.map((r) => r.id) });
  const balance = Number(account.rows[0]?.balance ?? 0);
  if (balance !== 0) out.push({ kind: 'wallet_not_empty', balance });
  if (withdrawals.rows.length) out.push({ kind: 'withdrawal_processing', withdrawalIds: withdrawals.rows.map((r) => r.id) });
  return out;
}

const SAY: Record<Blocker['kind'], string> = {
  open_orders: 'You have orders in progress: complete or cancel them first.',
  open_cases: 'You have open after-sale cases: wait for them to close, or withdraw the ones you opened.',
  wallet_not_empty: 'Your wallet still holds money: withdraw it first.',
  withdrawal_processing: 'A withdrawal is still on its way: wait until it is paid.',
};

/** The problem detail: every blocker in one sentence each, so the member sees the whole list. */
export const describeBlockers = (blockers: Blocker[]) =>
  `Your account cannot be deleted yet. ${blockers.map((b) => SAY[b.kind]).join(' ')}`;
