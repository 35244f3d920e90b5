// Wanted (求购) matching over HTTP: a new item tells the author of a matching open request once;
// no match, a withdrawn item, a price above the maximum and the author's own item tell nobody;
// a new request lists the matching items at once (GET /notes/:id/matches).
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { listItem, seller } from '../items/fixtures.ts';

const t = await createTestApp();
type Member = Awaited<ReturnType<typeof t.user>>;
let buyer: Member;
let shop: Member;

async function wantedNote(who: Member, title: string, wanted?: Record<string, unknown>) {
  const r = await t.req('POST', '/notes', { token: who.token, body: { title, kind: 'wanted', ...(wanted && { wanted }) } });
  expect(r.status, r.text).toBe(201);
  return r.json.id as string;
}

async function matchesOf(who: Member) {
  const r = await t.req('GET', '/notifications', { token: who.token });
  expect(r.status, r.text).toBe(200);
  return (r.json.items as { type: string; item?: { id: string } | null; itemId?: string; data?: Record<string, unknown> }[]).filter((n) => n.type === 'wanted_match');
}

beforeAll(async () => {
  buyer = await seller(t);
  shop = await seller(t);
});

describe('wanted matching', () => {
  it('a new item matching a wanted note tells its author once, with the item', async () => {
    const me = await seller(t);
    await wantedNote(me, '求购 折叠自行车', { maxPrice: 50000 });
    const item = await listItem(t, shop.token, { title: '九成新折叠自行车 20寸', price: 30000, category: 'sports' });
    const told = await matchesOf(me);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ item: { id: item.id }, data: { query: '求购 折叠自行车', price: 30000 } });
    // An edit of the same item is not a new match.
    expect((await t.req('PATCH', `/items/${item.id}`, { token: shop.token, body: { description: '送车锁' } })).status).toBe(200);
    expect(await matchesOf(me)).toHaveLength(1);
  });

  it('no match: other words, or another category than the request names', async () => {
    const me = await seller(t);
    await wantedNote(me, '求购 空气炸锅', { category: 'appliances' });
    await listItem(t, shop.token, { title: '宜家书架 白色', price: 2000, category: 'furniture' });
    await listItem(t, shop.token, { title: '空气炸锅 海报', price: 100, category: 'books' });
    expect(await matchesOf(me)).toHaveLength(0);
  });

  it('a price above the wanted maximum tells nobody; at the maximum it does', async () => {
    const me = await seller(t);
    await wantedNote(me, '收 任天堂Switch', { maxPrice: 100000 });
    await listItem(t, shop.token, { title: '任天堂Switch 续航版', price: 120000, category: 'digital' });
    expect(await matchesOf(me)).toHaveLength(0);
    await listItem(t, shop.token, { title: '任天堂Switch OLED', price: 100000, category: 'digital' });
    expect(await matchesOf(me)).toHaveLength(1);
  });

  it('a comment\'s wanted request is matched by words and its max price', async () => {
    const host = await seller(t);
    const me = await seller(t);
    const note = (await t.req('POST', '/notes', { token: host.token, body: { title: '周末跳蚤市场', kind: 'stall' } })).json.id;
    const c = await t.req('POST', `/notes/${note}/comments`, { token: me.token, body: { wanted: { title: '电钢琴', maxPrice: 80000 } } });
    expect(c.status, c.text).toBe(201);
    await listItem(t, shop.token, { title: '雅马哈电钢琴 88键', price: 150000, category: 'other' });
    expect(await matchesOf(me)).toHaveLength(0);
    await listItem(t, shop.token, { title: '卡西欧电钢琴 入门', price: 60000, category: 'other' });
    expect(await matchesOf(me)).toHaveLength(1);
  });

  it('never for the author\'s own item', async () => {
    const me = await seller(t);
    await wantedNote(me, '求购 露营帐篷');
    await listItem(t, me.token, { title: '露营帐篷 双人', price: 20000, category: 'sports' });
    expect(await matchesOf(me)).toHaveLength(0);
  });

  it('a new request lists matching items on sale at once; withdrawn, pricier and own items are left out', async () => {
    const me = await seller(t);
    const onSale = await listItem(t, shop.token, { title: '索尼降噪耳机 WH1000XM4', price: 90000, category: 'digital' });
    const pricey = await listItem(t, shop.token, { title: '索尼降噪耳机 WH1000XM5', price: 200000, category: 'digital' });
    const gone = await listItem(t, shop.token, { title: '索尼降噪耳机 旧款', price: 30000, category: 'digital' });
    const mine = await listItem(t, me.token, { title: '索尼降噪耳机 自用', price: 30000, category: 'digital' });
    expect((await t.req('POST', `/items/${gone.id}/withdraw`, { token: shop.token })).status).toBe(200);
    const note = await wantedNote(me, '求购 索尼降噪耳机', { maxPrice: 100000 });
    const r = await t.req('GET', `/notes/${note}/matches`);
    expect(r.status, r.text).toBe(200);
    expect(r.json.items).toHaveLength(1);
    expect(r.json.items[0]).toMatchObject({ title: '求购 索尼降噪耳机', maxPrice: 100000, commentId: null });
    const ids = r.json.items[0].items.map((i: { id: string }) => i.id);
    expect(ids).toEqual([onSale.id]);
    expect(ids).not.toContain(pricey.id);
    expect(ids).not.toContain(gone.id);
    expect(ids).not.toContain(mine.id);
  });

  it('a withdrawn item is never matched, even by a request made before', async () => {
    const me = await seller(t);
    await wantedNote(me, '求购 投影仪');
    const item = await listItem(t, shop.token, { title: '投影仪 家用', price: 40000, category: 'digital' });
    expect(await matchesOf(me)).toHaveLength(1);
    expect((await t.req('POST', `/items/${item.id}/withdraw`, { token: shop.token })).status).toBe(200);
    const note = (await t.req('GET', '/notifications', { token: me.token })).json;
    expect(note.items.length).toBeGreaterThan(0);
    const r = await t.req('GET', `/notes/${(await wantedNote(me, '求购 投影仪 家用'))}/matches`);
    expect(r.json.items[0].items).toEqual([]);
  });

  it('matches of an unknown note are 404', async () => {
    expectProblem(await t.req('GET', '/notes/0123456789abcdef/matches'), 404, 'not_found');
    expect(buyer.id).toBeTruthy();
  });
});
