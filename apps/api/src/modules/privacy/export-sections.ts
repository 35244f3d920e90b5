// The sections of GET /me/export, each read a page at a time in keyset order, so an export of
// any size holds one page in memory. Every column is named: a new column (a hash, a key, an
// encrypted field) reaches the export only when someone adds it here on purpose.
import { sql } from 'kysely';
import type { Tx } from '../../db/index.ts';
import { memberAccount } from '../ledger/accounts.ts';
import { mediaUrl } from '../media/presenter.ts';
import { presentOrder } from '../orders/presenter.ts';
import { findEvents } from '../orders/index.ts';

export const PAGE = 500;

type Got = { rows: unknown[]; next: string | null };
export type Section = { name: string; page(tx: Tx, userId: string, after: string | null, now: Date): Promise<Got> };

/** The next cursor: the last row's key when the page was full. */
function cut<T>(rows: T[], key: (r: T) => string, present: (r: T) => unknown = (r) => r): Got {
  const last = rows.at(-1);
  return { rows: rows.map(present), next: rows.length === PAGE && last ? key(last) : null };
}

const byId = (r: { id: string }) => r.id;
const photo = (id: string) => ({ id, url: mediaUrl(id, 'detail') });

const community: Section[] = [
  {
    name: 'notes',
    async page(tx, u, after) {
      const rows = await tx.selectFrom('notes')
        .select(['id', 'kind', 'title', 'body', 'tags', 'explicitTags', 'locationLabel', 'lat', 'lng', 'likeCount', 'collectCount', 'commentCount', 'hiddenAt', 'createdAt', 'updatedAt'])
        .where('authorId', '=', u).$if(after !== null, (q) => q.where('id', '>', after as string)).orderBy('id').limit(PAGE).execute();
      const ids = rows.map((r) => r.id);
      const [images, items] = ids.length
        ? await Promise.all([
            tx.selectFrom('noteImages').select(['noteId', 'mediaId']).where('noteId', 'in', ids).orderBy('position').execute(),
            tx.selectFrom('noteItems').select(['noteId', 'itemId']).where('noteId', 'in', ids).orderBy('position').execute(),
          ])
        : [[], []];
      return cut(rows, byId, (n) => ({
        ...n,
        photos: images.filter((i) => i.noteId === n.id).map((i) => photo(i.mediaId)),
        itemIds: items.filter((i) => i.noteId === n.id).map((i) => i.itemId),
      }));
    },
  },
  {
    name: 'comments',
    async page(tx, u, after) {
      const rows = await tx.selectFrom('comments')
        .select(['id', 'noteId', 'parentId', 'replyToUserId', 'body', 'itemId', 'wantedTitle', 'wantedMaxPrice', 'createdAt', 'deletedAt', 'hiddenAt'])
        .where('authorId', '=', u).$if(after !== null, (q) => q.where('id', '>', after as string)).orderBy('id').limit(PAGE).execute();
      return cut(rows, byId);
    },
  },
  ...(['noteLikes', 'noteCollects'] as const).map((table): Section => ({
    name: table === 'noteLikes' ? 'likes' : 'collects',
    async page(tx, u, after) {
      const rows = await tx.selectFrom(table).select(['noteId', 'createdAt'])
        .where('userId', '=', u).$if(after !== null, (q) => q.where('noteId', '>', after as string)).orderBy('noteId').limit(PAGE).execute();
      return cut(rows, (r) => r.noteId);
    },
  })),
  {
    // 想要 on items (modules/engagement).
    name: 'wants',
    async page(tx, u, after) {
      const rows = await tx.selectFrom('itemCollects').select(['itemId', 'createdAt'])
        .where('userId', '=', u).$if(after !== null, (q) => q.where('itemId', '>', after as string)).orderBy('itemId').limit(PAGE).execute();
      return cut(rows, (r) => r.itemId);
    },
  },
  ...([['following', 'followerId', 'followeeId'], ['followers', 'followeeId', 'followerId']] as const).map(([name, mine, other]): Section => ({
    name,
    async page(tx, u, after) {
      const rows = await tx.selectFrom('follows').select([`${other} as userId`, 'createdAt'])
        .where(mine, '=', u).$if(after !== null, (q) => q.where(other, '>', after as string)).orderBy(other).limit(PAGE).execute();
      return cut(rows, (r) => r.userId);
    },
  })),
  {
    name: 'blocks',
    async page(tx, u, after) {
      const rows = await tx.selectFrom('blocks').select(['blockedId', 'createdAt'])
        .where('blockerId', '=', u).$if(after !== null, (q) => q.where('blockedId', '>', after as string)).orderBy('blockedId').limit(PAGE).execute();
      return cut(rows, (r) => r.blockedId);
    },
  },
  {
    name: 'photos',
    async page(tx, u, after) {
      const rows = await tx.selectFrom('media').select(['id', 'kind', 'width', 'height', 'bytes', 'createdAt', 'publishedAt'])
        .where('ownerId', '=', u).$if(after !== null, (q) => q.where('id', '>', after as string)).orderBy('id').limit(PAGE).execute();
      return cut(rows, byId, (m) => ({ ...m, url: mediaUrl(m.id, m.kind === 'avatar' ? 'avatar' : 'detail') }));
    },
  },
];

