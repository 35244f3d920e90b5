import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { storeImage } from '../media/service.ts';
import { placeOrder, sellerWithItem } from '../orders/fixtures.ts';
import { dispatchOrderEvents } from './order-cards.ts';

const t = await createTestApp();

async function pair() {
  const a = await t.user({ prefix: 'a' });
  const b = await t.user({ prefix: 'b' });
  const c = await t.req('POST', '/conversations', { token: a.token, body: { peerId: b.id } });
  return { a, b, conv: c.json as { id: string } };
}
const send = (token: string, id: string, body: unknown) => t.req('POST', `/conversations/${id}/messages`, { token, body });

describe('conversations', () => {
  it('one per pair: created once, then found from either side', async () => {
    const a = await t.user();
    const b = await t.user();
    const first = await t.req('POST', '/conversations', { token: a.token, body: { peerId: b.id } });
    expect(first.status).toBe(201);
    const again = await t.req('POST', '/conversations', { token: b.token, body: { peerId: a.id } });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(first.json.id);
    expect(again.json.peer.id).toBe(a.id);
    const racing = await Promise.all(Array.from({ length: 8 }, () => t.req('POST', '/conversations', { token: a.token, body: { peerId: (b as { id: string }).id } })));
    expect(new Set(racing.map((r) => r.json.id))).toEqual(new Set([first.json.id]));
    expectProblem(await t.req('POST', '/conversations', { token: a.token, body: { peerId: a.id } }), 422, 'cannot_message_self');
    expectProblem(await t.req('POST', '/conversations', { token: a.token, body: { peerId: '0000000000000000' } }), 404, 'not_found');
  });

  it('delivers text, counts unread, pages history newest first, marks read', async () => {
    const { a, b, conv } = await pair();
    expect((await send(a.token, conv.id, { text: '你好，在吗？' })).status).toBe(201);
    await send(b.token, conv.id, { text: '在的' });
    for (let i = 0; i < 3; i++) await send(a.token, conv.id, { text: `第${i}条` });
    const inbox = await t.req('GET', '/conversations', { token: b.token });
    expect(inbox.json.items[0]).toMatchObject({ id: conv.id, unreadCount: 4 });
    expect(inbox.json.unreadTotal).toBe(4);
    expect(inbox.json.items[0].lastMessage.text).toBe('第2条');
    const page1 = await t.req('GET', `/conversations/${conv.id}/messages?limit=2`, { token: b.token });
    expect(page1.json.items.map((m: { text: string }) => m.text)).toEqual(['第2条', '第1条']);
    const page2 = await t.req('GET', `/conversations/${conv.id}/messages?limit=10&cursor=${page1.json.nextCursor}`, { token: b.token });
    expect(page2.json.items.map((m: { text: string }) => m.text)).toEqual(['第0条', '在的', '你好，在吗？']);
    const missed = await t.req('GET', `/conversations/${conv.id}/messages?after=${page2.json.items[1].id}`, { token: b.token });
    expect(missed.json.items.map((m: { text: string }) => m.text)).toEqual(['第0条', '第1条', '第2条']);
    expect((await t.req('POST', `/conversations/${conv.id}/read`, { token: b.token })).status).toBe(204);
    expect((await t.req('GET', '/conversations', { token: b.token })).json.unreadTotal).toBe(0);
  });

  it('a sent text reads the same in its 201, in the history and in a history read by the peer (byte for byte)', async () => {
    const { a, b, conv } = await pair();
    const sent = await send(a.token, conv.id, { text: '  明天下午自提可以吗？  ' });
    expect(sent.status).toBe(201);
    const mine = await t.req('GET', `/conversations/${conv.id}/messages?limit=1`, { token: a.token });
    const theirs = await t.req('GET', `/conversations/${conv.id}/messages?limit=1`, { token: b.token });
    expect(JSON.stringify(mine.json.items[0])).toBe(JSON.stringify(sent.json));
    expect(JSON.stringify(theirs.json.items[0])).toBe(JSON.stringify(sent.json));
    expect(sent.json).toMatchObject({ kind: 'text', text: '明天下午自提可以吗？', senderId: a.id, actorId: a.id, warnings: [], automatic: false });
  });

  it('keeps strangers out: 404 on read, write, list and mark-read', async () => {
    const { a, conv } = await pair();
    await send(a.token, conv.id, { text: 'secret' });
    const stranger = await t.user();
    expectProblem(await t.req('GET', `/conversations/${conv.id}/messages`, { token: stranger.token }), 404, 'not_found');
    expectProblem(await send(stranger.token, conv.id, { text: 'hi' }), 404, 'not_found');
    expectProblem(await t.req('GET', `/conversations/${conv.id}`, { token: stranger.token }), 404, 'not_found');
    expectProblem(await t.req('POST', `/conversations/${conv.id}/read`, { token: stranger.token }), 404, 'not_found');
    expect((await t.req('GET', '/conversations', { token: stranger.token })).json.items).toEqual([]);
    expectProblem(await t.req('GET', `/conversations/${conv.id}/messages`), 401, 'unauthenticated');
  });

  it('validates message bodies', async () => {
    const { a, conv } = await pair();
    expectProblem(await send(a.token, conv.id, {}), 400, 'validation_failed');
    expectProblem(await send(a.token, conv.id, { text: 'x'.repeat(1001) }), 400, 'validation_failed');
    expectProblem(await send(a.token, conv.id, { text: 'a', itemId: '0000000000000000' }), 400, 'validation_failed');
    expectProblem(await send(a.token, conv.id, { text: '   ' }), 400, 'validation_failed');
  });
});

