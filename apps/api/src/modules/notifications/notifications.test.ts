// Notifications through HTTP: every producer notifies the right member once (never for their
// own action), likes group into one entry, and each member reads and marks only their own.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { dispatchOrderEvents } from '../chat/order-cards.ts';
import { comment, note, walk } from '../notes/fixtures.ts';
import { placeOrder, sellerWithItem } from '../orders/fixtures.ts';
import type { NotificationOut } from './schema.ts';

const t = await createTestApp();
type Entry = NotificationOut;

async function list(token: string) {
  const r = await t.req('GET', '/notifications?limit=100', { token });
  expect(r.status).toBe(200);
  return r.json as { items: Entry[]; nextCursor: string | null; unreadCount: number };
}
const unread = async (token: string) => (await t.req('GET', '/notifications/unread-count', { token })).json.unreadCount as number;
const like = (token: string, noteId: string, on = true) => t.req(on ? 'PUT' : 'DELETE', `/notes/${noteId}/like`, { token });

describe('community producers', () => {
  it('a comment notifies the note’s author; a reply the one replied to; nobody hears of their own', async () => {
    const [a, b, c] = [await t.user(), await t.user(), await t.user()];
    const n = await note(t, a.token);
    const top = await comment(t, b.token, n.id, { body: '沙发还在吗？能便宜点吗' });
    let mine = await list(a.token);
    expect(mine.unreadCount).toBe(1);
    expect(mine.items[0]).toMatchObject({
      type: 'comment', count: 1, actors: [{ id: b.id }], note: { id: n.id, title: '九成新布艺沙发转让' },
      comment: { id: top.id, excerpt: '沙发还在吗？能便宜点吗' }, readAt: null,
    });

    // C replies to B: B hears the reply, A (the note's author) hears a comment.
    await comment(t, c.token, n.id, { body: '我也想要', parentId: top.id });
    expect((await list(b.token)).items.map((e) => [e.type, e.actors[0]?.id])).toEqual([['reply', c.id]]);
    expect((await list(a.token)).items.map((e) => e.type)).toEqual(['comment', 'comment']);

    // A (the author) replies to B: B gets a reply, A nothing; A's own comment tells nobody.
    await comment(t, a.token, n.id, { body: '在的', parentId: top.id });
    await comment(t, a.token, n.id, { body: '自己顶一下' });
    expect((await list(b.token)).items.map((e) => [e.type, e.actors[0]?.id])).toEqual([['reply', a.id], ['reply', c.id]]);
    mine = await list(a.token);
    expect(mine.items).toHaveLength(2);
  });

  it('likes on one note group into one entry with the latest actors first; collects apart', async () => {
    const a = await t.user();
    const fans = [await t.user(), await t.user(), await t.user(), await t.user()] as const;
    const n = await note(t, a.token);
    for (const f of fans) expect((await like(f.token, n.id)).status).toBe(204);
    await like(a.token, n.id); // one's own like: no entry
    // Unlike and like again: still the same four people.
    await like(fans[0].token, n.id, false);
    await like(fans[0].token, n.id);
    await t.req('PUT', `/notes/${n.id}/collect`, { token: fans[1].token });
    const mine = await list(a.token);
    expect(mine.unreadCount).toBe(2);
    expect(mine.items.map((e) => [e.type, e.count])).toEqual([['collect', 1], ['like', 4]]);
    const likes = mine.items[1] as Entry;
    expect(likes.actors.map((x) => x.id)).toEqual([fans[0].id, fans[3].id, fans[2].id]); // first three shown
    expect(likes.note).toMatchObject({ id: n.id });

    // Once read, the next like opens a new entry; a like on another note is its own entry.
    await t.req('POST', '/notifications/read', { token: a.token, body: {} });
    const late = await t.user();
    await like(late.token, n.id);
    const other = await note(t, a.token, { title: '宜家书架' });
    await like(late.token, other.id);
    const after = await list(a.token);
    expect(after.unreadCount).toBe(2);
    expect(after.items.slice(0, 2).map((e) => [e.type, e.count, e.note?.id])).toEqual([['like', 1, other.id], ['like', 1, n.id]]);
  });

  it('twenty likes at once make one entry that counts twenty', async () => {
    const a = await t.user();
    const n = await note(t, a.token);
    const fans = await Promise.all(Array.from({ length: 20 }, () => t.user()));
    await Promise.all(fans.map((f) => like(f.token, n.id)));
    const mine = await list(a.token);
    expect(mine.items.map((e) => [e.type, e.count])).toEqual([['like', 20]]);
    expect(mine.items[0]?.actors).toHaveLength(3);
  });

  it('a like the next day starts a new entry', async () => {
    const a = await t.user();
    const n = await note(t, a.token);
    await like((await t.user()).token, n.id);
    t.clock.advance(86_400_000);
    await like((await t.user()).token, n.id);
    t.clock.advance(-86_400_000);
    expect((await list(a.token)).items.map((e) => [e.type, e.count])).toEqual([['like', 1], ['like', 1]]);
  });

  it('follows notify (grouped by day), once per member; a blocked member notifies nobody', async () => {
    const a = await t.user();
    const [b, c, d] = [await t.user(), await t.user(), await t.user()];
    await t.req('PUT', `/users/${a.id}/follow`, { token: b.token });
    await t.req('PUT', `/users/${a.id}/follow`, { token: b.token });
    await t.req('DELETE', `/users/${a.id}/follow`, { token: b.token });
    await t.req('PUT', `/users/${a.id}/follow`, { token: b.token });
    await t.req('PUT', `/users/${a.id}/follow`, { token: c.token });
    expect((await t.req('PUT', `/users/${d.id}/block`, { token: a.token })).status).toBe(204);
    await t.req('PUT', `/users/${a.id}/follow`, { token: d.token });
    const mine = await list(a.token);
    expect(mine.items.map((e) => [e.type, e.count, e.actors.map((x) => x.id)])).toEqual([['follow', 2, [c.id, b.id]]]);
  });
});

