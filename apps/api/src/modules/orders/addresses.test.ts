// The checkout's address book (issue 15, 1): each saved address says when an order last shipped
// to it, so the checkout preselects the last used one.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';

const t = await createTestApp();

describe('GET /me/addresses', () => {
  it('says when each address was last shipped to', async () => {
    const seller = await t.user({ verified: true, ageDays: 400 });
    const buyer = await t.user();
    const home = { name: '李四', phone: '13800000000', line: '上海市徐汇区 1 号' };
    const office = { name: '李四', phone: '13800000000', line: '上海市浦东新区 2 号' };
    const a = await t.req('POST', '/me/addresses', { token: buyer.token, body: home });
    const b = await t.req('POST', '/me/addresses', { token: buyer.token, body: office });
    expect(a.status).toBe(201);
    expect(a.json.lastUsedAt).toBeNull();
    const list = async () => (await t.req('GET', '/me/addresses', { token: buyer.token })).json.items as { id: string; lastUsedAt: string | null }[];
    expect((await list()).map((x) => [x.id, x.lastUsedAt])).toEqual([[b.json.id, null], [a.json.id, null]]);

    const item = await t.req('POST', '/items', { token: seller.token, body: { title: '台灯', price: 1000, quantity: 5, delivery: ['shipping'], shippingFee: 0 } });
    expect(item.status).toBe(201);
    const order = await t.req('POST', '/orders', { token: buyer.token, body: { itemId: item.json.id, delivery: 'shipping', address: home } });
    expect(order.status).toBe(201);
    const used = await list();
    expect(used.find((x) => x.id === a.json.id)?.lastUsedAt).toBe(order.json.createdAt);
    expect(used.find((x) => x.id === b.json.id)?.lastUsedAt).toBeNull();
    // Someone else's order to the same words is not mine.
    const other = await t.user();
    expect((await t.req('POST', '/orders', { token: other.token, body: { itemId: item.json.id, delivery: 'shipping', address: office } })).status).toBe(201);
    expect((await list()).find((x) => x.id === b.json.id)?.lastUsedAt).toBeNull();
    expectProblem(await t.req('GET', '/me/addresses'), 401, 'unauthenticated');
  });
});
