// POST /admin/reports/:id/resolve: one operator action on a reported target, in one
// transaction with exactly one audit entry, the reports on that target closed, and the
// reporters (and the member concerned) told — notifications written in the same transaction
// and pushed after it commits.
import type { Tx } from '../../db/index.ts';
import { conflict, forbidden, notFound, unprocessable } from '../../lib/errors.ts';
import type { AuthUser, Deps } from '../../lib/http.ts';
import { withNotifications } from '../notifications/service.ts';
import { writeAudit } from './audit.ts';
import { endSessions, type LimitKind } from './restrictions.ts';
import { forgetSessions } from '../accounts/sessions.ts';

export const ACTIONS = ['hide', 'restore', 'warn', 'limit', 'ban', 'unban', 'dismiss'] as const;
export type ModerationAction = (typeof ACTIONS)[number];
export type ResolveInput = { action: ModerationAction; reason: string; limit?: { kind: LimitKind; days: number } };

const HIDEABLE = { note: 'notes', comment: 'comments', item: 'items', message: 'messages' } as const;
type Hideable = keyof typeof HIDEABLE;
const isHideable = (t: string): t is Hideable => Object.hasOwn(HIDEABLE, t);

type Target = { type: string; id: string; hiddenAt: Date | null; subjectId: string | null };

/** The reported row, locked, and the member behind it. */
async function lockTarget(tx: Tx, type: string, id: string, reporterId: string | null): Promise<Target | null> {
  const one = <T>(p: Promise<T | undefined>) => p.then((r) => r ?? null);
  switch (type) {
    case 'note': {
      const r = await one(tx.selectFrom('notes').select(['hiddenAt', 'authorId']).where('id', '=', id).forUpdate().executeTakeFirst());
      return r && { type, id, hiddenAt: r.hiddenAt, subjectId: r.authorId };
    }
    case 'comment': {
      const r = await one(tx.selectFrom('comments').select(['hiddenAt', 'authorId']).where('id', '=', id).forUpdate().executeTakeFirst());
      return r && { type, id, hiddenAt: r.hiddenAt, subjectId: r.authorId };
    }
    case 'item': {
      const r = await one(tx.selectFrom('items').select(['hiddenAt', 'sellerId']).where('id', '=', id).forUpdate().executeTakeFirst());
      return r && { type, id, hiddenAt: r.hiddenAt, subjectId: r.sellerId };
    }
    case 'message': {
      const r = await one(tx.selectFrom('messages').select(['hiddenAt', 'senderId']).where('id', '=', id).forUpdate().executeTakeFirst());
      return r && { type, id, hiddenAt: r.hiddenAt, subjectId: r.senderId };
    }
    case 'conversation': {
      const r = await one(tx.selectFrom('conversations').select(['userA', 'userB']).where('id', '=', id).executeTakeFirst());
      // The participant who did not report it is the one it is about.
      return r && { type, id, hiddenAt: null, subjectId: [r.userA, r.userB].find((u) => u !== reporterId) ?? null };
    }
    case 'user': {
      const r = await one(tx.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst());
      return r && { type, id, hiddenAt: null, subjectId: r.id };
    }
    default:
      return null;
  }
}

async function setHidden(tx: Tx, t: Target, hiddenAt: Date | null) {
  if (!isHideable(t.type)) throw unprocessable('action_not_applicable', `A ${t.type} cannot be hidden; act on the member instead.`);
  if ((t.hiddenAt === null) === (hiddenAt === null)) {
    throw conflict('invalid_state', hiddenAt ? 'It is hidden already.' : 'It is not hidden.');
  }
  await tx.updateTable(HIDEABLE[t.type]).set({ hiddenAt }).where('id', '=', t.id).execute();
}

async function lockSubject(tx: Tx, actor: AuthUser, subjectId: string | null, action: string) {
  if (!subjectId) throw unprocessable('action_not_applicable', `There is no member to ${action} for this report.`);
  const s = await tx.selectFrom('users').select(['id', 'status', 'role']).where('id', '=', subjectId).forUpdate().executeTakeFirstOrThrow();
  if (s.id === actor.id) throw forbidden('forbidden', 'You cannot act on your own account.');
  // A deleted account has nothing left to warn, limit, ban or unban (and its row may not change status).
  if (s.status === 'deleted') throw conflict('account_deleted', 'This account was deleted.');
  if (s.role !== 'member' && actor.role !== 'admin') throw forbidden('forbidden', 'Only an admin may act on a moderator or an admin.');
  return s;
}

type Applied = { before: Record<string, unknown>; after: Record<string, unknown>; notice?: Record<string, string | number> };

