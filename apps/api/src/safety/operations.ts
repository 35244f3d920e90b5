// THE table of the authorization matrix: one row per operation of the OpenAPI document, keyed
// "METHOD /path" (without /api/v1). A new endpoint without its row fails safety/authz-matrix.test.ts,
// which prints the missing rows ready to paste here. The hostile-input corpus uses the same
// rows' setups for its valid baselines.
//
// Actors: visitor (no token); stranger (C, a member with no part in the resource); party (the
// member whose right it is — owner, buyer, seller, participant); peer (the other participant,
// where there is one and their rights differ). Classes: '2xx'; '401'; '403'; '404'; '4xx' (a
// refusal of the request's content or state: 400, 409, 422…).
import type { Res } from '../../test/helpers.ts';
import type { Member, World } from './world.ts';
import { ADDRESS, PASSWORD } from './world.ts';
import { afterSaleRows } from '../modules/aftersale/safety-rows.ts';
import { adminRows } from '../modules/admin/safety-rows.ts';
import { privacyRows } from '../modules/privacy/safety-rows.ts';
import { stallHostRows } from '../modules/notes/safety-rows.ts';
import { trackingRows } from '../modules/tracking/safety-rows.ts';
import { payoutMethodRows } from '../modules/payout-methods/safety-rows.ts';

export type Cls = '2xx' | '401' | '403' | '404' | '4xx';
export type Actor = 'visitor' | 'stranger' | 'party' | 'peer';

/** What a stranger must never read or change: an expected 2xx for a stranger on such a row fails. */
export type Guard =
  | 'order' | 'case' | 'address' | 'wallet' | 'conversation' | 'offer' | 'photo' | 'notification'
  | 'item' | 'note' | 'comment' | 'collects' | 'floor_price' | 'account';

export type Case = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** multipart/form-data instead of JSON (built afresh for every send). */
  form?: () => FormData;
  party: Member;
  peer?: Member;
  /** Replaces C when the stranger's own token would be spent (logout). */
  stranger?: Member;
  /** Text that the party's answer contains and a visitor's or stranger's must not. */
  secrets?: string[];
  /** Text the peer's answer must not contain either. */
  hiddenFromPeer?: string[];
  /** Text no answer may contain, the party's included (something not yet published). */
  hiddenFromAll?: string[];
};

export type Row = {
  guards?: Guard;
  setup: (w: World) => Promise<Case>;
  visitor: Cls;
  stranger: Cls;
  party: Cls;
  peer?: Cls;
  /** Checked after a cell: what it must have left alone (for answers that are 2xx by design). */
  verify?: (w: World, c: Case, actor: Actor, res: Res) => Promise<string | null>;
};

const ANY_MEMBER = { visitor: '401', stranger: '2xx', party: '2xx' } as const;
const PUBLIC = { visitor: '2xx', stranger: '2xx', party: '2xx' } as const;

