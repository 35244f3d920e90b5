// Data access for notifications: plain functions, db (or a transaction) first.
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { Keyset } from '../../lib/pagination.ts';
import { usersByIds } from '../accounts/index.ts';
import type { NotificationType } from './schema.ts';

/** At most this many distinct actors are remembered per entry (the count goes on beyond). */
export const ACTORS_KEPT = 20;

export type NotificationRow = {
  id: string;
  recipientId: string;
  type: string;
  actorIds: string[];
  actorCount: number;
  noteId: string | null;
  commentId: string | null;
  itemId: string | null;
  orderId: string | null;
  offerId: string | null;
  caseId: string | null;
  data: unknown;
  groupKey: string | null;
  createdAt: Date;
  readAt: Date | null;
};

export type NoticeRow = {
  recipientId: string;
  type: NotificationType;
  actorId: string | null;
  noteId: string | null;
  commentId: string | null;
  itemId: string | null;
  orderId: string | null;
  offerId: string | null;
  caseId: string | null;
  data: Record<string, unknown>;
  groupKey: string | null;
  at: Date;
};

/**
 * Writes one entry, or joins the member's open (unread) group with the same key. Nothing is
 * written when the recipient blocked the actor. Returns the entry's id, or null.
 */
export async function upsertNotification(db: Executor, n: NoticeRow): Promise<string | null> {
  const actor = n.actorId;
  const r = await sql<{ id: string }>`
    INSERT INTO notifications (recipient_id, type, actor_ids, actor_count, note_id, comment_id, item_id,
      order_id, offer_id, case_id, data, group_key, created_at)
    SELECT ${n.recipientId}, ${n.type}, ${actor ? [actor] : []}::text[], ${actor ? 1 : 0}, ${n.noteId}, ${n.commentId},
      ${n.itemId}, ${n.orderId}, ${n.offerId}, ${n.caseId}, ${JSON.stringify(n.data)}::jsonb, ${n.groupKey}, ${n.at}
    WHERE NOT EXISTS (SELECT 1 FROM blocks WHERE blocker_id = ${n.recipientId} AND blocked_id = ${actor})
    ON CONFLICT (recipient_id, group_key) WHERE read_at IS NULL AND group_key IS NOT NULL DO UPDATE SET
      actor_ids = CASE WHEN ${actor}::text IS NULL THEN notifications.actor_ids
        ELSE (array_prepend(${actor}::text, array_remove(notifications.actor_ids, ${actor}::text)))[1:${ACTORS_KEPT}] END,
      actor_count = notifications.actor_count
        + CASE WHEN ${actor}::text IS NULL OR ${actor}::text = ANY (notifications.actor_ids) THEN 0 ELSE 1 END,
      created_at = GREATEST(notifications.created_at, EXCLUDED.created_at)
    RETURNING id`.execute(db);
  return r.rows[0]?.id ?? null;
}

export function findNotifications(db: Executor, ids: readonly string[]): Promise<NotificationRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('notifications').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

/** A page of the member's list, newest activity first, on the (recipient, created_at, id) index. */
export function notificationPage(db: Executor, recipientId: string, after: Keyset | null, take: number) {
  let q = db.selectFrom('notifications').selectAll().where('recipientId', '=', recipientId);
  if (after) q = q.where((eb) => eb(eb.refTuple('createdAt', 'id'), '<', eb.tuple(after.at, after.id)));
  return q.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(take).execute() as Promise<NotificationRow[]>;
}

/** Unread entries per member, from the partial index. Members with none are absent. */
export async function unreadCounts(db: Executor, recipientIds: readonly string[]): Promise<Map<string, number>> {
  if (recipientIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('notifications')
    .select(['recipientId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('recipientId', 'in', [...new Set(recipientIds)])
    .where('readAt', 'is', null)
    .groupBy('recipientId')
    .execute();
  return new Map(rows.map((r) => [r.recipientId, Number(r.n)]));
}

/** Marks the member's own entries read (all unread ones when ids is undefined); returns how many. */
export async function markNotificationsRead(db: Executor, recipientId: string, ids: readonly string[] | undefined, at: Date) {
  if (ids && ids.length === 0) return 0;
  let q = db.updateTable('notifications').set({ readAt: at }).where('recipientId', '=', recipientId).where('readAt', 'is', null);
  if (ids) q = q.where('id', 'in', [...new Set(ids)]);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export type Subjects = {
  users: Map<string, { id: string; displayName: string; avatarId: string | null }>;
  notes: Map<string, { id: string; title: string; coverId: string | null }>;
  comments: Map<string, { id: string; body: string; deletedAt: Date | null }>;
};

/** What the entries point at, one query per kind whatever the page length. */
export async function findSubjects(db: Executor, rows: readonly NotificationRow[], actorsShown: number): Promise<Subjects> {
  const ids = (pick: (r: NotificationRow) => (string | null)[]) => [...new Set(rows.flatMap(pick).filter((x): x is string => !!x))];
  const userIds = ids((r) => r.actorIds.slice(0, actorsShown));
  const noteIds = ids((r) => [r.noteId]);
  const commentIds = ids((r) => [r.commentId]);
  const [users, notes, comments] = await Promise.all([
    usersByIds(db, userIds),
    noteIds.length ? db.selectFrom('notes').select(['id', 'title', 'coverId']).where('id', 'in', noteIds).execute() : [],
    commentIds.length
      ? db.selectFrom('comments').select(['id', 'body', 'deletedAt']).where('id', 'in', commentIds).execute()
      : [],
  ]);
  return {
    users,
    notes: new Map(notes.map((n) => [n.id, n])),
    comments: new Map(comments.map((c) => [c.id, c])),
  };
}
