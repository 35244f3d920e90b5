// Smart hosting through HTTP against PostgreSQL: the switch on the item, the task written with
// the buyer's message, the automatic answer from the seller's side, the floor never said, offers
// accepted or countered, handovers with a notification, and never in a flagged conversation.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { listItem, seller as newSeller } from '../items/fixtures.ts';
import { mentionsAmount } from './hosting-guard.ts';
import { dispatchHosting, STALE_MS } from './hosting.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});

type Member = { id: string; token: string };
type Msg = { id: string; senderId: string | null; kind: string; text: string; automatic: boolean; autoReply: boolean };
type Notice = { type: string; data: Record<string, unknown> };

async function hostedItem(over: Record<string, unknown> = {}, floor: number | null = 30000) {
  const s: Member = await newSeller(t);
  const item = await listItem(t, s.token, {
    title: '宜家 书桌 九成新', description: '用了一年，发顺丰', price: 40000, delivery: ['pickup', 'shipping'], shippingFee: 1200,
    location: { lat: 31.2304, lng: 121.4737, label: '上海·静安' }, ...over,
  });
  if (floor !== null) expect((await t.req('PUT', `/items/${item.id}/floor-price`, { token: s.token, body: { floorPrice: floor } })).status).toBe(200);
  const on = await t.req('PATCH', `/items/${item.id}`, { token: s.token, body: { hosting: true } });
  expect(on.status).toBe(200);
  return { seller: s, item: on.json };
}

async function ask(itemSellerId: string, itemId: string, buyer?: Member) {
  const b = buyer ?? (await t.user());
  const c = await t.req('POST', '/conversations', { token: b.token, body: { peerId: itemSellerId, itemId } });
  expect([200, 201]).toContain(c.status);
  const send = async (body: Record<string, unknown>) => {
    const r = await t.req('POST', `/conversations/${c.json.id}/messages`, { token: b.token, body });
    expect(r.status, r.text).toBe(201);
    await dispatchHosting(t.deps);
    return r.json;
  };
  const history = async () => (await t.req('GET', `/conversations/${c.json.id}/messages`, { token: b.token })).json.items as [Msg, ...Msg[]];
  return { buyer: b, conversationId: c.json.id as string, send, history };
}

const task = (messageId: string) => t.db.selectFrom('hostingTasks').selectAll().where('messageId', '=', messageId).executeTakeFirst();
const handovers = (sellerToken: string) =>
  t.req('GET', '/notifications', { token: sellerToken }).then((r) => (r.json.items as Notice[]).filter((n) => n.type === 'hosting_handover'));

describe('the hosting switch', () => {
  it('PATCH /items/:id {hosting}: the seller only; shown on the item; not a new version of the terms', async () => {
    const s = await newSeller(t);
    const item = await listItem(t, s.token);
    expect(item.hosting).toBe(false);
    const other = await t.user();
    expectProblem(await t.req('PATCH', `/items/${item.id}`, { token: other.token, body: { hosting: true } }), 403, 'not_item_owner');
    expectProblem(await t.req('PATCH', `/items/${item.id}`, { body: { hosting: true } }), 401, 'unauthenticated');
    expectProblem(await t.req('PATCH', `/items/${item.id}`, { token: s.token, body: { hosting: 'yes' } }), 400, 'validation_failed');
    const on = await t.req('PATCH', `/items/${item.id}`, { token: s.token, body: { hosting: true } });
    expect(on.json).toMatchObject({ hosting: true, version: item.version });
    expect((await t.req('GET', `/items/${item.id}`)).json.hosting).toBe(true);
    // Switching it off works on a withdrawn item too; editing terms there still does not.
    await t.req('POST', `/items/${item.id}/withdraw`, { token: s.token });
    expect((await t.req('PATCH', `/items/${item.id}`, { token: s.token, body: { hosting: false } })).json.hosting).toBe(false);
    expectProblem(await t.req('PATCH', `/items/${item.id}`, { token: s.token, body: { hosting: true, price: 100 } }), 409, 'item_withdrawn');
    expect((await t.req('GET', `/items/${item.id}`)).json.hosting).toBe(false);
  });
});