describe('trade producers', () => {
  it('offers: the seller hears of an offer, the buyer of the answer, and back', async () => {
    const { seller, item } = await sellerWithItem(t, { price: 5000 });
    const buyer = await t.user();
    const o = await t.req('POST', `/items/${item.id}/offers`, { token: buyer.token, body: { price: 3000 } });
    expect((await list(seller.token)).items[0]).toMatchObject({
      type: 'offer_received', offerId: o.json.id, item: { id: item.id, title: '九成新布艺沙发' }, data: { price: 3000 }, actors: [{ id: buyer.id }],
    });
    await t.req('POST', `/offers/${o.json.id}/counter`, { token: seller.token, body: { price: 4200 } });
    expect((await list(buyer.token)).items[0]).toMatchObject({ type: 'offer_answered', offerId: o.json.id, data: { status: 'countered', price: 4200 } });
    await t.req('POST', `/offers/${o.json.id}/accept`, { token: buyer.token });
    expect((await list(seller.token)).items.map((e) => [e.type, e.data.status ?? null])).toEqual([['offer_answered', 'accepted'], ['offer_received', null]]);
  });

  it('a lowball declined by the floor price does not bother the seller', async () => {
    const { seller, item } = await sellerWithItem(t, { price: 5000 });
    await t.req('PUT', `/items/${item.id}/floor-price`, { token: seller.token, body: { floorPrice: 4000 } });
    const o = await t.req('POST', `/items/${(item as { id: string }).id}/offers`, { token: (await t.user()).token, body: { price: 1000 } });
    expect(o.json.status).toBe('declined');
    expect((await list(seller.token)).items).toEqual([]);
  });

  it('order events: paid → seller, shipped → buyer, confirmed → seller; each once', async () => {
    const { seller, item } = await sellerWithItem(t);
    const buyer = await t.user();
    const o = (await placeOrder(t, buyer.token, item.id)).json;
    await t.req('POST', `/orders/${o.id}/pay`, { token: buyer.token });
    await Promise.all([dispatchOrderEvents(t.deps), dispatchOrderEvents(t.deps)]);
    expect((await list(seller.token)).items.map((e) => [e.type, e.orderId, e.item?.id])).toEqual([['order_paid', o.id, item.id]]);
    expect((await list(buyer.token)).items).toEqual([]);
    const shipped = await t.req('POST', `/orders/${o.id}/ship`, { token: seller.token, body: { carrier: '顺丰', trackingNumber: 'SF1234567890' } });
    expect(shipped.status).toBe(200);
    await dispatchOrderEvents(t.deps);
    await t.req('POST', `/orders/${o.id}/confirm`, { token: buyer.token });
    await dispatchOrderEvents(t.deps);
    await dispatchOrderEvents(t.deps);
    expect((await list(buyer.token)).items.map((e) => e.type)).toEqual(['order_shipped']);
    expect((await list(seller.token)).items.map((e) => [e.type, e.data.role])).toEqual([['order_completed', 'seller'], ['order_paid', 'seller']]);
  });

  it('a cancellation notifies the other side with the reason', async () => {
    const { seller, item } = await sellerWithItem(t);
    const buyer = await t.user();
    const o = (await placeOrder(t, buyer.token, item.id)).json;
    await t.req('POST', `/orders/${o.id}/cancel`, { token: buyer.token, body: { reason: '不想要了' } });
    await dispatchOrderEvents(t.deps);
    expect((await list(seller.token)).items.map((e) => [e.type, e.data.reason])).toEqual([['order_cancelled', '不想要了']]);
    expect((await list(buyer.token)).items).toEqual([]);
  });
});

