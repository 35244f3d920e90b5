// DELETE /me (SPEC C11, PIPL/GDPR erasure). What goes and what stays:
//   gone    the profile (name, bio, city, tags, avatar), the password, the identity (real name,
//           ID number, its keyed hash — so the person can verify a new account), sessions,
//           notes (with their comments, likes and photos), the text of the member's comments
//           on others' notes (erased like a deleted comment, so replies stay readable),
//           likes, collects, follows, own blocks, addresses, notifications, idempotency keys,
//           payout accounts (the sealed number; the masked row stays for the withdrawals),
//           credit history, photos no one else's record needs; open offers are withdrawn,
//           items withdrawn (photos and floor prices removed, hosting off), unpaid orders cancelled.
//   kept    for the counterparties and the law: orders (their snapshots and cover photos),
//           after-sale cases (with evidence photos), the ledger and withdrawals, reviews,
//           conversations and messages (the peer's copy of what was said, photos included),
//           reports, operators' limits and the audit log. They now point at a row named
//           已注销用户 whose username is the tombstone `deleted:<id>`.
import { sql } from 'kysely';
import { type Tx, withTx } from '../../db/index.ts';
import { conflict, forbidden, notFound, tooManyRequests } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import { clearKey, countHit, lockKey, lockedUntil, secondsUntil } from '../../lib/rate-limit.ts';
import { verifyPassword } from '../accounts/passwords.ts';
import { forgetSessions } from '../accounts/sessions.ts';
import { cancelOrder } from '../orders/service/cancel.ts';
import { type Blocker, describeBlockers, findBlockers } from './blockers.ts';

export const DELETED_NAME = '已注销用户';

/** Checks the password like a sign-in does: failures count toward the same lock. */
async function checkPassword(deps: Deps, user: { username: string; passwordHash: string }, password: string) {
  const now = deps.clock.now();
  const key = `login:${user.username.toLowerCase()}`;
  const until = await lockedUntil(deps.db, key, now);
  if (until) throw tooManyRequests('too_many_attempts', secondsUntil(until, now), 'Too many wrong passwords. Try again later.');
  if (await verifyPassword(user.passwordHash, password)) return;
  const lockMs = deps.config.loginLockMinutes * 60_000;
  const hit = await countHit(deps.db, key, lockMs / 1000, now);
  if (hit.count >= deps.config.loginMaxFailures) await lockKey(deps.db, key, new Date(now.getTime() + lockMs));
  throw forbidden('wrong_password', 'The password is not right: your account was not deleted.');
}

const blocked = (blockers: Blocker[]) =>
  conflict(blockers[0]?.kind ?? 'deletion_blocked', describeBlockers(blockers), { blockers });

export async function deleteAccount(deps: Deps, userId: string, password: string): Promise<void> {
  const user = await deps.db.selectFrom('users').select(['id', 'username', 'passwordHash', 'status']).where('id', '=', userId).executeTakeFirst();
  if (!user || user.status === 'deleted') throw notFound('user');
  await checkPassword(deps, user, password);
  // Refuse before touching anything: nothing is cancelled for a deletion that cannot happen.
  const before = await findBlockers(deps.db, userId, { unpaidToo: false });
  if (before.length) throw blocked(before);
  // Orders still awaiting payment move no money yet: cancel them the ordinary way (the other
  // side sees a cancelled order; a payment that lands late is refunded by the usual path).
  const unpaid = await deps.db.selectFrom('orders').select('id').where('status', '=', 'pending_payment')
    .where((eb) => eb.or([eb('buyerId', '=', userId), eb('sellerId', '=', userId)])).execute();
  for (const o of unpaid) {
    await cancelOrder(deps, { id: null, role: 'system' }, o.id, 'account_deleted').catch((err) => {
      if ((err as { status?: number }).status !== 409) throw err; // paid meanwhile: the check below refuses
    });
  }
  const removed = await withTx(deps.db, async (tx) => {
    await tx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().executeTakeFirstOrThrow();
    // Items first: once withdrawn, no new order can be placed on them, and one placed just
    // before is seen by the check that follows.
    await withdrawItems(tx, userId, deps.clock.now());
    const blockers = await findBlockers(tx, userId, { lock: true });
    if (blockers.length) throw blocked(blockers);
    return eraseMember(tx, userId, deps.clock.now());
  });
  // After commit: photo files, the login lock of the old name, open sockets.
  for (const id of removed.mediaIds) {
    await deps.media.removePrefix(id).catch((err) => deps.log.warn({ err, mediaId: id }, 'photo files of a deleted account not removed'));
  }
  await clearKey(deps.db, `login:${user.username.toLowerCase()}`);
  await forgetSessions(deps, userId); // every process's session cache (the account's status is 'deleted')
  await deps.hub.publish(deps.db, [userId], { type: 'session_ended', reason: 'deleted' }).catch((err) => deps.log.warn({ err }, 'deletion push failed'));
}

async function withdrawItems(tx: Tx, userId: string, now: Date) {
  await tx.updateTable('items').set({ withdrawnAt: now, updatedAt: now }).where('sellerId', '=', userId).where('withdrawnAt', 'is', null).execute();
  await tx.updateTable('items').set({ hosting: false, floorPrice: null }).where('sellerId', '=', userId).execute();
  // An automatic answer must not speak for a member who is gone.
  await sql`DELETE FROM hosting_tasks h USING items i WHERE i.id = h.item_id AND i.seller_id = ${userId} AND h.done_at IS NULL`.execute(tx);
}

