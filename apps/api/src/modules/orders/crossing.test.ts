// Two members who sell to each other: completing both orders at once must not deadlock. Each
// completion marks both parties' credit scores dirty (0015's trigger); marked buyer-then-seller,
// A→B's completion and B→A's took the two rows in opposite orders (found by the order fuzz,
// seed 133719068 run 3: a hand-over answered 500 while the other party confirmed).
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers.ts';
import { expectLedgerOk, placeOrder } from './fixtures.ts';

const t = await createTestApp();

async function shippedOrder(seller: { token: string }, buyer: { token: string }) {
  const item = await t.req('POST', '/items', {
    token: seller.token,
    body: { title: '九成新台灯', price: 2000, quantity: 1, delivery: ['shipping'], shippingFee: 0, category: 'furniture', condition: 'like_new' },
  });
  expect(item.status).toBe(201);
  const order = await placeOrder(t, buyer.token, item.json.id);
  expect(order.status).toBe(201);
  expect((await t.req('POST', `/orders/${order.json.id}/pay`, { token: buyer.token })).status).toBe(200);
  await t.gateway.settled();
  const ship = await t.req('POST', `/orders/${order.json.id}/ship`, { token: seller.token, body: { carrier: 'SF', trackingNumber: 'SF1234567890' } });
  expect(ship.status).toBe(200);
  return order.json.id as string;
}

describe('crossing orders', () => {
  it('A confirms what B sold while B confirms what A sold: both complete, every time', async () => {
    const a = await t.user({ verified: true, prefix: 'a' });
    const b = await t.user({ verified: true, prefix: 'b' });
    const aSells: string[] = [];
    const bSells: string[] = [];
    for (let i = 0; i < 10; i++) aSells.push(await shippedOrder(a, b));
    for (let i = 0; i < 10; i++) bSells.push(await shippedOrder(b, a));
    // All twenty at once, crossing: each completion marks both members' credit rows.
    const answers = await Promise.all(
      aSells.flatMap((id, i) => [
        t.req('POST', `/orders/${id}/confirm`, { token: b.token }),
        t.req('POST', `/orders/${bSells[i]}/confirm`, { token: a.token }),
      ]),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));
    await expectLedgerOk(t);
  }, 120_000);
});