describe('automatic answers', () => {
  it('"最低多少" gets an automatic counter above the floor, from the seller, never the floor', async () => {
    const { seller, item } = await hostedItem();
    const chat = await ask(seller.id, item.id);
    const q = await chat.send({ text: '最低多少' });
    const [answer] = await chat.history();
    expect(answer).toMatchObject({ senderId: seller.id, kind: 'text', automatic: true, autoReply: true });
    expect(answer.text).toBe('诚心要的话，¥350 可以出，出价 ¥350 会自动接受～');
    const prices = [...answer.text.matchAll(/¥(\d+)/g)].map((m) => Number(m[1]) * 100);
    expect(prices.length).toBeGreaterThan(0);
    for (const p of prices) {
      expect(p).toBeGreaterThan(30000);
      expect(p).toBeLessThanOrEqual(40000);
    }
    expect(mentionsAmount(answer.text, 30000)).toBe(false);
    expect(await task(q.id)).toMatchObject({ outcome: 'answered', intents: ['lowest_price'], replyMessageId: answer.id });
    // The seller sees it in the conversation as their own automatic message.
    const sellerView = await t.req('GET', `/conversations/${chat.conversationId}/messages`, { token: seller.token });
    expect(sellerView.json.items[0]).toMatchObject({ id: answer.id, automatic: true });
  });

  it('answers from the item: still available, postage and carrier, pickup place, condition', async () => {
    const { seller, item } = await hostedItem();
    const chat = await ask(seller.id, item.id);
    await chat.send({ text: '还在吗😊' });
    expect((await chat.history())[0]).toMatchObject({ automatic: true, text: '在的，还在卖～' });
    await chat.send({ text: '包由吗 发什么快递' });
    expect((await chat.history())[0].text).toBe('可以寄，运费 ¥12，发顺丰～');
    await chat.send({ text: '在哪自提' });
    expect((await chat.history())[0].text).toContain('上海·静安');
    await chat.send({ text: '几成新' });
    expect((await chat.history())[0].text).toContain('几乎全新');
  });

  it('a bargain at or above the floor is agreed; an offer card there is accepted automatically', async () => {
    const { seller, item } = await hostedItem();
    const chat = await ask(seller.id, item.id);
    await chat.send({ text: '350出吗' });
    expect((await chat.history())[0].text).toContain('¥350 可以');
    const offer = await chat.send({ offer: { price: 35000 } });
    const [reply] = await chat.history();
    expect(reply).toMatchObject({ automatic: true, senderId: seller.id });
    expect(reply.text).toContain('已接受');
    expect((await t.req('GET', `/offers/${offer.offer.id}`, { token: chat.buyer.token })).json).toMatchObject({ status: 'accepted', agreedPrice: 35000 });
    expect(await task(offer.id)).toMatchObject({ outcome: 'accepted' });
  });

  it('a lowball offer is declined by the floor and countered above it', async () => {
    const { seller, item } = await hostedItem();
    const chat = await ask(seller.id, item.id);
    const offer = await chat.send({ offer: { price: 10000 } });
    expect(offer.offer.status).toBe('declined');
    const [reply] = await chat.history();
    expect(reply.automatic).toBe(true);
    const counter = Number(reply?.text.match(/¥(\d+)/)?.[1]) * 100;
    expect(counter).toBeGreaterThan(30000);
    expect(counter).toBeLessThan(40000);
  });

  it('without a floor price a price question is the seller\'s; a sold item answers "卖出了"', async () => {
    const { seller, item } = await hostedItem({}, null);
    const chat = await ask(seller.id, item.id);
    const q = await chat.send({ text: '能小刀吗' });
    expect((await chat.history())[0].id).toBe(q.id);
    expect(await task(q.id)).toMatchObject({ outcome: 'handover', reason: 'no_floor' });
    expect(await handovers(seller.token)).toHaveLength(1);
    await chat.send({ text: '还在吗' });
    expect((await chat.history())[0]).toMatchObject({ automatic: true, text: '在的，还在卖～' });
    // Bought by someone else meanwhile (an order takes the only unit): 还在吗 is answered honestly.
    const other = await t.user();
    expect((await t.req('POST', '/orders', { token: other.token, body: { itemId: item.id, delivery: 'pickup' } })).status).toBe(201);
    await chat.send({ text: '还在吗' });
    expect((await chat.history())[0]).toMatchObject({ automatic: true, text: '不好意思，已经卖出了' });
  });

  it('answers each message once, whatever the number of dispatchers', async () => {
    const { seller, item } = await hostedItem();
    const chat = await ask(seller.id, item.id);
    const r = await t.req('POST', `/conversations/${chat.conversationId}/messages`, { token: chat.buyer.token, body: { text: '还在吗' } });
    await Promise.all([dispatchHosting(t.deps), dispatchHosting(t.deps), dispatchHosting(t.deps)]);
    await dispatchHosting(t.deps);
    const auto = (await chat.history()).filter((m) => m.automatic);
    expect(auto).toHaveLength(1);
    expect(await task(r.json.id)).toMatchObject({ outcome: 'answered' });
  });
});

