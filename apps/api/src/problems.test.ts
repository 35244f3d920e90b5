// Issue 9, hole 4: a problem's `status` member is always the HTTP status. A sample of problems
// from across the API — including the 409s that carry a resource's own state — is checked.
import { describe, expect, it } from 'vitest';
import { createTestApp, type Res } from '../test/helpers.ts';
import { placeOrder, sellerWithItem } from './modules/orders/fixtures.ts';
import { AppError, toProblem } from './lib/errors.ts';

const t = await createTestApp();

function expectHonestProblem(r: Res) {
  expect(r.status).toBeGreaterThanOrEqual(400);
  expect(r.headers.get('content-type')).toContain('application/problem+json');
  expect({ status: r.json.status, code: r.json.code }).toEqual({ status: r.status, code: expect.any(String) });
}

describe('problem+json status', () => {
  it('an extra member cannot overwrite type, title, status, detail or code', () => {
    const err = new AppError(409, 'invalid_state', 'real detail', { status: 'paid', type: 'x', title: 'y', detail: 'z', code: 'w', orderStatus: 'paid' });
    expect(toProblem(err)).toMatchObject({
      type: 'https://jishi.dev/problems/invalid-state', title: 'Conflict', status: 409, detail: 'real detail', code: 'invalid_state', orderStatus: 'paid',
    });
  });

  it('equals the HTTP status on every problem of a sample, with order and offer state in their own members', async () => {
    const { seller, item } = await sellerWithItem(t, { price: 5000, quantity: 2 });
    const buyer = await t.user();
    const order = (await placeOrder(t, buyer.token, item.id)).json;
    expect((await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token })).status).toBe(200);
    const payAgain = await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token });
    expect(payAgain.status).toBe(409);
    expect(payAgain.json).toMatchObject({ code: 'invalid_state', orderStatus: 'paid' });
    const cancelShipped = await (async () => {
      await t.req('POST', `/orders/${order.id}/ship`, { token: seller.token, body: { carrier: 'SF', trackingNumber: 'SF0001' } });
      return t.req('POST', `/orders/${order.id}/cancel`, { token: buyer.token, body: {} });
    })();
    expect(cancelShipped.json).toMatchObject({ code: 'invalid_state', orderStatus: 'shipped' });
    const deliverShipped = await t.req('POST', `/orders/${order.id}/deliver`, { token: seller.token });
    const offer = (await t.req('POST', `/items/${item.id}/offers`, { token: buyer.token, body: { price: 4000 } })).json;
    await t.req('POST', `/offers/${offer.id}/decline`, { token: seller.token });
    const acceptDeclined = await t.req('POST', `/offers/${offer.id}/accept`, { token: seller.token });
    expect(acceptDeclined.json).toMatchObject({ code: 'invalid_state', offerStatus: 'declined' });
    const withdrawDeclined = await t.req('POST', `/offers/${offer.id}/withdraw`, { token: buyer.token });
    expect(withdrawDeclined.json).toMatchObject({ code: 'invalid_state', offerStatus: 'declined' });

    const sample: Res[] = [
      payAgain,
      cancelShipped,
      deliverShipped,
      acceptDeclined,
      withdrawDeclined,
      await t.req('GET', '/orders/0000000000000000', { token: buyer.token }),
      await t.req('GET', '/me'),
      await t.req('POST', '/auth/register', { body: { username: 'x', password: 'short' } }),
      await t.req('POST', '/auth/login', { body: { username: 'nobody_here', password: 'wrong-password' } }),
      await t.req('POST', '/me/verification', { token: buyer.token, body: { realName: '王五', idNumber: '12345' } }),
      await t.req('POST', `/items/${item.id}/offers`, { token: seller.token, body: { price: 1 } }),
      await t.req('POST', '/items', { token: buyer.token, body: { title: 'x', price: 1, delivery: ['pickup'] } }),
      await t.req('POST', '/auth/register', { raw: '{"username":', headers: { 'content-type': 'application/json' } }),
      await t.req('GET', '/no-such-path'),
    ];
    for (const r of sample) expectHonestProblem(r);
    expect(new Set(sample.map((r) => r.status))).toEqual(new Set([400, 401, 403, 404, 409, 422]));
  });
});