const trade: Section[] = [
  {
    name: 'items',
    async page(tx, u, after) {
      const rows = await tx.selectFrom('items')
        .select(['id', 'title', 'description', 'price', 'floorPrice', 'quantity', 'available', 'delivery', 'shippingFee', 'category', 'condition', 'status', 'hosting', 'locationLabel', 'lat', 'lng', 'hiddenAt', 'withdrawnAt', 'createdAt', 'updatedAt'])
        .where('sellerId', '=', u).$if(after !== null, (q) => q.where('id', '>', after as string)).orderBy('id').limit(PAGE).execute();
      const ids = rows.map((r) => r.id);
      const images = ids.length ? await tx.selectFrom('itemImages').select(['itemId', 'mediaId']).where('itemId', 'in', ids).orderBy('position').execute() : [];
      return cut(rows, byId, (i) => ({ ...i, photos: images.filter((x) => x.itemId === i.id).map((x) => photo(x.mediaId)) }));
    },
  },
  {
    // As the member sees them in the app: both roles, every event, the pickup code only to the buyer.
    name: 'orders',
    async page(tx, u, after) {
      const rows = await tx.selectFrom('orders').selectAll()
        .where((eb) => eb.or([eb('buyerId', '=', u), eb('sellerId', '=', u)]))
        .$if(after !== null, (q) => q.where('id', '>', after as string)).orderBy('id').limit(PAGE).execute();
      const events = rows.length ? await findEvents(tx, rows.map((r) => r.id)) : [];
      return cut(rows, byId, (o) => presentOrder(o, u, events));
    },
  },
  {
    name: 'offers',
    async page(tx, u, after) {
      const rows = await tx.selectFrom('offers')
        .select(['id', 'itemId', 'buyerId', 'sellerId', 'price', 'counterPrice', 'agreedPrice', 'status', 'decidedBy', 'validUntil', 'createdAt', 'updatedAt'])
        .where((eb) => eb.or([eb('buyerId', '=', u), eb('sellerId', '=', u)]))
        .$if(after !== null, (q) => q.where('id', '>', after as string)).orderBy('id').limit(PAGE).execute();
      return cut(rows, byId);
    },
  },
  {
    name: 'conversations',
    async page(tx, u, after) {
      const rows = await tx.selectFrom('conversationMembers as m').innerJoin('conversations as c', 'c.id', 'm.conversationId')
        .select(['c.id', 'm.peerId', 'c.itemId', 'c.createdAt', 'c.lastMessageAt', 'm.unreadCount'])
        .where('m.userId', '=', u).$if(after !== null, (q) => q.where('c.id', '>', after as string)).orderBy('c.id').limit(PAGE).execute();
      return cut(rows, byId);
    },
  },
  {
    // The member's own messages in full (with the scam shield's warnings on them). The peer's
    // messages are the peer's data, but they were written to this member, who reads them in
    // the app: they are included as the conversation's content — text, cards, photos, the
    // warnings the member was shown — without the peer's internal risk score, and without
    // what a moderator hid from the member. Without them the conversations would not read.
    name: 'messages',
    async page(tx, u, after) {
      const rows = await tx.selectFrom('messages as x').innerJoin('conversationMembers as m', (j) => j.onRef('m.conversationId', '=', 'x.conversationId').on('m.userId', '=', u))
        .select(['x.id', 'x.conversationId', 'x.senderId', 'x.kind', 'x.text', 'x.itemId', 'x.offerId', 'x.orderId', 'x.orderStatus', 'x.mediaId', 'x.autoReply', 'x.warnings', 'x.hiddenAt', 'x.createdAt'])
        .where((eb) => eb.or([eb('x.hiddenAt', 'is', null), eb('x.senderId', '=', u)]))
        .$if(after !== null, (q) => q.where('x.id', '>', after as string)).orderBy('x.id').limit(PAGE).execute();
      return cut(rows, byId, ({ mediaId, senderId, ...m }) => ({
        ...m,
        from: senderId === u ? 'me' : senderId === null ? 'system' : 'peer',
        senderId,
        photo: mediaId ? photo(mediaId) : null,
      }));
    },
  },
  {
    name: 'reviewsGiven',
    async page(tx, u, after) {
      const rows = await tx.selectFrom('reviews').select(['id', 'orderId', 'subjectId', 'authorRole', 'rating', 'tags', 'text', 'reply', 'repliedAt', 'visibleAt', 'createdAt'])
        .where('authorId', '=', u).$if(after !== null, (q) => q.where('id', '>', after as string)).orderBy('id').limit(PAGE).execute();
      return cut(rows, byId);
    },
  },
  {
    // Only reviews already visible: a blind review read here before its time would let the
    // member answer it in kind, which the blind window exists to prevent.
    name: 'reviewsReceived',
    async page(tx, u, after, now) {
      const rows = await tx.selectFrom('reviews').select(['id', 'orderId', 'authorId', 'authorRole', 'rating', 'tags', 'text', 'reply', 'repliedAt', 'visibleAt', 'createdAt'])
        .where('subjectId', '=', u).where('visibleAt', '<=', now)
        .$if(after !== null, (q) => q.where('id', '>', after as string)).orderBy('id').limit(PAGE).execute();
      return cut(rows, byId);
    },
  },
  {
    name: 'ledgerEntries',
    async page(tx, u, after) {
      const acct = memberAccount(u);
      const rows = await tx.selectFrom('ledgerPostings as p').innerJoin('ledgerTransactions as t', 't.id', 'p.transactionId')
        .select(['p.id', 'p.transactionId', 't.kind', 't.reference', 't.memo', 'p.fromAccount', 'p.toAccount', 'p.amount', 'p.createdAt'])
        .where((eb) => eb.or([eb('p.fromAccount', '=', acct), eb('p.toAccount', '=', acct)]))
        .$if(after !== null, (q) => q.where('p.id', '>', after as string)).orderBy('p.id').limit(PAGE).execute();
      return cut(rows, byId, (r) => ({ ...r, direction: r.toAccount === acct ? 'in' : 'out' }));
    },
  },
  ...simple('withdrawals', 'withdrawals', 'userId', ['id', 'amount', 'method', 'payoutTo', 'status', 'attempts', 'failureReason', 'providerRef', 'createdAt', 'updatedAt']),
  // Masked as the member sees them: the sealed number and its keyed hash never leave.
  ...simple('payoutMethods', 'payoutMethods', 'userId', ['id', 'kind', 'bank', 'masked', 'verifiedAt', 'lastUsedAt', 'createdAt', 'deletedAt']),
  ...simple('addresses', 'addresses', 'userId', ['id', 'name', 'phone', 'line', 'createdAt']),
  ...simple('notifications', 'notifications', 'recipientId', ['id', 'type', 'actorIds', 'actorCount', 'noteId', 'commentId', 'itemId', 'orderId', 'offerId', 'caseId', 'data', 'readAt', 'createdAt']),
  ...simple('reports', 'reports', 'reporterId', ['id', 'targetType', 'targetId', 'reason', 'detail', 'status', 'resolution', 'resolvedAt', 'createdAt']),
  ...simple('limits', 'memberLimits', 'userId', ['id', 'kind', 'until', 'reason', 'liftedAt', 'createdAt']),
];

const snake = (s: string) => s.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

type Simple = 'withdrawals' | 'payoutMethods' | 'addresses' | 'notifications' | 'reports' | 'memberLimits';

/** A table read by one owner column, every named column as stored. */
function simple(name: string, table: Simple, owner: string, cols: string[]): Section[] {
  return [{
    name,
    async page(tx, u, after) {
      const rows = (await sql<{ id: string }>`
        SELECT ${sql.join(cols.map((c) => sql.ref(snake(c))))} FROM ${sql.table(snake(table))}
        WHERE ${sql.ref(snake(owner))} = ${u} ${after === null ? sql`` : sql`AND id > ${after}`}
        ORDER BY id LIMIT ${PAGE}`.execute(tx)).rows;
      return cut(rows, byId);
    },
  }];
}

export const SECTIONS: Section[] = [...community, ...trade];