describe('handing over', () => {
  it('a buyer asking for a person, or anything else, gets no automatic answer; the seller is notified once', async () => {
    const { seller, item } = await hostedItem();
    const chat = await ask(seller.id, item.id);
    const q = await chat.send({ text: '转人工' });
    expect((await chat.history()).some((m) => m.automatic)).toBe(false);
    expect(await task(q.id)).toMatchObject({ outcome: 'handover', reason: 'ask_human' });
    await chat.send({ text: '尺寸多大' });
    const notes = await handovers(seller.token);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.data).toMatchObject({ conversationId: chat.conversationId });
    // Once read, the next unanswerable question calls the seller again.
    await t.req('POST', '/notifications/read', { token: seller.token, body: {} });
    await chat.send({ text: '可以换吗' });
    expect(await handovers(seller.token)).toHaveLength(2);
  });

  it('never answers in a conversation the scam shield flagged', async () => {
    const { seller, item } = await hostedItem();
    const chat = await ask(seller.id, item.id);
    const lure = await chat.send({ text: '加我微信 abc12345 细聊' });
    expect(lure.warnings.length).toBeGreaterThan(0);
    const q = await chat.send({ text: '还在吗' });
    expect((await chat.history()).some((m) => m.automatic)).toBe(false);
    expect(await task(q.id)).toMatchObject({ outcome: 'flagged' });
  });

  it('stays quiet once the seller has replied, and leaves stale questions to the seller', async () => {
    const { seller, item } = await hostedItem();
    const chat = await ask(seller.id, item.id);
    const r = await t.req('POST', `/conversations/${chat.conversationId}/messages`, { token: chat.buyer.token, body: { text: '还在吗' } });
    await t.req('POST', `/conversations/${chat.conversationId}/messages`, { token: seller.token, body: { text: '在的' } });
    await dispatchHosting(t.deps);
    expect(await task(r.json.id)).toMatchObject({ outcome: 'skipped', reason: 'seller_replied' });

    const late = await t.req('POST', `/conversations/${chat.conversationId}/messages`, { token: chat.buyer.token, body: { text: '包邮吗' } });
    t.clock.advance(STALE_MS + 1000);
    await dispatchHosting(t.deps);
    expect(await task(late.json.id)).toMatchObject({ outcome: 'handover', reason: 'stale' });
    expect((await chat.history()).filter((m) => m.automatic)).toHaveLength(0);
  });

  it('hosting off: no task at all; the seller\'s own messages are never queued', async () => {
    const s = await newSeller(t);
    const item = await listItem(t, s.token);
    const chat = await ask(s.id, item.id);
    const q = await chat.send({ text: '还在吗' });
    expect(await task(q.id)).toBeUndefined();
    await t.req('PATCH', `/items/${item.id}`, { token: s.token, body: { hosting: true } });
    const mine = await t.req('POST', `/conversations/${chat.conversationId}/messages`, { token: s.token, body: { text: '最低多少' } });
    expect(await task(mine.json.id)).toBeUndefined();
  });
});