describe('cards', () => {
  it('item cards are live, offers are made and answered in place', async () => {
    const { seller, item } = await sellerWithItem(t, { price: 5000 });
    const buyer = await t.user();
    const conv = (await t.req('POST', '/conversations', { token: buyer.token, body: { peerId: seller.id, itemId: item.id } })).json;
    expect(conv.item).toMatchObject({ id: item.id, price: 5000 });
    const card = await send(seller.token, conv.id, { itemId: item.id });
    expect(card.json).toMatchObject({ kind: 'item', item: { id: item.id, price: 5000, status: 'on_sale' } });
    await t.req('PATCH', `/items/${item.id}`, { token: seller.token, body: { price: 4500 } });
    const history = await t.req('GET', `/conversations/${conv.id}/messages`, { token: buyer.token });
    expect(history.json.items[0].item.price).toBe(4500);
    const offer = await send(buyer.token, conv.id, { offer: { price: 4000 } });
    expect(offer.json).toMatchObject({ kind: 'offer', offer: { status: 'pending', price: 4000 } });
    await t.req('POST', `/offers/${offer.json.offer.id}/accept`, { token: seller.token });
    const after = await t.req('GET', `/conversations/${conv.id}/messages?limit=1`, { token: buyer.token });
    expect(after.json.items[0].offer).toMatchObject({ status: 'accepted', agreedPrice: 4000 });
  });

  it('photos must be the sender’s own uploads', async () => {
    const { a, b, conv } = await pair();
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#ff2442' } }).png().toBuffer();
    const mine = await storeImage(t.deps, a.id, png, 'photo');
    const theirs = await storeImage(t.deps, b.id, png, 'photo');
    await send(b.token, conv.id, { text: '发张照片看看' });
    const r = await send(a.token, conv.id, { mediaId: mine.id });
    expect(r.json).toMatchObject({ kind: 'photo', photo: { width: 40, height: 30 } });
    expectProblem(await send(a.token, conv.id, { mediaId: theirs.id }), 422, 'invalid_media');
  });

  it('posts order cards for every status change, once', async () => {
    const { seller, item } = await sellerWithItem(t);
    const buyer = await t.user();
    const o = await placeOrder(t, buyer.token, item.id);
    await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token });
    await Promise.all([dispatchOrderEvents(t.deps), dispatchOrderEvents(t.deps)]);
    await dispatchOrderEvents(t.deps);
    const inbox = await t.req('GET', '/conversations', { token: seller.token });
    const conv = inbox.json.items.find((c: { peer: { id: string } }) => c.peer.id === buyer.id);
    const msgs = await t.req('GET', `/conversations/${conv.id}/messages`, { token: seller.token });
    expect(msgs.json.items.map((m: { kind: string; order: { event: string } }) => [m.kind, m.order.event])).toEqual([
      ['order', 'paid'],
      ['order', 'placed'],
    ]);
    expect(msgs.json.items[0]).toMatchObject({ senderId: null, order: { id: o.json.id, status: 'paid', role: 'seller' } });
  });
});

