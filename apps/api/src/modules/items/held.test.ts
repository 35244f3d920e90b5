// Issue 15: item cards said 已售罄 and later 剩 1 件 for the same item. The cause: an unpaid order
// takes the last unit, so the generated status is sold_out, and when the order lapses (15
// minutes) or is cancelled the unit comes back and the item is on sale again. `held` tells the
// two apart on every card and on the item: units held by orders not paid yet, which may return.
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers.ts';
import { placeOrder, sellerWithItem } from '../orders/fixtures.ts';
import { expireDueOrders } from '../orders/service/cancel.ts';

const t = await createTestApp();

async function views(itemId: string, noteId: string, token: string) {
  const item = (await t.req('GET', `/items/${itemId}`)).json;
  const card = (await t.req('GET', `/notes/${noteId}`)).json.items[0];
  const batch = (await t.req('GET', `/items?ids=${itemId}`, { token })).json.items[0];
  return { item, card, batch };
}

describe('held units', () => {
  it('an unpaid order holds the last unit (held 1, sold_out); lapsing gives it back (on_sale, held 0)', async () => {
    const { seller, item } = await sellerWithItem(t, { quantity: 1 });
    const note = await t.req('POST', '/notes', { token: seller.token, body: { title: '出沙发', itemIds: [item.id] } });
    const buyer = await t.user();

    let v = await views(item.id, note.json.id, buyer.token);
    expect(v.item).toMatchObject({ status: 'on_sale', available: 1, held: 0 });
    expect(v.card).toMatchObject({ status: 'on_sale', available: 1, held: 0 });

    const order = await placeOrder(t, buyer.token, item.id);
    expect(order.status).toBe(201);
    v = await views(item.id, note.json.id, buyer.token);
    expect(v.item).toMatchObject({ status: 'sold_out', available: 0, held: 1 });
    expect(v.card).toMatchObject({ status: 'sold_out', available: 0, held: 1 });
    expect(v.batch).toMatchObject({ status: 'sold_out', held: 1 });
    const list = await t.req('GET', `/users/${seller.id}/items`);
    expect(list.json.items.find((i: { id: string }) => i.id === item.id)).toMatchObject({ held: 1 });

    t.clock.advance(16 * 60_000);
    expect(await expireDueOrders(t.deps)).toBeGreaterThanOrEqual(1);
    v = await views(item.id, note.json.id, buyer.token);
    expect(v.item).toMatchObject({ status: 'on_sale', available: 1, held: 0 });
    expect(v.card).toMatchObject({ status: 'on_sale', available: 1, held: 0 });
  });

  it('a paid order is sold, not held', async () => {
    const { seller, item } = await sellerWithItem(t, { quantity: 2 });
    const note = await t.req('POST', '/notes', { token: seller.token, body: { title: '两张椅子', itemIds: [item.id] } });
    const a = await t.user();
    const b = await t.user();
    const paid = await placeOrder(t, a.token, item.id);
    expect((await t.req('POST', `/orders/${paid.json.id}/pay`, { token: a.token })).status).toBe(200);
    await placeOrder(t, b.token, item.id);
    const v = await views(item.id, note.json.id, a.token);
    expect(v.item).toMatchObject({ status: 'sold_out', available: 0, held: 1, quantity: 2 });
    expect(v.card).toMatchObject({ status: 'sold_out', available: 0, held: 1 });
  });
});
