// The only way money moves: one balanced transaction, inside the caller's database
// transaction, with balances updated in the same statement batch as the postings.
import { sql } from 'kysely';
import type { Tx } from '../../db/index.ts';
import { assertFen } from '../../lib/money.ts';
import { accountKind } from './accounts.ts';

export type Posting = { from: string; to: string; amount: number };
export type TxKind =
  | 'payment' | 'settlement' | 'refund' | 'withdrawal' | 'withdrawal_paid' | 'withdrawal_reversed'
  | 'deposit_hold' | 'deposit_release' | 'deposit_refund' | 'adjustment'
  // After-sale (modules/aftersale/money.ts, migration 0014).
  | 'case_refund' | 'case_refund_paid' | 'debt_recovery';

/** A member account would go below zero: nothing was written. */
export class InsufficientFunds extends Error {}
/** This kind of transaction already exists for this reference (an order paid twice, …). */
export class AlreadyPosted extends Error {}

export async function postTransaction(
  tx: Tx,
  t: { kind: TxKind; reference: string; memo?: string; postings: Posting[] },
): Promise<string> {
  const postings = t.postings.filter((p) => p.amount !== 0);
  for (const p of postings) {
    assertFen(p.amount);
    if (p.amount < 0) throw new RangeError('posting amounts are positive; swap from and to instead');
  }
  const accounts = [...new Set(postings.flatMap((p) => [p.from, p.to]))].sort();
  if (accounts.length) {
    await tx
      .insertInto('ledgerAccounts')
      .values(accounts.map((id) => ({ id, ...accountKind(id) })))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  let txId: string;
  try {
    // A savepoint, so a duplicate can be reported without aborting the caller's transaction.
    txId = await savepoint(tx, 'ledger_tx', async () => {
      const row = await tx
        .insertInto('ledgerTransactions')
        .values({ kind: t.kind, reference: t.reference, memo: t.memo ?? '' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    });
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw new AlreadyPosted(`${t.kind} for ${t.reference} exists`);
    throw err;
  }
  if (!postings.length) return txId;
  await tx
    .insertInto('ledgerPostings')
    .values(postings.map((p) => ({ transactionId: txId, fromAccount: p.from, toAccount: p.to, amount: p.amount })))
    .execute();
  const delta = new Map<string, number>();
  for (const p of postings) {
    delta.set(p.from, (delta.get(p.from) ?? 0) - p.amount);
    delta.set(p.to, (delta.get(p.to) ?? 0) + p.amount);
  }
  // Lock and update accounts in id order, so concurrent transactions never deadlock.
  for (const id of accounts) {
    const d = delta.get(id) ?? 0;
    if (d === 0) continue;
    try {
      await savepoint(tx, 'ledger_balance', () =>
        tx.updateTable('ledgerAccounts').set({ balance: sql`balance + ${d}` }).where('id', '=', id).execute(),
      );
    } catch (err) {
      if ((err as { code?: string }).code === '23514') throw new InsufficientFunds(`${id} cannot go below zero`);
      throw err;
    }
  }
  return txId;
}

async function savepoint<T>(tx: Tx, name: string, fn: () => Promise<T>): Promise<T> {
  await sql.raw(`SAVEPOINT ${name}`).execute(tx);
  try {
    const r = await fn();
    await sql.raw(`RELEASE SAVEPOINT ${name}`).execute(tx);
    return r;
  } catch (err) {
    await sql.raw(`ROLLBACK TO SAVEPOINT ${name}`).execute(tx);
    throw err;
  }
}

export async function balanceOf(db: Tx | import('../../db/index.ts').Db, account: string): Promise<number> {
  const row = await db.selectFrom('ledgerAccounts').select('balance').where('id', '=', account).executeTakeFirst();
  return row?.balance ?? 0;
}
