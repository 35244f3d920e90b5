// GET /admin/reports: the moderation queue as operators read it — one entry per reported
// target with the count and the reasons, the content itself, its context (a message's
// neighbours with the scam shield's warnings) and the history of the member behind it.
// System entries (the scam shield's repeat offenders, the professional-seller guard) are
// reports with no reporter and land here like the others.
import type { Deps } from '../../lib/http.ts';
import { cutPage, decodeKeyset } from '../../lib/pagination.ts';
import {
  contextMessages,
  type GroupRow,
  memberHistory,
  membersByIds,
  type ReportStatus,
  reportGroups,
  reportsOn,
  type TargetType,
  targetRows,
} from './queue-repo.ts';
import { limitsOf } from './restrictions.ts';

export type QueueQuery = { status: ReportStatus; reason?: string; targetType?: TargetType; cursor?: string; limit: number };

type Target = {
  exists: boolean;
  hidden: boolean;
  authorId: string | null;
  title: string | null;
  text: string | null;
  price: number | null;
  state: string | null;
  warnings: string[];
  link: string | null;
  createdAt: string | null;
};

const MISSING: Target = { exists: false, hidden: false, authorId: null, title: null, text: null, price: null, state: null, warnings: [], link: null, createdAt: null };

export async function moderationQueue(deps: Pick<Deps, 'db' | 'clock'>, q: QueueQuery) {
  const { db } = deps;
  const rows = await reportGroups(db, { ...q, after: decodeKeyset(q.cursor), take: q.limit + 1 });
  const { page, nextCursor } = cutPage(rows, q.limit, (g) => ({ at: g.lastAt, id: g.targetId }));
  const ids: Record<TargetType, string[]> = { note: [], comment: [], item: [], user: [], message: [], conversation: [] };
  for (const g of page) ids[g.targetType].push(g.targetId);
  const [reports, t, context] = await Promise.all([
    reportsOn(db, page, q.status),
    targetRows(db, ids),
    contextMessages(db, ids.message, ids.conversation),
  ]);
  const targets = new Map<string, Target>();
  const key = (type: string, id: string) => `${type}:${id}`;
  for (const n of t.notes) targets.set(key('note', n.id), { ...MISSING, exists: true, hidden: !!n.hiddenAt, authorId: n.authorId, title: n.title, text: n.body, state: n.kind, link: `/notes/${n.id}`, createdAt: n.createdAt.toISOString() });
  for (const c of t.comments) targets.set(key('comment', c.id), { ...MISSING, exists: true, hidden: !!c.hiddenAt, authorId: c.authorId, text: c.body, state: c.deletedAt ? 'deleted' : null, link: `/notes/${c.noteId}`, createdAt: c.createdAt.toISOString() });
  for (const i of t.items) targets.set(key('item', i.id), { ...MISSING, exists: true, hidden: !!i.hiddenAt, authorId: i.sellerId, title: i.title, text: i.description, price: i.price, state: i.status, link: `/items/${i.id}`, createdAt: i.createdAt.toISOString() });
  for (const m of t.messages) targets.set(key('message', m.id), { ...MISSING, exists: true, hidden: !!m.hiddenAt, authorId: m.senderId, text: m.text, state: m.kind, warnings: m.warnings, createdAt: m.createdAt.toISOString() });
  for (const c of t.conversations) targets.set(key('conversation', c.id), { ...MISSING, exists: true, price: null, state: `risk ${c.riskScore}`, createdAt: c.createdAt.toISOString() });
  for (const u of t.users) targets.set(key('user', u.id), { ...MISSING, exists: true, authorId: u.id, link: `/u/${u.id}`, createdAt: u.createdAt.toISOString() });

  const convOf = new Map(t.conversations.map((c) => [c.id, c]));
  const subjectOf = (g: GroupRow): string | null => {
    if (g.targetType === 'conversation') {
      // The member the reporters complain about: the participant who is not a reporter.
      const c = convOf.get(g.targetId);
      const reporters = new Set(reports.filter((r) => r.targetId === g.targetId).map((r) => r.reporterId));
      return c ? ([c.userA, c.userB].find((u) => !reporters.has(u)) ?? null) : null;
    }
    return targets.get(key(g.targetType, g.targetId))?.authorId ?? null;
  };
  const subjects = [...new Set(page.map(subjectOf).filter((s): s is string => !!s))];
  const now = deps.clock.now();
  const [members, history, limits] = await Promise.all([membersByIds(db, subjects), memberHistory(db, subjects, now), limitsOf(db, subjects, now)]);
  const memberById = new Map(members.map((m) => [m.id, m]));

  const items = page.map((g) => {
    const target = targets.get(key(g.targetType, g.targetId)) ?? MISSING;
    const subjectId = subjectOf(g);
    const member = subjectId ? memberById.get(subjectId) : undefined;
    const convId = g.targetType === 'conversation' ? g.targetId : g.targetType === 'message' ? t.messages.find((m) => m.id === g.targetId)?.conversationId : undefined;
    return {
      targetType: g.targetType,
      targetId: g.targetId,
      count: g.count,
      reasons: g.reasons,
      system: g.system,
      firstAt: g.firstAt.toISOString(),
      lastAt: g.lastAt.toISOString(),
      reports: reports
        .filter((r) => r.targetType === g.targetType && r.targetId === g.targetId)
        .map((r) => ({
          id: r.id,
          reason: r.reason,
          detail: r.detail,
          evidence: r.evidence ?? null,
          reporter: r.reporterId ? { id: r.reporterId, username: r.reporterUsername ?? '' } : null,
          status: r.status,
          resolution: r.resolution,
          createdAt: r.createdAt.toISOString(),
        })),
      target,
      context: convId
        ? context
            .filter((m) => m.conversationId === convId)
            .map((m) => ({ id: m.id, senderId: m.senderId, kind: m.kind, text: m.text, warnings: m.warnings, hidden: !!m.hiddenAt, reported: m.id === g.targetId, createdAt: m.createdAt.toISOString() }))
        : [],
      subject: member
        ? {
            id: member.id,
            username: member.username,
            displayName: member.displayName,
            status: member.status,
            role: member.role,
            createdAt: member.createdAt.toISOString(),
            reports: Object.fromEntries(history.reports.filter((r) => r.subjectId === member.id).map((r) => [r.reason, r.n])),
            flaggedWrites30d: history.flags.find((f) => f.userId === member.id)?.n ?? 0,
            sellerFlag: history.sellerFlags.find((f) => f.userId === member.id)?.status ?? null,
            limits: limits.filter((l) => l.userId === member.id).map((l) => ({ kind: l.kind, until: l.until.toISOString(), reason: l.reason })),
            actions: history.actions
              .filter((a) => a.subjectId === member.id)
              .slice(0, 20)
              .map((a) => ({ action: a.action, reason: a.reason, by: a.by, at: new Date(a.at).toISOString() })),
          }
        : null,
    };
  });
  return { items, nextCursor };
}
