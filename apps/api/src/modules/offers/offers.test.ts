import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { placeOrder, sellerWithItem } from '../orders/fixtures.ts';

const t = await createTestApp();

describe('offers (议价)', () => {
  it('seller accepts; the buyer orders at the agreed price within 24 hours, once', async () => {
    const { seller, item } = await sellerWithItem(t, { price: 10_000, quantity: 3 });
    const buyer = await t.user();
    const o = await t.req('POST', `/items/${item.id}/offers`, { token: buyer.token, body: { price: 8000 } });
    expect(o.status).toBe(201);
    expect(o.json).toMatchObject({ status: 'pending', price: 8000, role: 'buyer' });
    expectProblem(await t.req('POST', `/offers/${o.json.id}/accept`, { token: buyer.token }), 403, 'not_your_turn');
    const accepted = await t.req('POST', `/offers/${o.json.id}/accept`, { token: seller.token });
    expect(accepted.json).toMatchObject({ status: 'accepted', agreedPrice: 8000 });
    const other = await t.user();
    expectProblem(await placeOrder(t, other.token, item.id, { offerId: o.json.id }), 404, 'not_found');
    const order = await placeOrder(t, buyer.token, item.id, { offerId: o.json.id });
    expect(order.json).toMatchObject({ unitPrice: 8000, itemTotal: 8000, total: 8600, offerId: o.json.id });
    expectProblem(await placeOrder(t, buyer.token, item.id, { offerId: o.json.id }), 409, 'offer_not_accepted');
  });

  it('counter-offers go back and forth by turns', async () => {
    const { seller, item } = await sellerWithItem(t, { price: 5000 });
    const buyer = await t.user();
    const o = await t.req('POST', `/items/${item.id}/offers`, { token: buyer.token, body: { price: 3000 } });
    expectProblem(await t.req('POST', `/offers/${o.json.id}/counter`, { token: seller.token, body: { price: 2999 } }), 422, 'invalid_counter');
    expectProblem(await t.req('POST', `/offers/${o.json.id}/counter`, { token: seller.token, body: { price: 5001 } }), 422, 'invalid_counter');
    const countered = await t.req('POST', `/offers/${o.json.id}/counter`, { token: seller.token, body: { price: 4200 } });
    expect(countered.json).toMatchObject({ status: 'countered', counterPrice: 4200 });
    expectProblem(await t.req('POST', `/offers/${o.json.id}/accept`, { token: seller.token }), 403, 'not_your_turn');
    const accepted = await t.req('POST', `/offers/${o.json.id}/accept`, { token: buyer.token });
    expect(accepted.json).toMatchObject({ status: 'accepted', agreedPrice: 4200 });
  });

  it('the floor price declines lowballs at once without revealing itself', async () => {
    const { seller, item } = await sellerWithItem(t, { price: 5000 });
    const buyer = await t.user();
    expectProblem(await t.req('PUT', `/items/${item.id}/floor-price`, { token: buyer.token, body: { floorPrice: 1 } }), 403, 'not_item_owner');
    expectProblem(await t.req('PUT', `/items/${item.id}/floor-price`, { token: seller.token, body: { floorPrice: 6000 } }), 422, 'floor_above_price');
    expect((await t.req('PUT', `/items/${item.id}/floor-price`, { token: seller.token, body: { floorPrice: 4000 } })).status).toBe(200);
    expectProblem(await t.req('GET', `/items/${item.id}/floor-price`, { token: buyer.token }), 404, 'not_found');
    const item2 = await t.req('GET', `/items/${item.id}`);
    // No member names the floor, and no number anywhere equals it (ids may contain "4000").
    const leaks: string[] = [];
    JSON.stringify(item2.json, (k, v) => {
      if (/floor/i.test(k) || v === 4000) leaks.push(`${k}=${v}`);
      return v;
    });
    expect(leaks).toEqual([]);
    const low = await t.req('POST', `/items/${item.id}/offers`, { token: buyer.token, body: { price: 1000 } });
    expect(low.status).toBe(201);
    expect(low.json.status).toBe('declined');
    expect(low.json.declinedAutomatically).toBeUndefined();
    const sellerView = await t.req('GET', `/offers/${low.json.id}`, { token: seller.token });
    expect(sellerView.json.declinedAutomatically).toBe(true);
    const ok = await t.req('POST', `/items/${item.id}/offers`, { token: buyer.token, body: { price: 4500 } });
    expect(ok.json.status).toBe('pending');
    // Cutting the price below the floor would decline every offer silently: refused.
    expectProblem(await t.req('PATCH', `/items/${item.id}`, { token: seller.token, body: { price: 3500 } }), 422, 'price_below_floor');
  });

  it('limits offers: one open at a time, three a day, and never at or above the price', async () => {
    const { seller, item } = await sellerWithItem(t, { price: 5000 });
    const buyer = await t.user();
    expectProblem(await t.req('POST', `/items/${item.id}/offers`, { token: buyer.token, body: { price: 5000 } }), 422, 'offer_not_lower');
    expectProblem(await t.req('POST', `/items/${item.id}/offers`, { token: seller.token, body: { price: 100 } }), 403, 'own_item');
    const a = await t.req('POST', `/items/${item.id}/offers`, { token: buyer.token, body: { price: 1000 } });
    expectProblem(await t.req('POST', `/items/${item.id}/offers`, { token: buyer.token, body: { price: 1100 } }), 409, 'offer_pending');
    await t.req('POST', `/offers/${a.json.id}/decline`, { token: seller.token });
    const b = await t.req('POST', `/items/${item.id}/offers`, { token: buyer.token, body: { price: 1200 } });
    await t.req('POST', `/offers/${b.json.id}/withdraw`, { token: buyer.token });
    const c = await t.req('POST', `/items/${item.id}/offers`, { token: buyer.token, body: { price: 1300 } });
    await t.req('POST', `/offers/${c.json.id}/decline`, { token: seller.token });
    const limited = await t.req('POST', `/items/${item.id}/offers`, { token: buyer.token, body: { price: 1400 } });
    expectProblem(limited, 429, 'too_many_offers');
    t.clock.advance(86_400_000 + 1000);
    expect((await t.req('POST', `/items/${item.id}/offers`, { token: buyer.token, body: { price: 1400 } })).status).toBe(201);
    t.clock.advance(-86_400_000 - 1000);
  });

  it('an accepted offer lapses after 24 hours', async () => {
    const { seller, item } = await sellerWithItem(t, { price: 5000 });
    const buyer = await t.user();
    const o = await t.req('POST', `/items/${item.id}/offers`, { token: buyer.token, body: { price: 4000 } });
    await t.req('POST', `/offers/${o.json.id}/accept`, { token: seller.token });
    t.clock.advance(25 * 3600_000);
    expect((await t.req('GET', `/offers/${o.json.id}`, { token: buyer.token })).json.status).toBe('expired');
    expectProblem(await placeOrder(t, buyer.token, item.id, { offerId: o.json.id }), 409, 'offer_expired');
    t.clock.advance(-25 * 3600_000);
  });

  it('lists offers for each side and hides them from strangers', async () => {
    const { seller, item } = await sellerWithItem(t, { price: 5000 });
    const buyer = await t.user();
    const o = await t.req('POST', `/items/${item.id}/offers`, { token: buyer.token, body: { price: 4000 } });
    const mine = await t.req('GET', '/offers?role=seller', { token: seller.token });
    expect(mine.json.items.map((x: { id: string }) => x.id)).toEqual([o.json.id]);
    expect(mine.json.items[0].item.title).toBe('九成新布艺沙发');
    expectProblem(await t.req('GET', `/offers/${o.json.id}`, { token: (await t.user()).token }), 404, 'not_found');
  });
});
