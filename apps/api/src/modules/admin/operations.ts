// The console's other duties: after-sale cases that need an operator, withdrawals (with a
// manual retry), and members' roles. Each action writes one audit entry.
import type { CaseStatus } from '@jishi/shared';
import { sql } from 'kysely';
import { withTx } from '../../db/index.ts';
import { conflict, forbidden, notFound } from '../../lib/errors.ts';
import type { AuthUser, Deps, Role } from '../../lib/http.ts';
import { forgetSessions } from '../accounts/sessions.ts';
import { decideCase } from '../aftersale/service/jury.ts';
import { completeWithdrawal } from '../ledger/withdrawals.ts';
import { cutPage, decodeKeyset } from '../../lib/pagination.ts';
import { writeAudit } from './audit.ts';

type Page = { cursor?: string; limit: number };

/** Cases for the console: `with_operator` first by default; with the jury's progress. */
export async function listCases(deps: Pick<Deps, 'db'>, q: Page & { status?: string }) {
  const after = decodeKeyset(q.cursor);
  const statuses = q.status ? [q.status] : ['with_operator', 'in_jury'];
  const rows = await sql<{
    id: string; orderId: string; status: CaseStatus; reason: string; amount: number; returnItem: boolean; buyerId: string; sellerId: string;
    buyer: string; seller: string; deadlineAt: Date | null; verdict: string | null; decidedBy: string | null; createdAt: Date;
    jurors: number; voted: number; refundVotes: number; releaseVotes: number;
  }>`
    SELECT a.id, a.order_id AS "orderId", a.status, a.reason, a.amount, a.return_item AS "returnItem",
      a.buyer_id AS "buyerId", a.seller_id AS "sellerId", b.username AS buyer, s.username AS seller,
      a.deadline_at AS "deadlineAt", a.verdict, a.decided_by AS "decidedBy", a.created_at AS "createdAt",
      count(j.user_id) FILTER (WHERE j.status IN ('pending', 'voted'))::int AS jurors,
      count(j.user_id) FILTER (WHERE j.status = 'voted')::int AS voted,
      count(j.user_id) FILTER (WHERE j.verdict = 'refund')::int AS "refundVotes",
      count(j.user_id) FILTER (WHERE j.verdict = 'release')::int AS "releaseVotes"
    FROM after_sales a JOIN users b ON b.id = a.buyer_id JOIN users s ON s.id = a.seller_id
      LEFT JOIN after_sale_jurors j ON j.case_id = a.id
    WHERE a.status = ANY(${statuses}::text[]) ${after ? sql`AND (a.created_at, a.id) < (${after.at}, ${after.id})` : sql``}
    GROUP BY a.id, b.username, s.username
    ORDER BY a.created_at DESC, a.id DESC
    LIMIT ${q.limit + 1}`.execute(deps.db);
  const { page, nextCursor } = cutPage(rows.rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return {
    items: page.map((r) => ({
      ...r,
      deadlineAt: r.deadlineAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      jury: { seated: r.jurors, voted: r.voted, refund: r.refundVotes, release: r.releaseVotes },
    })),
    nextCursor,
  };
}

export async function decide(deps: Deps, actor: AuthUser, caseId: string, body: { verdict: 'refund' | 'release'; reason: string }) {
  const row = await decideCase(deps, caseId, body.verdict, body.reason, actor.id, async (tx, before, after) => {
    await writeAudit(tx, {
      actor, action: 'case.decide', targetType: 'case', targetId: caseId, reason: body.reason,
      before: { status: before.status, verdict: before.verdict, subjectId: null },
      after: { status: after.status, verdict: after.verdict, decidedBy: 'operator' },
    }, deps.clock.now());
  });
  return { id: row.id, status: row.status, verdict: row.verdict };
}

export async function listWithdrawals(deps: Pick<Deps, 'db'>, q: Page & { status?: string }) {
  const after = decodeKeyset(q.cursor);
  let query = deps.db
    .selectFrom('withdrawals as w')
    .innerJoin('users as u', 'u.id', 'w.userId')
    .select(['w.id', 'w.userId', 'u.username', 'w.amount', 'w.status', 'w.method', 'w.attempts', 'w.lastError', 'w.failureReason', 'w.providerRef', 'w.createdAt', 'w.updatedAt']);
  if (q.status) query = query.where('w.status', '=', q.status);
  if (after) query = query.where((eb) => eb(eb.refTuple('w.createdAt', 'w.id'), '<', eb.tuple(after.at, after.id)));
  const rows = await query.orderBy('w.createdAt', 'desc').orderBy('w.id', 'desc').limit(q.limit + 1).execute();
  const { page, nextCursor } = cutPage(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
  // The CHECK on withdrawals.status allows exactly these three.
  const status = (s: string) => s as 'processing' | 'paid' | 'failed';
  return { items: page.map((w) => ({ ...w, status: status(w.status), createdAt: w.createdAt.toISOString(), updatedAt: w.updatedAt.toISOString() })), nextCursor };
}

/**
 * Asks the payout provider again for a withdrawal still processing (the provider is idempotent
 * by withdrawal id, so a retry never pays twice). A paid or failed one is final: 409.
 */
export async function retryWithdrawal(deps: Deps, actor: AuthUser, id: string, reason: string) {
  const w = await deps.db.selectFrom('withdrawals').select(['status', 'attempts']).where('id', '=', id).executeTakeFirst();
  if (!w) throw notFound('withdrawal');
  if (w.status !== 'processing') throw conflict('invalid_state', `The withdrawal is ${w.status}; only one still processing can be retried.`, { withdrawalStatus: w.status });
  let after: { status: string; attempts: number; lastError: string | null } | { error: string } = { error: 'not asked' };
  try {
    const r = await completeWithdrawal(deps, id);
    after = { status: r.status, attempts: r.attempts, lastError: r.lastError };
    return r;
  } catch (err) {
    after = { error: err instanceof Error ? err.message : String(err) };
    throw err;
  } finally {
    // The provider was asked whatever happened next: the log says so.
    await writeAudit(deps.db, { actor, action: 'withdrawal.retry', targetType: 'withdrawal', targetId: id, reason, before: w, after }, deps.clock.now());
  }
}

export async function findMembers(deps: Pick<Deps, 'db'>, q: { q?: string; role?: string; limit: number }) {
  let query = deps.db.selectFrom('users').select(['id', 'username', 'displayName', 'role', 'status', 'createdAt', 'verifiedAt', 'vouchedAt']);
  if (q.q) query = query.where(sql<boolean>`lower(username) LIKE ${`${q.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`}`);
  if (q.role) query = query.where('role', '=', q.role);
  const rows = await query.orderBy('username').limit(q.limit).execute();
  return { items: rows.map(({ verifiedAt, vouchedAt, ...r }) => ({ ...r, createdAt: r.createdAt.toISOString(), verified: verifiedAt !== null, vouchedAt: vouchedAt?.toISOString() ?? null })) };
}

/** Gives a member a role; by an admin (the console) or by `npm run admin:grant` (actor null). */
export async function setRole(
  deps: Pick<Deps, 'db' | 'clock'> & Partial<Pick<Deps, 'hub' | 'log'>>,
  actor: AuthUser | { id: null; username: string; role: string },
  target: { id?: string; username?: string },
  role: Role,
  reason: string,
) {
  const result = await withTx(deps.db, async (tx) => {
    let q = tx.selectFrom('users').select(['id', 'username', 'role']).forUpdate();
    q = target.id ? q.where('id', '=', target.id) : q.where(sql<boolean>`lower(username) = ${(target.username ?? '').toLowerCase()}`);
    const u = await q.executeTakeFirst();
    if (!u) throw notFound('member');
    if (actor.id && u.id === actor.id && role !== 'admin') throw forbidden('forbidden', 'An admin cannot take their own admin role away.');
    if (u.role === role) return { id: u.id, username: u.username, role, changed: false };
    await tx.updateTable('users').set({ role }).where('id', '=', u.id).execute();
    await writeAudit(tx, {
      actor, action: 'role.grant', targetType: 'user', targetId: u.id, reason,
      before: { role: u.role, subjectId: u.id }, after: { role, subjectId: u.id },
    }, deps.clock.now());
    return { id: u.id, username: u.username, role, changed: true };
  });
  // The role rides with the session: every process's session cache (SESSION_CACHE_MS) forgets the
  // member's entries — also when `npm run admin:grant` (no hub) made the change.
  if (result.changed) await forgetSessions(deps, result.id);
  return result;
}