export const MATRIX: Record<string, Row> = {
  // ── accounts ────────────────────────────────────────────────────────────────────────────
  'POST /auth/register': { ...PUBLIC, setup: async (w) => ({ party: w.B, body: { username: w.newUsername(), password: PASSWORD } }) },
  'POST /auth/login': { ...PUBLIC, setup: async (w) => ({ party: w.B, body: { username: w.B.username, password: PASSWORD } }) },
  'POST /auth/logout': { ...ANY_MEMBER, setup: async (w) => ({ party: await w.session(w.B), stranger: await w.session(w.C) }) },
  'GET /me': { ...ANY_MEMBER, guards: 'account', setup: async (w) => ({ party: w.B, secrets: [w.B.username] }) },
  // Everyone gets 200: the member themself, or user null; never another member's account.
  'GET /session': { ...PUBLIC, setup: async (w) => ({ party: w.B, secrets: [w.B.username] }) },
  'PATCH /me': { ...ANY_MEMBER, setup: async (w) => ({ party: w.B, body: { bio: '喜欢二手书' } }) },
  // C is verified already: the stranger's own verification is refused (409 already_verified).
  'POST /me/verification': { visitor: '401', stranger: '4xx', party: '2xx', setup: async (w) => ({ party: await w.member(), body: { realName: '李四', idNumber: w.idNumber() } }) },
  'GET /users/{id}': { ...PUBLIC, setup: async (w) => ({ party: w.A, params: { id: w.A.id } }) },
  'GET /users/{id}/credit': { ...PUBLIC, setup: async (w) => ({ party: w.A, params: { id: w.A.id } }) },
  // Seller status: the member's own; asking for a review needs a flag (a stranger has none: 409).
  'GET /me/seller-status': { ...ANY_MEMBER, guards: 'account', setup: async (w) => ({ party: w.A }) },
  'POST /me/seller-status/review': { visitor: '401', stranger: '4xx', party: '2xx', setup: async (w) => ({ party: await w.flaggedSeller() }) },

  // ── reviews ─────────────────────────────────────────────────────────────────────────────
  // Either side of a completed trade reviews the other once; nobody else.
  'POST /orders/{id}/review': {
    guards: 'order', visitor: '401', stranger: '404', party: '2xx', peer: '2xx',
    setup: async (w) => ({ party: w.B, peer: w.A, params: { id: (await w.order('completed', 'pickup')).id }, body: { rating: 5, text: '很好' } }),
  },
  // A review stays hidden from the other side until they have reviewed too.
  'GET /orders/{id}/reviews': {
    guards: 'order', visitor: '401', stranger: '404', party: '2xx', peer: '2xx',
    setup: async (w) => {
      const o = await w.order('completed', 'pickup');
      const text = await w.review(o.id, w.B);
      return { party: w.B, peer: w.A, params: { id: o.id }, secrets: [text], hiddenFromPeer: [text] };
    },
  },
  // Only the member a visible review is about may reply (its existence is public: 403).
  'POST /reviews/{id}/reply': {
    guards: 'order', visitor: '401', stranger: '403', party: '2xx', peer: '403',
    setup: async (w) => {
      const o = await w.order('completed', 'pickup');
      const text = await w.review(o.id, w.B);
      await w.review(o.id, w.A);
      const r = await w.t.req('GET', `/orders/${o.id}/reviews`, { token: w.B.token });
      const id = r.json?.mine?.id as string | undefined;
      if (!id || r.json.mine.text !== text) throw new Error(`fixture review: ${r.status} ${r.text.slice(0, 200)}`);
      return { party: w.A, peer: w.B, params: { id }, body: { text: '谢谢' } };
    },
  },
  // Public, but a review the other side has not answered yet is shown to nobody.
  'GET /users/{id}/reviews': {
    ...PUBLIC,
    setup: async (w) => {
      const o = await w.order('completed', 'pickup');
      const text = await w.review(o.id, w.B);
      return { party: w.A, params: { id: w.A.id }, hiddenFromAll: [text] };
    },
  },

  // ── items ───────────────────────────────────────────────────────────────────────────────
  'GET /items/categories': { ...PUBLIC, setup: async (w) => ({ party: w.A }) },
  'GET /rules': { ...PUBLIC, setup: async (w) => ({ party: w.A }) },
  'GET /items': { ...PUBLIC, setup: async (w) => ({ party: w.A, query: { ids: await w.item() } }) },
  'POST /items': { ...ANY_MEMBER, setup: async (w) => ({ party: w.A, body: { title: '台灯', price: 1000, delivery: ['pickup'] } }) },
  'POST /items/suggest': { ...ANY_MEMBER, setup: async (w) => ({ party: w.A, body: { title: '宜家 书桌 九成新', photoCount: 2 } }) },
  'GET /items/{id}': { ...PUBLIC, setup: async (w) => ({ party: w.A, params: { id: await w.item() } }) },
  'PATCH /items/{id}': { guards: 'item', visitor: '401', stranger: '403', party: '2xx', peer: '403', setup: async (w) => ({ party: w.A, peer: w.B, params: { id: await w.item() }, body: { price: 2500 } }) },
  'POST /items/{id}/withdraw': { guards: 'item', visitor: '401', stranger: '403', party: '2xx', setup: async (w) => ({ party: w.A, params: { id: await w.item() } }) },
  'POST /items/{id}/relist': { guards: 'item', visitor: '401', stranger: '403', party: '2xx', setup: async (w) => ({ party: w.A, params: { id: await w.withdrawnItem() } }) },
  // Withdrawn items are the seller's own business: a stranger asking for them is refused.
  'GET /users/{id}/items': {
    guards: 'item', visitor: '403', stranger: '403', party: '2xx',
    setup: async (w) => {
      const id = await w.withdrawnItem();
      return { party: w.A, params: { id: w.A.id }, query: { status: 'withdrawn' }, secrets: [id] };
    },
  },
  'GET /me/items': { ...ANY_MEMBER, guards: 'item', setup: async (w) => ({ party: w.A, secrets: [await w.withdrawnItem()] }) },
  'PUT /items/{id}/floor-price': { guards: 'floor_price', visitor: '401', stranger: '403', party: '2xx', peer: '403', setup: async (w) => ({ party: w.A, peer: w.B, params: { id: await w.item() }, body: { floorPrice: 2000 } }) },
  'GET /items/{id}/floor-price': {
    guards: 'floor_price', visitor: '401', stranger: '404', party: '2xx', peer: '404',
    setup: async (w) => {
      const id = await w.item();
      await w.t.req('PUT', `/items/${id}/floor-price`, { token: w.A.token, body: { floorPrice: 1234 } });
      return { party: w.A, peer: w.B, params: { id }, secrets: ['1234'] };
    },
  },

  // ── media ───────────────────────────────────────────────────────────────────────────────
  'POST /media': { ...ANY_MEMBER, setup: async (w) => ({ party: w.A, form: () => w.photoForm() }) },

  // ── notes, comments, reactions, follows, feed ──────────────────────────────────────────
  'POST /notes': { ...ANY_MEMBER, setup: async (w) => ({ party: w.A, body: { title: '周末出闲置', body: '#搬家 清仓' } }) },
  'GET /notes/{id}': { ...PUBLIC, setup: async (w) => ({ party: w.A, params: { id: await w.note() } }) },
  'PATCH /notes/{id}': { guards: 'note', visitor: '401', stranger: '403', party: '2xx', setup: async (w) => ({ party: w.A, params: { id: await w.note() }, body: { title: '改个标题' } }) },
  'DELETE /notes/{id}': { guards: 'note', visitor: '401', stranger: '403', party: '2xx', setup: async (w) => ({ party: w.A, params: { id: await w.note() } }) },
  'GET /notes/{id}/items': { ...PUBLIC, setup: async (w) => ({ party: w.A, params: { id: await w.note() } }) },
  'PUT /notes/{id}/like': { ...ANY_MEMBER, setup: async (w) => ({ party: w.B, params: { id: await w.note() } }) },
  'DELETE /notes/{id}/like': { ...ANY_MEMBER, setup: async (w) => ({ party: w.B, params: { id: await w.note() } }) },
  'PUT /notes/{id}/collect': { ...ANY_MEMBER, setup: async (w) => ({ party: w.B, params: { id: await w.note() } }) },
  'DELETE /notes/{id}/collect': { ...ANY_MEMBER, setup: async (w) => ({ party: w.B, params: { id: await w.note() } }) },
  'POST /notes/{id}/comments': { ...ANY_MEMBER, setup: async (w) => ({ party: w.B, params: { id: await w.note() }, body: { body: '多少钱？' } }) },
  'GET /notes/{id}/comments': { ...PUBLIC, setup: async (w) => ({ party: w.A, params: { id: await w.note() } }) },
  'GET /comments/{id}/replies': {
    ...PUBLIC,
    setup: async (w) => {
      const note = await w.note();
      return { party: w.A, params: { id: await w.comment(note) } };
    },
  },
  // B wrote the comment on A's note: either may delete it, nobody else.
  'DELETE /comments/{id}': {
    guards: 'comment', visitor: '401', stranger: '403', party: '2xx', peer: '2xx',
    setup: async (w) => ({ party: w.B, peer: w.A, params: { id: await w.comment(await w.note()) } }),
  },
  'PUT /users/{id}/follow': { ...ANY_MEMBER, setup: async (w) => ({ party: w.B, params: { id: (await w.member()).id } }) },
  'DELETE /users/{id}/follow': { ...ANY_MEMBER, setup: async (w) => ({ party: w.B, params: { id: (await w.member()).id } }) },
  'GET /users/{id}/followers': { ...PUBLIC, setup: async (w) => ({ party: w.A, params: { id: w.A.id } }) },
  'GET /users/{id}/following': { ...PUBLIC, setup: async (w) => ({ party: w.A, params: { id: w.A.id } }) },
  'GET /feed': { ...PUBLIC, setup: async (w) => ({ party: w.A, query: { tab: 'latest' } }) },
  'GET /users/{id}/notes': { ...PUBLIC, setup: async (w) => ({ party: w.A, params: { id: w.A.id } }) },
  'GET /users/{id}/collects': {
    guards: 'collects', visitor: '403', stranger: '403', party: '2xx',
    setup: async (w) => {
      const note = await w.note(w.C);
      await w.collect(w.B, note);
      return { party: w.B, params: { id: w.B.id }, secrets: [note] };
    },
  },

  // ── search and discovery ────────────────────────────────────────────────────────────────
  'GET /search': { ...PUBLIC, setup: async (w) => ({ party: w.A, query: { q: '沙发' } }) },
  'GET /search/suggest': { ...PUBLIC, setup: async (w) => ({ party: w.A, query: { q: '沙' } }) },
  'GET /notes/{id}/matches': { ...PUBLIC, setup: async (w) => ({ party: w.A, params: { id: await w.note() } }) },
  'GET /me/saved-searches': {
    ...ANY_MEMBER, guards: 'account',
    setup: async (w) => ({ party: w.B, secrets: [await w.savedSearch(w.B)] }),
  },
  'POST /me/saved-searches': { ...ANY_MEMBER, setup: async (w) => ({ party: w.B, body: { q: `台灯 ${w.newUsername()}`, maxPrice: '5000' } }) },
  'DELETE /me/saved-searches/{id}': { guards: 'account', visitor: '401', stranger: '404', party: '2xx', setup: async (w) => ({ party: w.B, params: { id: await w.savedSearch(w.B) } }) },

  // ── chat, blocks, reports ───────────────────────────────────────────────────────────────
  'POST /conversations': { ...ANY_MEMBER, setup: async (w) => ({ party: w.B, body: { peerId: w.A.id, itemId: await w.item() } }) },
  'GET /conversations': {
    ...ANY_MEMBER, guards: 'conversation',
    setup: async (w) => {
      const c = await w.conversation();
      return { party: w.B, secrets: [c.id] };
    },
  },
  'GET /conversations/{id}': {
    guards: 'conversation', visitor: '401', stranger: '404', party: '2xx', peer: '2xx',
    setup: async (w) => {
      const c = await w.conversation();
      return { party: w.B, peer: w.A, params: { id: c.id } };
    },
  },
  'POST /conversations/{id}/messages': {
    guards: 'conversation', visitor: '401', stranger: '404', party: '2xx', peer: '2xx',
    setup: async (w) => ({ party: w.B, peer: w.A, params: { id: (await w.conversation()).id }, body: { text: '明天下午可以吗' } }),
  },
  'GET /conversations/{id}/messages': {
    guards: 'conversation', visitor: '401', stranger: '404', party: '2xx', peer: '2xx',
    setup: async (w) => {
      const c = await w.conversation();
      return { party: w.B, peer: w.A, params: { id: c.id }, secrets: [c.secret] };
    },
  },
  'POST /conversations/{id}/read': {
    guards: 'conversation', visitor: '401', stranger: '404', party: '2xx', peer: '2xx',
    setup: async (w) => ({ party: w.B, peer: w.A, params: { id: (await w.conversation()).id } }),
  },
  'PUT /users/{id}/block': { ...ANY_MEMBER, setup: async (w) => ({ party: w.B, params: { id: (await w.member()).id } }) },
  'DELETE /users/{id}/block': { ...ANY_MEMBER, setup: async (w) => ({ party: w.B, params: { id: (await w.member()).id } }) },
  'GET /me/blocks': {
    ...ANY_MEMBER, guards: 'account',
    setup: async (w) => {
      const d = await w.member();
      await w.block(w.B, d);
      return { party: w.B, secrets: [d.id] };
    },
  },
  'POST /reports': { ...ANY_MEMBER, setup: async (w) => ({ party: w.B, body: { targetType: 'item', targetId: await w.item(), reason: 'spam' } }) },

  // ── engagement: 想要, seller stats, #话题 pages ────────────────────────────────────────────
  'PUT /items/{id}/collect': { ...ANY_MEMBER, setup: async (w) => ({ party: w.B, params: { id: await w.item() } }) },
  'DELETE /items/{id}/collect': { ...ANY_MEMBER, setup: async (w) => ({ party: w.B, params: { id: await w.item() } }) },
  'GET /users/{id}/seller-stats': { ...PUBLIC, setup: async (w) => ({ party: w.A, params: { id: w.A.id } }) },
  'GET /tags/{tag}/notes': { ...PUBLIC, setup: async (w) => ({ party: w.A, params: { tag: '搬家' } }) },
  'GET /tags/{tag}/items': { ...PUBLIC, setup: async (w) => ({ party: w.A, params: { tag: '搬家' } }) },

  // ── addresses ───────────────────────────────────────────────────────────────────────────
  'GET /me/addresses': {
    ...ANY_MEMBER, guards: 'address',
    setup: async (w) => {
      const a = await w.address();
      return { party: w.B, secrets: [a.id, a.line] };
    },
  },
  'POST /me/addresses': { ...ANY_MEMBER, setup: async (w) => ({ party: w.B, body: ADDRESS }) },
  'DELETE /me/addresses/{id}': { guards: 'address', visitor: '401', stranger: '404', party: '2xx', setup: async (w) => ({ party: w.B, params: { id: (await w.address()).id } }) },

  // ── offers ──────────────────────────────────────────────────────────────────────────────
  // Anyone but the seller may offer on an item on sale.
  'POST /items/{id}/offers': { ...ANY_MEMBER, peer: '403', setup: async (w) => ({ party: w.B, peer: w.A, params: { id: await w.item() }, body: { price: 2000 } }) },
  'POST /offers/{id}/accept': { guards: 'offer', visitor: '401', stranger: '404', party: '2xx', peer: '403', setup: async (w) => ({ party: w.A, peer: w.B, params: { id: (await w.offer()).id } }) },
  'POST /offers/{id}/decline': { guards: 'offer', visitor: '401', stranger: '404', party: '2xx', peer: '403', setup: async (w) => ({ party: w.A, peer: w.B, params: { id: (await w.offer()).id } }) },
  'POST /offers/{id}/counter': { guards: 'offer', visitor: '401', stranger: '404', party: '2xx', peer: '403', setup: async (w) => ({ party: w.A, peer: w.B, params: { id: (await w.offer()).id }, body: { price: 2500 } }) },
  'POST /offers/{id}/withdraw': { guards: 'offer', visitor: '401', stranger: '404', party: '2xx', peer: '403', setup: async (w) => ({ party: w.B, peer: w.A, params: { id: (await w.offer()).id } }) },
  'GET /offers/{id}': { guards: 'offer', visitor: '401', stranger: '404', party: '2xx', peer: '2xx', setup: async (w) => ({ party: w.B, peer: w.A, params: { id: (await w.offer()).id } }) },
  // Counts of one's own decisions waiting; a stranger gets their own (zero) counts.
  'GET /offers/summary': { ...ANY_MEMBER, guards: 'offer', setup: async (w) => { await w.offer(); return { party: w.A }; } },
  'GET /offers': {
    ...ANY_MEMBER, guards: 'offer',
    setup: async (w) => {
      const o = await w.offer();
      return { party: w.B, secrets: [o.id] };
    },
  },

  // ── orders ──────────────────────────────────────────────────────────────────────────────
  // Buying is open to every member but the seller.
  'POST /orders': { ...ANY_MEMBER, peer: '403', setup: async (w) => ({ party: w.B, peer: w.A, body: { itemId: await w.item(), delivery: 'pickup' } }) },
  'GET /orders': {
    ...ANY_MEMBER, guards: 'order',
    setup: async (w) => {
      const o = await w.order('paid');
      return { party: w.B, secrets: [o.id] };
    },
  },
  'GET /orders/{id}': {
    guards: 'order', visitor: '401', stranger: '404', party: '2xx', peer: '2xx',
    setup: async (w) => {
      const o = await w.order('paid', 'pickup');
      // The pickup code is the buyer's: the seller must not read it off the order.
      return { party: w.B, peer: w.A, params: { id: o.id }, secrets: [o.id, o.pickupCode], hiddenFromPeer: [o.pickupCode] };
    },
  },
  'POST /orders/{id}/pay': { guards: 'order', visitor: '401', stranger: '404', party: '2xx', peer: '404', setup: async (w) => ({ party: w.B, peer: w.A, params: { id: (await w.order('pending_payment')).id } }) },
  'POST /orders/{id}/ship': {
    guards: 'order', visitor: '401', stranger: '404', party: '2xx', peer: '403',
    setup: async (w) => ({ party: w.A, peer: w.B, params: { id: (await w.order('paid')).id }, body: { carrier: '顺丰', trackingNumber: 'SF1234567890' } }),
  },
  'POST /orders/{id}/deliver': { guards: 'order', visitor: '401', stranger: '404', party: '2xx', peer: '403', setup: async (w) => ({ party: w.A, peer: w.B, params: { id: (await w.order('paid', 'online')).id } }) },
  'POST /orders/{id}/confirm': { guards: 'order', visitor: '401', stranger: '404', party: '2xx', peer: '403', setup: async (w) => ({ party: w.B, peer: w.A, params: { id: (await w.order('shipped')).id } }) },
  // The stranger is given the right code and is still refused.
  'POST /orders/{id}/handover': {
    guards: 'order', visitor: '401', stranger: '404', party: '2xx', peer: '403',
    setup: async (w) => {
      const o = await w.order('paid', 'pickup');
      return { party: w.A, peer: w.B, params: { id: o.id }, body: { pickupCode: o.pickupCode } };
    },
  },
  'POST /orders/{id}/cancel': { guards: 'order', visitor: '401', stranger: '404', party: '2xx', peer: '2xx', setup: async (w) => ({ party: w.B, peer: w.A, params: { id: (await w.order('paid')).id }, body: { reason: '不想要了' } }) },
  // A reservation (定金托管) paid: only its seller records that the buyer did not come.
  'POST /orders/{id}/no-show': {
    guards: 'order', visitor: '401', stranger: '404', party: '2xx', peer: '403',
    setup: async (w) => {
      const itemId = await w.item(w.A);
      const o = await w.t.req('POST', '/orders', { token: w.B.token, body: { itemId, delivery: 'pickup', deposit: 1 } });
      const paid = await w.t.req('POST', `/orders/${o.json.id}/pay`, { token: w.B.token });
      if (paid.json?.status !== 'reserved') throw new Error(`reservation: ${paid.status} ${paid.text}`);
      await w.t.gateway.settled();
      return { party: w.A, peer: w.B, params: { id: o.json.id as string } };
    },
  },

  // ── wallet ──────────────────────────────────────────────────────────────────────────────
  'GET /wallet': { ...ANY_MEMBER, guards: 'wallet', setup: async (w) => ({ party: w.A }) },
  'GET /wallet/entries': {
    ...ANY_MEMBER, guards: 'wallet',
    setup: async (w) => {
      const o = await w.earn();
      return { party: w.A, secrets: [o.id] };
    },
  },
  // The stranger withdraws from their own empty wallet: 422 insufficient_funds, never A's money.
  'POST /wallet/withdrawals': {
    guards: 'wallet', visitor: '401', stranger: '4xx', party: '2xx',
    setup: async (w) => {
      await w.earn();
      return { party: w.A, body: { amount: 100 } };
    },
  },
  // ── notifications ───────────────────────────────────────────────────────────────────────
  'GET /notifications': {
    ...ANY_MEMBER, guards: 'notification',
    setup: async (w) => ({ party: w.A, secrets: [await w.notification()] }),
  },
  'GET /notifications/unread-count': { ...ANY_MEMBER, guards: 'notification', setup: async (w) => ({ party: w.A }) },
  // Ids that are not the caller's are ignored: a stranger's 204 must leave A's entry unread.
  'POST /notifications/read': {
    ...ANY_MEMBER, guards: 'notification',
    setup: async (w) => {
      const id = await w.notification();
      return { party: w.A, body: { ids: [id] } };
    },
    verify: async (w, c, actor) => {
      const id = (c.body as { ids: string[] }).ids[0];
      const r = await w.t.req('GET', '/notifications?limit=100', { token: w.A.token });
      const n = (r.json?.items ?? []).find((x: { id: string }) => x.id === id);
      if (actor === 'party') return n?.readAt ? null : `the party's own notification ${id} is still unread (fixture or endpoint broken)`;
      return n && n.readAt === null ? null : `A's notification ${id} was marked read by the ${actor}`;
    },
  },

  'GET /wallet/withdrawals': { ...ANY_MEMBER, guards: 'wallet', setup: async (w) => ({ party: w.A, secrets: [await w.withdrawal()] }) },

  // ── after-sale and the jury (their rows live with the module) ──────────────────────────────
  ...afterSaleRows,

  // ── the operator console (its rows live with the module) ─────────────────────────────────
  ...adminRows,

  // ── personal data: export and deletion (their rows live with the module) ─────────────────
  ...privacyRows,

  // ── stall hosts and parcel tracking (their rows live with the modules) ───────────────────
  ...stallHostRows,
  ...trackingRows,

  // ── payout accounts (their rows live with the module) ─────────────────────────────────────
  ...payoutMethodRows,
};

/**
 * Routes served outside the OpenAPI document that still guard private things. Their rows are
 * checked the same way; `url` replaces the path template.
 */
export const EXTRA: Record<string, Row & { url: (c: Case) => string }> = {
  // A photo sent in a chat is for the two members of the conversation only (issue 9, hole 3).
  'GET /media/{id}/{variant}.webp (chat photo)': {
    guards: 'photo', visitor: '404', stranger: '404', party: '2xx', peer: '2xx',
    url: (c) => `/media/${c.params?.id}/card.webp`,
    setup: async (w) => {
      const p = await w.chatPhoto();
      return { party: w.B, peer: w.A, params: { id: p.mediaId } };
    },
  },
};
