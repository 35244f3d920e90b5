// The one-statement order path (service/take-order.ts): terms remembered for a moment by the
// process are only a guess — the take is guarded by the item's version, hidden_at and stock, so
// an edit, a moderator's hide or a withdrawal right after an order is seen by the next one.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { ORDER_COLUMNS } from './service/take-order.ts';
import { expectLedgerOk, placeOrder, sellerWithItem } from './fixtures.ts';

const t = await createTestApp();

it('the prepared take names every column of orders (a migration adding one must add it there too)', async () => {
  const { rows } = await sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'orders'`.execute(t.db);
  expect([...ORDER_COLUMNS].sort()).toEqual(rows.map((r) => r.name).sort());
});

describe('placing an order on remembered terms', () => {
  it('an edit right after an order prices the next one on the new terms and snapshots the new version', async () => {
    const { seller, item } = await sellerWithItem(t, { quantity: 5 });
    const buyer = await t.user();
    const first = await placeOrder(t, buyer.token, item.id);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ unitPrice: 3000, total: 3600, item: { version: 1 }, events: [{ type: 'placed', by: 'buyer' }] });
    const edit = await t.req('PATCH', `/items/${item.id}`, { token: seller.token, body: { price: 2500, delivery: ['pickup'] } });
    expect(edit.status).toBe(200);
    // The remembered terms still offer shipping: the take misses on the version and the order
    // is judged on the terms the item has now.
    expectProblem(await placeOrder(t, buyer.token, item.id), 422, 'delivery_not_offered');
    const second = await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined });
    expect(second.status).toBe(201);
    expect(second.json).toMatchObject({ unitPrice: 2500, itemTotal: 2500, shippingFee: 0, total: 2500, item: { version: 2 } });
    expect(second.json.sellerProceeds).toBe(2500 - second.json.fee);
    expect((await t.req('GET', `/orders/${second.json.id}`, { token: buyer.token })).json.events).toEqual(second.json.events);
    expect((await t.req('GET', `/items/${item.id}`)).json.available).toBe(3);
    await expectLedgerOk(t);
  });

  it('a withdrawal or a sell-out right after an order refuses the next one and takes nothing', async () => {
    const { seller, item } = await sellerWithItem(t, { quantity: 3 });
    const buyer = await t.user();
    expect((await placeOrder(t, buyer.token, item.id)).status).toBe(201);
    expect((await placeOrder(t, buyer.token, item.id, { quantity: 2 })).status).toBe(201);
    expectProblem(await placeOrder(t, buyer.token, item.id), 409, 'out_of_stock');
    const { seller: s2, item: other } = await sellerWithItem(t, { quantity: 3 });
    expect((await placeOrder(t, buyer.token, other.id)).status).toBe(201);
    expect((await t.req('POST', `/items/${other.id}/withdraw`, { token: s2.token })).status).toBe(200);
    expectProblem(await placeOrder(t, buyer.token, other.id), 409, 'item_withdrawn');
    expectProblem(await placeOrder(t, seller.token, item.id), 403, 'own_item');
    const units = async (id: string) =>
      Number((await t.db.selectFrom('orders').select((eb) => eb.fn.sum<number>('quantity').as('n')).where('itemId', '=', id).executeTakeFirstOrThrow()).n);
    expect(await units(item.id)).toBe(3);
    expect(await units(other.id)).toBe(1);
  });

  it('a withdrawal then a relist right away: the next order goes through (a remembered refusal is never said)', async () => {
    const { seller, item } = await sellerWithItem(t, { quantity: 3 });
    const buyer = await t.user();
    expect((await t.req('POST', `/items/${item.id}/withdraw`, { token: seller.token })).status).toBe(200);
    expectProblem(await placeOrder(t, buyer.token, item.id), 409, 'item_withdrawn');
    expect((await t.req('POST', `/items/${item.id}/relist`, { token: seller.token })).status).toBe(200);
    // Within the moment the process remembers the withdrawn terms: they are read again, not trusted.
    const placed = await placeOrder(t, buyer.token, item.id);
    expect(placed.status).toBe(201);
    expect((await t.req('GET', `/items/${item.id}`)).json.available).toBe(2);
    await expectLedgerOk(t);
  });

  it('an Idempotency-Key replays the placed order, events included, and takes the stock once', async () => {
    const { item } = await sellerWithItem(t, { quantity: 2 });
    const buyer = await t.user();
    const headers = { 'idempotency-key': 'flash-1' };
    const [a, b] = await Promise.all([placeOrder(t, buyer.token, item.id, {}, headers), placeOrder(t, buyer.token, item.id, {}, headers)]);
    expect(a.status).toBe(201);
    expect(b.json).toEqual(a.json);
    expect((await t.req('GET', `/items/${item.id}`)).json.available).toBe(1);
  });
});