async function apply(tx: Tx, actor: AuthUser, t: Target, input: ResolveInput, now: Date): Promise<Applied> {
  const base = { subjectId: t.subjectId };
  switch (input.action) {
    case 'hide':
    case 'restore': {
      const hiddenAt = input.action === 'hide' ? now : null;
      await setHidden(tx, t, hiddenAt);
      return { before: { ...base, hiddenAt: t.hiddenAt?.toISOString() ?? null }, after: { ...base, hiddenAt: hiddenAt?.toISOString() ?? null }, notice: { action: input.action, targetType: t.type } };
    }
    case 'warn':
      await lockSubject(tx, actor, t.subjectId, 'warn');
      return { before: base, after: { ...base, warned: true }, notice: { action: 'warn', targetType: t.type } };
    case 'limit': {
      const s = await lockSubject(tx, actor, t.subjectId, 'limit');
      const { kind, days } = input.limit as NonNullable<ResolveInput['limit']>;
      const until = new Date(now.getTime() + days * 86_400_000);
      const row = await tx
        .insertInto('memberLimits')
        // The limit keeps the first 500 characters the member is shown; the audit entry keeps all.
        .values({ userId: s.id, kind, until, reason: input.reason.slice(0, 500), createdBy: actor.id, createdAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { before: base, after: { ...base, limitId: row.id, kind, days, until: until.toISOString() }, notice: { action: 'limit', kind, until: until.toISOString() } };
    }
    case 'ban':
    case 'unban': {
      const s = await lockSubject(tx, actor, t.subjectId, input.action);
      const to = input.action === 'ban' ? 'banned' : 'active';
      // A deleted account is an anonymised tombstone: nothing signs in to ban or to let back.
      if (s.status === 'deleted') throw conflict('invalid_state', 'This account was deleted.');
      if (s.status === to) throw conflict('invalid_state', `The member is ${s.status} already.`);
      await tx.updateTable('users').set({ status: to }).where('id', '=', s.id).execute();
      if (to === 'banned') await endSessions(tx, s.id, now);
      return { before: { ...base, status: s.status }, after: { ...base, status: to } };
    }
    case 'dismiss':
      return { before: base, after: base };
  }
}

export async function resolveReport(deps: Deps, actor: AuthUser, reportId: string, input: ResolveInput) {
  const now = deps.clock.now();
  const result = await withNotifications(deps, async (tx, notify) => {
    const report = await tx.selectFrom('reports').selectAll().where('id', '=', reportId).forUpdate().executeTakeFirst();
    if (!report) throw notFound('report');
    const target = await lockTarget(tx, report.targetType, report.targetId, report.reporterId);
    if (!target && input.action !== 'dismiss') throw conflict('target_gone', 'What was reported no longer exists; dismiss the report.');
    const t = target ?? { type: report.targetType, id: report.targetId, hiddenAt: null, subjectId: null };
    const applied = await apply(tx, actor, t, input, now);
    // Every open report on this target is answered by this action (and this one, even if an
    // earlier action had closed it).
    const status: 'dismissed' | 'resolved' = input.action === 'dismiss' ? 'dismissed' : 'resolved';
    const closed = await tx
      .updateTable('reports')
      .set({ status, resolution: input.action, resolvedAt: now, resolvedBy: actor.id })
      .where((eb) => eb.or([eb('id', '=', report.id), eb.and([eb('targetType', '=', report.targetType), eb('targetId', '=', report.targetId), eb('status', '=', 'open')])]))
      .returning(['id', 'reporterId', 'reason'])
      .execute();
    // An operator who dismisses the professional-seller guard's entry has judged the member an
    // individual: the flag is cleared (a new kind of signal can raise it again).
    if (input.action === 'dismiss' && t.type === 'user' && closed.some((r) => r.reason === 'pro_seller')) {
      await tx.updateTable('sellerFlags').set({ status: 'cleared', clearedAt: now }).where('userId', '=', t.id).where('status', '=', 'flagged').execute();
    }
    const auditId = await writeAudit(tx, {
      actor, action: `report.${input.action}`, targetType: t.type, targetId: t.id, reason: input.reason,
      before: applied.before, after: { ...applied.after, reports: closed.map((r) => r.id) }, reportId: report.id,
    }, now);
    for (const reporterId of new Set(closed.map((r) => r.reporterId).filter((r): r is string => !!r))) {
      await notify({ recipientId: reporterId, type: 'report_outcome', actorId: null, data: { action: input.action, targetType: t.type } });
    }
    if (applied.notice && t.subjectId) {
      // The author's own note or item stays reachable to them from the notification.
      const subject = t.type === 'note' ? { noteId: t.id } : t.type === 'item' ? { itemId: t.id } : {};
      await notify({ recipientId: t.subjectId, type: 'moderation_notice', actorId: null, ...subject, data: { ...applied.notice, reason: input.reason.slice(0, 300) } });
    }
    return { auditId, reportIds: closed.map((r) => r.id), status, subjectId: t.subjectId, ...applied };
  });
  if (input.action === 'ban' && result.subjectId) {
    await forgetSessions(deps, result.subjectId); // every process's session cache, after commit
    // Open sockets of the banned member hear it at once (their sessions are already revoked).
    await deps.hub.publish(deps.db, [result.subjectId], { type: 'session_ended', reason: 'banned' }).catch((err) => deps.log.warn({ err }, 'ban push failed'));
  }
  return result;
}