describe('reading', () => {
  it('marks the given ids or all; another member can neither list nor mark them', async () => {
    const [a, b, eve] = [await t.user(), await t.user(), await t.user()];
    const n1 = await note(t, a.token);
    const n2 = await note(t, a.token);
    const n3 = await note(t, a.token);
    for (const n of [n1, n2, n3]) await comment(t, b.token, n.id);
    const ids = (await list(a.token)).items.map((e) => e.id);
    expect(ids).toHaveLength(3);
    expect((await list(eve.token)).items).toEqual([]);

    // Eve marking A's entries changes nothing.
    expect((await t.req('POST', '/notifications/read', { token: eve.token, body: { ids } })).status).toBe(204);
    expect((await t.req('POST', '/notifications/read', { token: eve.token })).status).toBe(204);
    expect(await unread(a.token)).toBe(3);

    expect((await t.req('POST', '/notifications/read', { token: a.token, body: { ids: [ids[0]] } })).status).toBe(204);
    const after = await list(a.token);
    expect(after.unreadCount).toBe(2);
    expect(after.items.find((e) => e.id === ids[0])?.readAt).toEqual(expect.any(String));
    expect((await t.req('POST', '/notifications/read', { token: a.token })).status).toBe(204);
    expect(await unread(a.token)).toBe(0);
    expect((await list(a.token)).items.every((e) => e.readAt)).toBe(true);
  });

  it('pages with a keyset cursor, newest first, no duplicates', async () => {
    const [a, b] = [await t.user(), await t.user()];
    const n = await note(t, a.token);
    for (let i = 0; i < 7; i++) await comment(t, b.token, n.id, { body: `第${i}条` });
    const ids = await walk(t, '/notifications', a.token, 3);
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
    expect(ids).toEqual((await list(a.token)).items.map((e) => e.id));
  });

  it('refuses visitors, bad ids and bad cursors', async () => {
    const a = await t.user();
    expectProblem(await t.req('GET', '/notifications'), 401, 'unauthenticated');
    expectProblem(await t.req('GET', '/notifications/unread-count'), 401, 'unauthenticated');
    expectProblem(await t.req('POST', '/notifications/read', { body: {} }), 401, 'unauthenticated');
    expectProblem(await t.req('POST', '/notifications/read', { token: a.token, body: { ids: ['nope'] } }), 400, 'validation_failed');
    expectProblem(await t.req('POST', '/notifications/read', { token: a.token, body: { ids: 'all' } }), 400, 'validation_failed');
    expectProblem(await t.req('GET', '/notifications?cursor=zzz', { token: a.token }), 400, 'invalid_cursor');
    expectProblem(await t.req('GET', '/notifications?limit=1000', { token: a.token }), 400, 'validation_failed');
  });
});
