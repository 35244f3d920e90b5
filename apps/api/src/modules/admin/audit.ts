// The audit log: one row per operator action, written in the action's own transaction (an
// action that rolls back leaves no entry, and no action commits without one). Append-only:
// the table's trigger refuses UPDATE, DELETE and TRUNCATE (migration 0017).
import type { Executor } from '../../db/index.ts';
import type { AuthUser } from '../../lib/http.ts';
import { cutPage, decodeKeyset } from '../../lib/pagination.ts';

export type AuditAction =
  | 'report.hide' | 'report.restore' | 'report.warn' | 'report.limit' | 'report.ban' | 'report.unban' | 'report.dismiss'
  | 'case.decide' | 'withdrawal.retry' | 'settings.update' | 'role.grant' | 'member.vouch' | 'member.unvouch';

export type AuditEntry = {
  actor: Pick<AuthUser, 'id' | 'username' | 'role'> | { id: null; username: string; role: string };
  action: AuditAction;
  targetType: string;
  targetId: string;
  reason: string;
  before?: unknown;
  after?: unknown;
  reportId?: string | null;
};

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

export async function writeAudit(tx: Executor, e: AuditEntry, at: Date): Promise<string> {
  const row = await tx
    .insertInto('auditLog')
    .values({
      actorId: e.actor.id,
      actorUsername: e.actor.username,
      actorRole: e.actor.role,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      reason: e.reason,
      before: json(e.before),
      after: json(e.after),
      reportId: e.reportId ?? null,
      createdAt: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type AuditQuery = { cursor?: string; limit: number; action?: string; targetType?: string; targetId?: string; actorId?: string };

export async function listAudit(db: Executor, q: AuditQuery) {
  const after = decodeKeyset(q.cursor);
  let query = db.selectFrom('auditLog').selectAll();
  if (q.action) query = query.where('action', '=', q.action);
  if (q.targetType) query = query.where('targetType', '=', q.targetType);
  if (q.targetId) query = query.where('targetId', '=', q.targetId);
  if (q.actorId) query = query.where('actorId', '=', q.actorId);
  if (after) query = query.where((eb) => eb(eb.refTuple('createdAt', 'id'), '<', eb.tuple(after.at, after.id)));
  const rows = await query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute();
  const { page, nextCursor } = cutPage(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.createdAt.toISOString(),
      actor: { id: r.actorId, username: r.actorUsername, role: r.actorRole },
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      reason: r.reason,
      before: r.before ?? null,
      after: r.after ?? null,
      reportId: r.reportId,
    })),
    nextCursor,
  };
}
