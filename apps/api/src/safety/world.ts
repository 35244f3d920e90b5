// The safety suites' fixtures: three members — A (a seller), B (a buyer who trades with A) and
// C (a stranger to both) — and builders that make real resources between A and B through the
// HTTP API, so that every path parameter of the matrix and the corpus points at something real.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { type Res, type createTestApp, validIdNumber } from '../../test/helpers.ts';
import { form, pngBytes, upload } from '../modules/notes/fixtures.ts';

export type T = Awaited<ReturnType<typeof createTestApp>>;
export type Member = { id: string; username: string; token: string };

export const PASSWORD = 'correct-horse-9';
export const ADDRESS = { name: '王小明', phone: '13800000000', line: '上海市徐汇区漕溪北路 1 号' };

/**
 * Env for the safety suites: they register and sign in far more than a campus does in an hour;
 * the professional-seller guard stays on, as in production (the world hires a new seller A
 * before the guard would limit the old one).
 */
export const SAFETY_ENV = { REGISTER_PER_IP_PER_HOUR: '1000000', LOGIN_MAX_FAILURES: '1000', PRO_SELLER_GUARD: 'true' };

async function isFlagged(t: T, userId: string): Promise<boolean> {
  const r = await sql<{ f: boolean }>`
    SELECT to_regclass('public.seller_flags') IS NOT NULL AS f`.execute(t.db);
  if (!r.rows[0]?.f) return false;
  const f = await sql<{ n: number }>`SELECT count(*)::int AS n FROM seller_flags WHERE user_id = ${userId} AND status = 'flagged'`.execute(t.db);
  return (f.rows[0]?.n ?? 0) > 0;
}