describe('safety', () => {
  it('blocking stops messages in both directions until unblocked', async () => {
    const { a, b, conv } = await pair();
    await send(a.token, conv.id, { text: 'hello' });
    expect((await t.req('PUT', `/users/${a.id}/block`, { token: b.token })).status).toBe(204);
    expect((await t.req('PUT', `/users/${a.id}/block`, { token: b.token })).status).toBe(204);
    expectProblem(await send(a.token, conv.id, { text: 'why?' }), 403, 'blocked');
    expectProblem(await send(b.token, conv.id, { text: 'bye' }), 403, 'you_blocked');
    expect((await t.req('GET', '/conversations', { token: b.token })).json.items[0].blocked).toEqual({ byMe: true, byPeer: false });
    await t.req('DELETE', `/users/${a.id}/block`, { token: b.token });
    expect((await send(b.token, conv.id, { text: 'ok then' })).status).toBe(201);
  });

  it('limits cold messages without an item on sale; a reply or a follow-back lifts it', async () => {
    const { a, b, conv } = await pair();
    expect((await send(a.token, conv.id, { text: '你好' })).status).toBe(201);
    expectProblem(await send(a.token, conv.id, { text: '在吗在吗' }), 403, 'cold_message_limit');
    await send(b.token, conv.id, { text: '你好，有事吗' });
    expect((await send(a.token, conv.id, { text: '想问问你的书' })).status).toBe(201);
    const { a: c, b: d, conv: conv2 } = await pair();
    await send(c.token, conv2.id, { text: 'hi' });
    await t.db.insertInto('follows').values({ followerId: d.id, followeeId: c.id }).execute();
    expect((await send(c.token, conv2.id, { text: 'thanks for the follow' })).status).toBe(201);
  });

  it('asking about an item on sale is always allowed', async () => {
    const { seller, item } = await sellerWithItem(t);
    const buyer = await t.user();
    const conv = (await t.req('POST', '/conversations', { token: buyer.token, body: { peerId: seller.id, itemId: item.id } })).json;
    for (const q of ['还在吗', '能便宜点吗', '可以自提吗']) expect((await send(buyer.token, conv.id, { text: q })).status).toBe(201);
  });

  it('delivers lures with warnings, never drops them, and limits repeat offenders', async () => {
    const { seller, item } = await sellerWithItem(t);
    const scammer = await t.user();
    const conv = (await t.req('POST', '/conversations', { token: scammer.token, body: { peerId: seller.id, itemId: item.id } })).json;
    const ok = await send(scammer.token, conv.id, { text: '周六下午可以自提吗' });
    expect(ok.json.warnings).toEqual([]);
    const lure = await send(scammer.token, conv.id, { text: '加我微信 abc12345 细聊，先付定金' });
    expect(lure.status).toBe(201);
    expect(lure.json.warnings).toEqual(expect.arrayContaining(['off_platform_contact']));
    const seen = await t.req('GET', `/conversations/${conv.id}/messages?limit=1`, { token: seller.token });
    expect(seen.json.items[0].warnings.length).toBeGreaterThan(0);
    // Six flagged messages are delivered (the rule limits only MORE than five); the seventh is refused.
    for (let i = 0; i < 5; i++) expect((await send(scammer.token, conv.id, { text: `加V私聊 13800138${100 + i}` })).status).toBe(201);
    expectProblem(await send(scammer.token, conv.id, { text: '微信转账给你，加我 vx 88886666' }), 429, 'sending_limited');
    expect((await send(scammer.token, conv.id, { text: '那算了，平台下单吧' })).status).toBe(201);
    const reports = await t.db.selectFrom('reports').selectAll().where('targetId', '=', scammer.id).execute();
    expect(reports).toHaveLength(1);
    expect((await t.req('GET', '/conversations', { token: seller.token })).json.items[0].riskScore).toBeGreaterThan(0);
  });

  it('reports once per target', async () => {
    const { a, b } = await pair();
    const r = await t.req('POST', '/reports', { token: a.token, body: { targetType: 'user', targetId: b.id, reason: 'harassment', detail: '骚扰' } });
    expect(r.status).toBe(201);
    expectProblem(await t.req('POST', '/reports', { token: a.token, body: { targetType: 'user', targetId: b.id, reason: 'spam' } }), 409, 'already_reported');
    expectProblem(await t.req('POST', '/reports', { token: a.token, body: { targetType: 'planet', targetId: b.id, reason: 'spam' } }), 400, 'validation_failed');
  });
});

