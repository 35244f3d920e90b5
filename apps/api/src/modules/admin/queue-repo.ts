// The moderation queue's reads: reports grouped by what they are about, the reported content,
// its context, and the history of the member behind it. A page is a fixed number of queries
// whatever its length (one per kind of target, one per kind of history).
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { Keyset } from '../../lib/pagination.ts';

export type TargetType = 'note' | 'comment' | 'item' | 'user' | 'message' | 'conversation';
export type ReportStatus = 'open' | 'resolved' | 'dismissed';

export type GroupRow = {
  targetType: TargetType;
  targetId: string;
  count: number;
  reasons: string[];
  firstAt: Date;
  lastAt: Date;
  system: boolean;
};

/** Targets with reports in `status`, the most recently reported first. */
export async function reportGroups(
  db: Executor,
  q: { status: ReportStatus; reason?: string; targetType?: TargetType; after: Keyset | null; take: number },
): Promise<GroupRow[]> {
  const r = await sql<GroupRow>`
    SELECT target_type AS "targetType", target_id AS "targetId", count(*)::int AS count,
      array_agg(DISTINCT reason ORDER BY reason) AS reasons,
      min(created_at) AS "firstAt", max(created_at) AS "lastAt", bool_or(reporter_id IS NULL) AS system
    FROM reports
    WHERE status = ${q.status} ${q.targetType ? sql`AND target_type = ${q.targetType}` : sql``}
    GROUP BY target_type, target_id
    HAVING true ${q.reason ? sql`AND bool_or(reason = ${q.reason})` : sql``}
      ${q.after ? sql`AND (max(created_at), target_id) < (${q.after.at}, ${q.after.id})` : sql``}
    ORDER BY "lastAt" DESC, target_id DESC
    LIMIT ${q.take}`.execute(db);
  return r.rows;
}

export async function reportsOn(db: Executor, targets: { targetType: string; targetId: string }[], status: ReportStatus) {
  if (targets.length === 0) return [];
  return db
    .selectFrom('reports as r')
    .leftJoin('users as u', 'u.id', 'r.reporterId')
    .select(['r.id', 'r.targetType', 'r.targetId', 'r.reason', 'r.detail', 'r.evidence', 'r.status', 'r.resolution', 'r.resolvedAt', 'r.createdAt', 'r.reporterId', 'u.username as reporterUsername'])
    .where('r.status', '=', status)
    .where((eb) => eb.or(targets.map((t) => eb.and([eb('r.targetType', '=', t.targetType), eb('r.targetId', '=', t.targetId)]))))
    .orderBy('r.createdAt', 'asc')
    .execute();
}

/** The reported things of each kind, with who wrote them. */
export async function targetRows(db: Executor, ids: Record<TargetType, string[]>) {
  const none = <T>() => Promise.resolve([] as T[]);
  const [notes, comments, items, messages, conversations, users] = await Promise.all([
    ids.note.length ? db.selectFrom('notes').select(['id', 'authorId', 'title', 'body', 'kind', 'hiddenAt', 'createdAt']).where('id', 'in', ids.note).execute() : none<never>(),
    ids.comment.length
      ? db.selectFrom('comments').select(['id', 'authorId', 'noteId', 'body', 'hiddenAt', 'deletedAt', 'createdAt']).where('id', 'in', ids.comment).execute()
      : none<never>(),
    ids.item.length
      ? db.selectFrom('items').select(['id', 'sellerId', 'title', 'description', 'price', 'status', 'hiddenAt', 'createdAt']).where('id', 'in', ids.item).execute()
      : none<never>(),
    ids.message.length
      ? db.selectFrom('messages').select(['id', 'conversationId', 'senderId', 'kind', 'text', 'warnings', 'hiddenAt', 'createdAt']).where('id', 'in', ids.message).execute()
      : none<never>(),
    ids.conversation.length
      ? db.selectFrom('conversations').select(['id', 'userA', 'userB', 'riskScore', 'createdAt']).where('id', 'in', ids.conversation).execute()
      : none<never>(),
    ids.user.length ? db.selectFrom('users').select(['id', 'createdAt']).where('id', 'in', ids.user).execute() : none<never>(),
  ]);
  return { notes, comments, items, messages, conversations, users };
}