async function eraseMember(tx: Tx, userId: string, now: Date): Promise<{ mediaIds: string[] }> {
  await tx.deleteFrom('sessions').where('userId', '=', userId).execute();
  await withdrawOffers(tx, userId, now);
  await eraseCommunity(tx, userId, now);
  const mediaIds = await removePhotos(tx, userId);
  for (const table of ['addresses', 'notifications', 'idempotencyKeys', 'creditHistory'] as const) {
    const col = table === 'notifications' ? 'recipientId' : 'userId';
    await tx.deleteFrom(table).where(col, '=', userId).execute();
  }
  await tx.deleteFrom('blocks').where('blockerId', '=', userId).execute();
  // Payout methods stay as rows (withdrawals point at them, with their mask); the sealed account
  // and its keyed hash go, so nothing can be paid there or matched to the person again.
  await tx
    .updateTable('payoutMethods')
    .set({ accountEnc: '', accountHash: sql<string>`'deleted:' || id`, deletedAt: sql<Date>`coalesce(deleted_at, ${now})` })
    .where('userId', '=', userId)
    .execute();
  // A seat on a jury falls due now: the next sweep draws someone else for it.
  await tx.updateTable('afterSaleJurors').set({ dueAt: now }).where('userId', '=', userId).where('status', '=', 'pending').execute();
  await tx
    .updateTable('users')
    .set({
      status: 'deleted',
      deletedAt: now,
      username: sql<string>`'deleted:' || id`,
      displayName: DELETED_NAME,
      passwordHash: '',
      bio: '',
      city: '',
      interestTags: [],
      avatarId: null,
      role: 'member',
      verifiedAt: null,
      realNameEnc: null,
      idNumberEnc: null,
      idNumberHash: null,
      idNumberMasked: null,
    })
    .where('id', '=', userId)
    .execute();
  return { mediaIds };
}

async function withdrawOffers(tx: Tx, userId: string, now: Date) {
  await tx
    .updateTable('offers')
    .set({ status: 'withdrawn', decidedBy: 'system', updatedAt: now })
    .where('status', 'in', ['pending', 'countered', 'accepted'])
    .where((eb) => eb.or([eb('buyerId', '=', userId), eb('sellerId', '=', userId)]))
    .execute();
}

/** Notes go with their comments and likes; the member's comments elsewhere are erased in place. */
async function eraseCommunity(tx: Tx, userId: string, now: Date) {
  await tx.deleteFrom('notes').where('authorId', '=', userId).execute();
  // Counters of others' notes move with the rows they count (as an unlike would move them).
  await sql`UPDATE notes n SET like_count = like_count - 1 FROM note_likes l WHERE l.note_id = n.id AND l.user_id = ${userId}`.execute(tx);
  await sql`UPDATE notes n SET collect_count = collect_count - 1 FROM note_collects l WHERE l.note_id = n.id AND l.user_id = ${userId}`.execute(tx);
  await tx.deleteFrom('noteLikes').where('userId', '=', userId).execute();
  await tx.deleteFrom('noteCollects').where('userId', '=', userId).execute();
  await sql`UPDATE item_stats s SET collect_count = GREATEST(collect_count - 1, 0) FROM item_collects w WHERE w.item_id = s.item_id AND w.user_id = ${userId}`.execute(tx);
  await tx.deleteFrom('itemCollects').where('userId', '=', userId).execute();
  await tx.deleteFrom('follows').where((eb) => eb.or([eb('followerId', '=', userId), eb('followeeId', '=', userId)])).execute();
  // Still-visible comments leave their notes' counts and their parents' reply counts, as a
  // deletion by the author would; every comment of the member loses its text.
  const live = await tx.selectFrom('comments').select(['id', 'noteId', 'parentId']).where('authorId', '=', userId).where('deletedAt', 'is', null).execute();
  for (const c of live) {
    await sql`UPDATE notes SET comment_count = comment_count - 1 WHERE id = ${c.noteId}`.execute(tx);
    if (c.parentId) await sql`UPDATE comments SET reply_count = reply_count - 1 WHERE id = ${c.parentId} AND reply_count > 0`.execute(tx);
  }
  await tx.updateTable('comments').set({ deletedAt: now, deletedBy: userId }).where('authorId', '=', userId).where('deletedAt', 'is', null).execute();
  await tx.updateTable('comments').set({ body: '', itemId: null, wantedTitle: null, wantedMaxPrice: null }).where('authorId', '=', userId).execute();
}

/**
 * The member's photos, except those another record still shows: a chat photo (the peer's copy
 * of the conversation), case evidence, and the cover in an order's snapshot (what the buyer
 * bought). Deleting the media row unlinks it from items and notes; the files go after commit.
 */
async function removePhotos(tx: Tx, userId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    DELETE FROM media m WHERE m.owner_id = ${userId}
      AND NOT EXISTS (SELECT 1 FROM messages x WHERE x.media_id = m.id)
      AND NOT EXISTS (SELECT 1 FROM after_sale_media x WHERE x.media_id = m.id)
      AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.seller_id = ${userId}
                        AND o.item_snapshot->>'coverUrl' LIKE '/media/' || m.id || '/%')
    RETURNING m.id`.execute(tx);
  return rows.rows.map((r) => r.id);
}