describe('live updates and read state', () => {
  const listen = (userId: string) => {
    const got: { type: string; [k: string]: unknown }[] = [];
    t.deps.hub.attach(userId, { send: (d) => got.push(JSON.parse(d)) });
    return got;
  };
  const until = async (cond: () => boolean) => {
    for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(cond()).toBe(true);
  };

  it('pushes each side its own view of messages and offer decisions', async () => {
    const { seller, item } = await sellerWithItem(t, { price: 5000 });
    const buyer = await t.user();
    const toBuyer = listen(buyer.id);
    const toSeller = listen(seller.id);
    const conv = (await t.req('POST', '/conversations', { token: buyer.token, body: { peerId: seller.id, itemId: item.id } })).json;
    const offer = await send(buyer.token, conv.id, { offer: { price: 4000 } });
    await until(() => toSeller.some((e) => e.type === 'message'));
    const sellerCopy = toSeller.find((e) => e.type === 'message') as unknown as { message: { offer: { role: string } } };
    expect(sellerCopy.message.offer.role).toBe('seller');
    await t.req('POST', `/offers/${offer.json.offer.id}/counter`, { token: seller.token, body: { price: 4500 } });
    await until(() => toBuyer.some((e) => e.type === 'offer'));
    expect(toBuyer.find((e) => e.type === 'offer')).toMatchObject({ offer: { status: 'countered', counterPrice: 4500, role: 'buyer' } });
  });

  it('shows how far the peer has read', async () => {
    const { a, b, conv } = await pair();
    const m = await send(a.token, conv.id, { text: '明天见' });
    expect((await t.req('GET', `/conversations/${conv.id}`, { token: a.token })).json.peerLastReadMessageId).toBeNull();
    await t.req('POST', `/conversations/${conv.id}/read`, { token: b.token });
    expect((await t.req('GET', `/conversations/${conv.id}`, { token: a.token })).json.peerLastReadMessageId).toBe(m.json.id);
  });

  it('a trade between the two lifts the cold-message limit', async () => {
    const { seller, item } = await sellerWithItem(t);
    const buyer = await t.user();
    await t.req('POST', '/orders', { token: buyer.token, body: { itemId: item.id, delivery: 'pickup' } });
    const conv = (await t.req('POST', '/conversations', { token: buyer.token, body: { peerId: seller.id } })).json;
    for (const q of ['我下单了', '什么时候方便自提？']) expect((await send(buyer.token, conv.id, { text: q })).status).toBe(201);
  });
});
