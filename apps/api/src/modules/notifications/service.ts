// Notifications: written in the producer's transaction, pushed after it commits.
//
// How another module notifies (after-sale, jury, discovery, …):
//
//   import { withNotifications } from '../notifications/service.ts';
//
//   const result = await withNotifications(deps, async (tx, notify) => {
//     ...the module's own writes on tx...
//     await notify({ recipientId: o.sellerId, type: 'aftersale_opened', actorId: o.buyerId,
//                    orderId: o.id, itemId: o.itemId, caseId: c.id, data: { reason: c.reason } });
//     return c;
//   });
//
// `withNotifications` is `withTx` plus an outbox: each notify() writes its row in the same
// transaction (a rollback takes the notifications with it), and once the transaction has
// committed the rows are pushed as `{type: 'notification', notification, unreadCount}` on the
// recipients' sockets through the hub. The push is best effort and never fails the caller: the
// row is already stored, and the bell and list read it over HTTP.
//
// A module that already owns a transaction and cannot wrap it uses the outbox directly:
//
//   const outbox = notificationOutbox(deps);
//   await withTx(deps.db, async (tx) => { …; await outbox.notify(tx, {...}); });
//   await outbox.flush();   // after commit — never inside the transaction
//
// Rules applied here, so callers need not: a member never gets a notification for their own
// action (actorId === recipientId), nor from a member they blocked. `like`, `collect` and
// `follow` group while unread (see GROUPED_TYPES and groupKeyOf). Keep `data` small (≤ 2 KB):
// facts the text needs that the subject ids do not give (a status, a verdict, a price in fen).
// The web app's texts read these `data` fields: offer_answered {status, price},
// order_cancelled {reason}, order_completed {auto}, aftersale_answered {status},
// aftersale_decided {verdict}, jury_duty {deadlineAt}, wanted_match/saved_search {query},
// price_drop {price, oldPrice}, report_outcome {action, targetType},
// moderation_notice {action, targetType?, kind?, until?, reason}, hosting_handover {conversationId}.
import { type Executor, type Tx, withTx } from '../../db/index.ts';
import type { Deps } from '../../lib/http.ts';
import type { Delivery } from '../../lib/realtime.ts';
import { cutPage, decodeKeyset } from '../../lib/pagination.ts';
import { presentNotifications } from './presenter.ts';
import { findNotifications, markNotificationsRead, notificationPage, unreadCounts, upsertNotification } from './repo.ts';
import { GROUPED_TYPES, type NotificationType } from './schema.ts';

export { NOTIFICATION_TYPES, type NotificationType } from './schema.ts';

export type Notice = {
  recipientId: string;
  type: NotificationType;
  /** Who did it; null or absent for the system. */
  actorId?: string | null;
  noteId?: string | null;
  commentId?: string | null;
  itemId?: string | null;
  orderId?: string | null;
  offerId?: string | null;
  caseId?: string | null;
  data?: Record<string, string | number | boolean | null>;
  /** When it happened (defaults to the clock's now). */
  at?: Date;
};

/** What the helpers need: the database, and the hub when there are sockets to push to. */
export type NotifyDeps = Pick<Deps, 'db'> & Partial<Pick<Deps, 'hub' | 'log' | 'clock'>>;

/** Likes and collects: one entry per note and Beijing day; follows: one per day. */
export const GROUP_WINDOW_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;

export function groupKeyOf(n: Notice, at: Date): string | null {
  if (!GROUPED_TYPES.has(n.type)) return null;
  const day = Math.floor((at.getTime() + BEIJING_MS) / GROUP_WINDOW_MS);
  return n.type === 'follow' ? `follow:${day}` : `${n.type}:${n.noteId ?? n.itemId ?? ''}:${day}`;
}

/** Writes a notification on `db` (use the producer's transaction). The id, or null when skipped. */
export async function notify(db: Executor, n: Notice, now: Date = new Date()): Promise<string | null> {
  const actorId = n.actorId ?? null;
  if (actorId && actorId === n.recipientId) return null; // liking your own note tells nobody
  const at = n.at ?? now;
  return upsertNotification(db, {
    recipientId: n.recipientId,
    type: n.type,
    actorId,
    noteId: n.noteId ?? null,
    commentId: n.commentId ?? null,
    itemId: n.itemId ?? null,
    orderId: n.orderId ?? null,
    offerId: n.offerId ?? null,
    caseId: n.caseId ?? null,
    data: n.data ?? {},
    groupKey: groupKeyOf(n, at),
    at: new Date(Math.floor(at.getTime())),
  });
}

export type Outbox = {
  notify(tx: Executor, n: Notice): Promise<string | null>;
  /** After commit: pushes what was written. Never throws. */
  flush(): Promise<void>;
};

export function notificationOutbox(deps: NotifyDeps): Outbox {
  const written: string[] = [];
  return {
    async notify(tx, n) {
      const id = await notify(tx, n, deps.clock?.now());
      if (id) written.push(id);
      return id;
    },
    async flush() {
      const ids = written.splice(0);
      if (ids.length) await pushNotifications(deps, ids);
    },
  };
}

/** withTx with notifications: written in the transaction, pushed after it commits. */
export async function withNotifications<T>(
  deps: NotifyDeps,
  fn: (tx: Tx, notify: (n: Notice) => Promise<string | null>) => Promise<T>,
): Promise<T> {
  const outbox = notificationOutbox(deps);
  const result = await withTx(deps.db, (tx) => fn(tx, (n) => outbox.notify(tx, n)));
  await outbox.flush();
  return result;
}

/** Pushes stored entries to their recipients' sockets, with each one's unread count. */
export async function pushNotifications(deps: NotifyDeps, ids: readonly string[]): Promise<void> {
  if (!deps.hub) return; // a seed or a script: nobody is connected
  try {
    // Read after commit: a row rolled back is simply not there, a group shows its latest state.
    const rows = await findNotifications(deps.db, ids);
    const [items, counts] = await Promise.all([
      presentNotifications(deps.db, rows),
      unreadCounts(deps.db, rows.map((r) => r.recipientId)),
    ]);
    const deliveries: Delivery[] = rows.map((r, i) => ({
      users: [r.recipientId],
      envelope: { type: 'notification', notification: items[i], unreadCount: counts.get(r.recipientId) ?? 0 },
    }));
    await deps.hub.publishMany(deps.db, deliveries);
  } catch (err) {
    deps.log?.warn({ err, ids }, 'notification push failed; the entries are stored and listed');
  }
}

export async function listNotifications(deps: Pick<Deps, 'db'>, me: string, q: { cursor?: string; limit: number }) {
  const after = decodeKeyset(q.cursor);
  const [rows, counts] = await Promise.all([notificationPage(deps.db, me, after, q.limit + 1), unreadCounts(deps.db, [me])]);
  const { page, nextCursor } = cutPage(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { items: await presentNotifications(deps.db, page), nextCursor, unreadCount: counts.get(me) ?? 0 };
}

export async function unreadCount(deps: Pick<Deps, 'db'>, me: string) {
  return (await unreadCounts(deps.db, [me])).get(me) ?? 0;
}

/** Marks the caller's own entries read; other tabs and devices of the caller hear the new count. */
export async function markRead(deps: Deps, me: string, ids?: readonly string[]) {
  const changed = await markNotificationsRead(deps.db, me, ids, deps.clock.now());
  if (changed === 0) return;
  const count = await unreadCount(deps, me);
  await deps.hub
    .publish(deps.db, [me], { type: 'notifications_read', unreadCount: count })
    .catch((err) => deps.log.warn({ err }, 'notifications_read push failed'));
}
