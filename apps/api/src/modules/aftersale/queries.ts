// Lists: a member's cases, a juror's duties, the public log. Keyset-paged, on indexes keyed the
// same way (after_sales_buyer/seller, after_sale_jurors_user, after_sales_log).
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { badRequest } from '../../lib/errors.ts';
import { decodeCursor, toPage } from '../../lib/pagination.ts';
import type { CaseRow } from './repo.ts';

export async function listMyCases(db: Executor, userId: string, role: 'buyer' | 'seller', cursor: string | undefined, limit: number) {
  const after = decodeCursor(cursor, 1)?.[0] as string | undefined;
  let q = db.selectFrom('afterSales').selectAll().where(role === 'buyer' ? 'buyerId' : 'sellerId', '=', userId);
  if (after) q = q.where('id', '<', after);
  const rows = await q.orderBy('id', 'desc').limit(limit + 1).execute();
  return { rows: rows.slice(0, limit), nextCursor: toPage(rows, limit, (r) => [r.id], (r) => r).nextCursor };
}

export async function listJuryDuties(db: Executor, userId: string, cursor: string | undefined, limit: number) {
  const after = decodeCursor(cursor, 1)?.[0] as string | undefined;
  let q = db
    .selectFrom('afterSaleJurors').innerJoin('afterSales', 'afterSales.id', 'afterSaleJurors.caseId')
    .selectAll('afterSales')
    .where('afterSaleJurors.userId', '=', userId);
  if (after) q = q.where('afterSaleJurors.caseId', '<', after);
  const rows: CaseRow[] = await q.orderBy('afterSaleJurors.caseId', 'desc').limit(limit + 1).execute();
  return { rows: rows.slice(0, limit), nextCursor: toPage(rows, limit, (r) => [r.id], (r) => r).nextCursor };
}

type LogRow = {
  id: string; reason: string; amount: number; status: string; verdict: string; decidedBy: string; decidedAt: Date;
  snapshot: { title?: string; category?: string | null }; refund: number; release: number;
};

/** Decided cases, anonymised: what was disputed, what was decided, how the jury voted. */
export async function juryLog(db: Executor, cursor: string | undefined, limit: number) {
  const after = decodeCursor(cursor, 2) as [string, string] | null;
  if (after && Number.isNaN(new Date(after[0]).getTime())) throw badRequest('invalid_cursor', 'The cursor is not one this API gave out.');
  const rows = await sql<LogRow>`
    SELECT a.id, a.reason, a.amount, a.status, a.verdict, a.decided_by AS "decidedBy", a.decided_at AS "decidedAt",
      o.item_snapshot AS snapshot,
      (SELECT count(*)::int FROM after_sale_jurors j WHERE j.case_id = a.id AND j.verdict = 'refund') AS refund,
      (SELECT count(*)::int FROM after_sale_jurors j WHERE j.case_id = a.id AND j.verdict = 'release') AS release
    FROM after_sales a JOIN orders o ON o.id = a.order_id
    WHERE a.decided_by IN ('jury', 'operator')
      ${after ? sql`AND (a.decided_at, a.id) < (${new Date(after[0])}, ${after[1]})` : sql``}
    ORDER BY a.decided_at DESC, a.id DESC
    LIMIT ${limit + 1}`.execute(db);
  return toPage(
    rows.rows,
    limit,
    (r) => [r.decidedAt.toISOString(), r.id],
    (r) => ({
      id: r.id,
      reason: r.reason as 'damaged',
      title: r.snapshot.title ?? '',
      category: r.snapshot.category ?? null,
      amount: r.amount,
      status: r.status as 'refunded',
      verdict: r.verdict as 'refund',
      decidedBy: r.decidedBy as 'jury',
      votes: { refund: r.refund, release: r.release },
      decidedAt: r.decidedAt.toISOString(),
    }),
  );
}