function must(r: Res, status: number | number[], what: string) {
  const ok = Array.isArray(status) ? status.includes(r.status) : r.status === status;
  if (!ok) throw new Error(`fixture ${what}: ${r.status} ${r.text.slice(0, 300)}`);
  return r.json;
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

/** Listings A makes before A is replaced: below every velocity rule of the professional-seller guard. */
const LISTINGS_PER_SELLER = 20;

export async function makeWorld(t: T) {
  let A = await t.user({ verified: true, prefix: 'a' });
  const B = await t.user({ verified: true, prefix: 'b' });
  const C = await t.user({ verified: true, prefix: 'c' });
  const png = await pngBytes(16, 12);
  const stocked = new Map<string, string>();

  const w = {
    t, B, C,
    /** The seller. A busy seller looks professional (SPEC C7), so the suites hire a new one now and then. */
    get A() {
      return A;
    },
    /** Called before each setup, never inside one, so that a case sees one A throughout. */
    async refresh() {
      const n = await t.db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).where('sellerId', '=', A.id).executeTakeFirstOrThrow();
      if (Number(n.n) >= LISTINGS_PER_SELLER || (await isFlagged(t, A.id))) {
        A = await t.user({ verified: true, prefix: 'a' });
      }
    },
    /** Another member, for targets that must not be A, B or C (blocks, follows). */
    async member(opts: { verified?: boolean } = {}): Promise<Member> {
      return t.user({ prefix: 'd', ...opts });
    },
    /** A fresh session of an existing member (for logout, which revokes the token it is sent with). */
    async session(m: Member): Promise<Member> {
      const r = await t.req('POST', '/auth/login', { body: { username: m.username, password: PASSWORD } });
      return { ...m, token: must(r, 200, 'login').token };
    },
    async item(seller: Member = A, over: Record<string, unknown> = {}): Promise<string> {
      const r = await t.req('POST', '/items', {
        token: seller.token,
        // Distinct titles: one title listed again and again is a professional seller's mark.
        body: { title: `九成新布艺沙发 ${randomBytes(3).toString('hex')}`, description: '自提优先', price: 3000, quantity: 5, delivery: ['shipping', 'pickup', 'online'], shippingFee: 500, category: 'furniture', condition: 'like_new', ...over },
      });
      return must(r, 201, 'item').id;
    },
    async withdrawnItem(seller: Member = A): Promise<string> {
      const id = await w.item(seller);
      must(await t.req('POST', `/items/${id}/withdraw`, { token: seller.token }), 200, 'withdraw item');
      return id;
    },
    /** An item of `seller`'s with stock left, listed once for many orders (listing is the costly part). */
    async stock(seller: Member = A): Promise<string> {
      const cur = stocked.get(seller.id);
      if (cur) {
        const left = await t.db.selectFrom('items').select(['available', 'status']).where('id', '=', cur).executeTakeFirst();
        if (left?.status === 'on_sale' && left.available > 0) return cur;
      }
      const id = await w.item(seller, { quantity: 50 });
      stocked.set(seller.id, id);
      return id;
    },
    /** An order of one of A's items by B, taken to `state`. */
    async order(state: 'pending_payment' | 'paid' | 'shipped' | 'delivered' | 'completed', delivery: 'pickup' | 'shipping' | 'online' = 'shipping', seller = A, buyer = B) {
      const itemId = await w.stock(seller);
      const placed = must(
        await t.req('POST', '/orders', { token: buyer.token, body: { itemId, delivery, ...(delivery === 'shipping' ? { address: ADDRESS } : {}) } }),
        201, 'order',
      );
      const id = placed.id as string;
      const pickupCode = placed.pickupCode as string | undefined;
      if (state !== 'pending_payment') must(await t.req('POST', `/orders/${id}/pay`, { token: buyer.token }), 200, 'pay');
      if (state === 'shipped' || (state === 'completed' && delivery === 'shipping')) {
        must(await t.req('POST', `/orders/${id}/ship`, { token: seller.token, body: { carrier: '顺丰', trackingNumber: 'SF1234567890' } }), 200, 'ship');
      }
      if (state === 'delivered' || (state === 'completed' && delivery === 'online')) {
        must(await t.req('POST', `/orders/${id}/deliver`, { token: seller.token }), 200, 'deliver');
      }
      if (state === 'completed') {
        const r = delivery === 'pickup'
          ? await t.req('POST', `/orders/${id}/handover`, { token: seller.token, body: { pickupCode } })
          : await t.req('POST', `/orders/${id}/confirm`, { token: buyer.token });
        must(r, 200, 'complete');
      }
      await t.gateway.settled();
      return { id, itemId, pickupCode: pickupCode as string };
    },
    /** A conversation B opened with A about A's item, with one message each way. */
    async conversation(a = A, b = B) {
      const itemId = await w.item(a);
      const conv = must(await t.req('POST', '/conversations', { token: b.token, body: { peerId: a.id, itemId } }), [200, 201], 'conversation');
      const secret = `私聊-${randomBytes(4).toString('hex')}`;
      must(await t.req('POST', `/conversations/${conv.id}/messages`, { token: b.token, body: { text: `${secret} 还在吗` } }), 201, 'message');
      must(await t.req('POST', `/conversations/${conv.id}/messages`, { token: a.token, body: { text: '在的' } }), 201, 'reply');
      return { id: conv.id as string, itemId, secret };
    },
    /** A pending offer by B on one of A's items (asking 3000). */
    async offer(price = 2000) {
      const itemId = await w.item(A);
      const o = must(await t.req('POST', `/items/${itemId}/offers`, { token: B.token, body: { price } }), 201, 'offer');
      return { id: o.id as string, itemId };
    },
    async address(owner: Member = B) {
      const line = `上海市徐汇区-${randomBytes(4).toString('hex')}`;
      let r = await t.req('POST', '/me/addresses', { token: owner.token, body: { ...ADDRESS, line } });
      if (r.json?.code === 'too_many_addresses') {
        // The corpus fills the book; make room through the API, as a member would.
        for (const old of (await t.req('GET', '/me/addresses', { token: owner.token })).json.items) {
          must(await t.req('DELETE', `/me/addresses/${old.id}`, { token: owner.token }), 204, 'delete address');
        }
        r = await t.req('POST', '/me/addresses', { token: owner.token, body: { ...ADDRESS, line } });
      }
      const a = must(r, 201, 'address');
      return { id: a.id as string, line };
    },
    async note(author: Member = A) {
      const n = must(await t.req('POST', '/notes', { token: author.token, body: { title: '周末摆摊', body: '来看看', kind: 'stall' } }), 201, 'note');
      return n.id as string;
    },
    async comment(noteId: string, author: Member = B) {
      const c = must(await t.req('POST', `/notes/${noteId}/comments`, { token: author.token, body: { body: '还在吗？' } }), 201, 'comment');
      return c.id as string;
    },
    async reply(noteId: string, parentId: string, author: Member = A) {
      const c = must(await t.req('POST', `/notes/${noteId}/comments`, { token: author.token, body: { body: '在的', parentId } }), 201, 'reply');
      return c.id as string;
    },
    async photo(owner: Member = A) {
      return (await upload(t, owner.token, png)).id;
    },
    photoForm(name = 'photo.png') {
      return form(png, name);
    },
    /** A chat photo B sent A: private to the two of them. */
    async chatPhoto() {
      const conv = await w.conversation();
      const mediaId = await w.photo(B);
      must(await t.req('POST', `/conversations/${conv.id}/messages`, { token: B.token, body: { mediaId } }), 201, 'photo message');
      return { mediaId, conversationId: conv.id };
    },
    /** Completes a pickup order A sold to B, so A has money available to withdraw. */
    async earn(seller: Member = A, buyer: Member = B) {
      return w.order('completed', 'pickup', seller, buyer);
    },
    async withdrawal(owner: Member = A) {
      await w.earn(owner);
      const r = must(await t.req('POST', '/wallet/withdrawals', { token: owner.token, body: { amount: 100 } }), 201, 'withdrawal');
      return r.id as string;
    },
    async follow(follower: Member, followee: Member) {
      must(await t.req('PUT', `/users/${followee.id}/follow`, { token: follower.token }), 204, 'follow');
    },
    async block(blocker: Member, blocked: Member) {
      must(await t.req('PUT', `/users/${blocked.id}/block`, { token: blocker.token }), 204, 'block');
    },
    async collect(member: Member, noteId: string) {
      must(await t.req('PUT', `/notes/${noteId}/collect`, { token: member.token }), 204, 'collect');
    },
    /** A notification of A's (B commented on A's note); returns its id. */
    async notification() {
      await w.comment(await w.note(A), B);
      const r = must(await t.req('GET', '/notifications?limit=1', { token: A.token }), 200, 'notifications');
      const id = r.items?.[0]?.id as string | undefined;
      if (!id) throw new Error('fixture notification: A has none');
      return id;
    },
    /** `author`'s review of the other side of a completed order; returns its (unique) text. */
    async review(orderId: string, author: Member) {
      const text = `评价-${randomBytes(4).toString('hex')}`;
      must(await t.req('POST', `/orders/${orderId}/review`, { token: author.token, body: { rating: 4, text } }), 201, 'review');
      return text;
    },
    /** A member the professional-seller guard has flagged (the same title listed again and again). */
    async flaggedSeller() {
      const m = await t.user({ verified: true, prefix: 'p' });
      for (let i = 0; i < 6 && !(await isFlagged(t, m.id)); i++) await w.item(m, { title: '全新未拆封 蓝牙耳机' });
      if (!(await isFlagged(t, m.id))) throw new Error('fixture flaggedSeller: the guard did not flag');
      return m;
    },
    async savedSearch(owner: Member) {
      const r = must(await t.req('POST', '/me/saved-searches', { token: owner.token, body: { q: `书桌 ${randomBytes(3).toString('hex')}` } }), 201, 'saved search');
      return r.id as string;
    },
    newUsername: () => `n${randomBytes(5).toString('hex')}`,
    idNumber: () => validIdNumber(),
  };
  return w;
}