export type ContextMessage = { id: string; conversationId: string; senderId: string | null; kind: string; text: string | null; warnings: string[]; hiddenAt: Date | null; createdAt: Date };

/**
 * Around each reported message: up to `n` messages before and after it in its conversation;
 * for a reported conversation, its last 2n messages. One query for the whole page.
 */
export async function contextMessages(db: Executor, messageIds: string[], conversationIds: string[], n = 5): Promise<ContextMessage[]> {
  if (messageIds.length === 0 && conversationIds.length === 0) return [];
  const r = await sql<ContextMessage>`
    SELECT DISTINCT ON (x.id) x.id, x.conversation_id AS "conversationId", x.sender_id AS "senderId", x.kind, x.text,
      x.warnings, x.hidden_at AS "hiddenAt", x.created_at AS "createdAt"
    FROM (
      SELECT b.* FROM messages m CROSS JOIN LATERAL (
        (SELECT * FROM messages p WHERE p.conversation_id = m.conversation_id AND p.id < m.id ORDER BY p.id DESC LIMIT ${n})
        UNION ALL (SELECT * FROM messages f WHERE f.conversation_id = m.conversation_id AND f.id >= m.id ORDER BY f.id LIMIT ${n + 1})
      ) b WHERE m.id = ANY(${messageIds}::text[])
      UNION ALL
      SELECT l.* FROM unnest(${conversationIds}::text[]) AS c(id) CROSS JOIN LATERAL (
        SELECT * FROM messages WHERE conversation_id = c.id ORDER BY id DESC LIMIT ${2 * n}
      ) l
    ) x
    ORDER BY x.id`.execute(db);
  return r.rows;
}

export type MemberRow = { id: string; username: string; displayName: string; status: string; role: string; createdAt: Date };

export const membersByIds = (db: Executor, ids: string[]): Promise<MemberRow[]> =>
  ids.length ? db.selectFrom('users').select(['id', 'username', 'displayName', 'status', 'role', 'createdAt']).where('id', 'in', ids).execute() : Promise.resolve([]);

/**
 * Each member's record: reports against them or anything they wrote (by reason), flagged
 * writes in the last 30 days, their professional-seller flag, and the operator actions taken
 * on them (the audit log's `subjectId`).
 */
export async function memberHistory(db: Executor, ids: string[], now: Date) {
  if (ids.length === 0) return { reports: [], flags: [], sellerFlags: [], actions: [] };
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const [reports, flags, sellerFlags, actions] = await Promise.all([
    sql<{ subjectId: string; reason: string; n: number }>`
      SELECT s.subject_id AS "subjectId", r.reason, count(*)::int AS n
      FROM reports r CROSS JOIN LATERAL (SELECT CASE r.target_type
        WHEN 'user' THEN r.target_id
        WHEN 'note' THEN (SELECT author_id FROM notes WHERE id = r.target_id)
        WHEN 'comment' THEN (SELECT author_id FROM comments WHERE id = r.target_id)
        WHEN 'item' THEN (SELECT seller_id FROM items WHERE id = r.target_id)
        WHEN 'message' THEN (SELECT sender_id FROM messages WHERE id = r.target_id)
      END AS subject_id) s
      WHERE s.subject_id = ANY(${ids}::text[])
      GROUP BY 1, 2`.execute(db),
    sql<{ userId: string; n: number }>`
      SELECT u.id AS "userId",
        (SELECT count(*) FROM messages WHERE sender_id = u.id AND created_at > ${since} AND cardinality(warnings) > 0)::int
        + (SELECT count(*) FROM content_flags WHERE author_id = u.id AND created_at > ${since})::int AS n
      FROM unnest(${ids}::text[]) AS u(id)`.execute(db),
    db.selectFrom('sellerFlags').select(['userId', 'status', 'signals', 'flaggedAt', 'reviewRequestedAt']).where('userId', 'in', ids).execute(),
    sql<{ subjectId: string; action: string; reason: string; at: Date; by: string }>`
      SELECT after->>'subjectId' AS "subjectId", action, reason, created_at AS at, actor_username AS by
      FROM audit_log WHERE after->>'subjectId' = ANY(${ids}::text[])
      ORDER BY created_at DESC LIMIT 200`.execute(db),
  ]);
  return { reports: reports.rows, flags: flags.rows, sellerFlags, actions: actions.rows };
}
