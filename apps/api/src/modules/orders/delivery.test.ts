// Issue 15 item 5: an online order delivers something. The seller attaches it when delivering;
// the buyer and the seller see it in the order, nobody else anywhere; photos stay private media.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { upload } from '../notes/fixtures.ts';
import { placeOrder, sellerWithItem } from './fixtures.ts';

const t = await createTestApp();

const mediaStatus = async (url: string, token?: string) =>
  (await t.app.request(url, { headers: token ? { authorization: `Bearer ${token}` } : {} })).status;

async function paidOnlineOrder() {
  const { seller, item } = await sellerWithItem(t, { price: 2000, delivery: ['online'], shippingFee: undefined, title: '约稿 头像一张' });
  const buyer = await t.user({ prefix: 'b' });
  const order = (await placeOrder(t, buyer.token, item.id, { delivery: 'online', address: undefined })).json;
  return { seller, buyer, item, order };
}

describe('online delivery content', () => {
  it('the seller delivers a message, a code, a link and a photo; only the two parties see them, only once paid', async () => {
    const { seller, buyer, item, order } = await paidOnlineOrder();
    const photo = (await upload(t, seller.token)) as unknown as { id: string };
    const body = { message: '原图已画好，请查收', code: 'JISHI-2026-ABCD', link: 'https://pan.example.com/s/abc', mediaIds: [photo.id] };
    // Not before payment.
    expectProblem(await t.req('POST', `/orders/${order.id}/deliver`, { token: seller.token, body }), 409, 'invalid_state');
    await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token });
    await t.gateway.settled();
    expect((await t.req('GET', `/orders/${order.id}`, { token: buyer.token })).json.deliveryContent).toBeNull();
    // Only the seller delivers.
    expectProblem(await t.req('POST', `/orders/${order.id}/deliver`, { token: buyer.token, body }), 403, 'not_allowed');
    const delivered = await t.req('POST', `/orders/${order.id}/deliver`, { token: seller.token, body });
    expect(delivered.status).toBe(200);
    expect(delivered.json).toMatchObject({ status: 'delivered', deliveryContent: { message: body.message, code: body.code, link: body.link } });
    const photoUrl = delivered.json.deliveryContent.photos[0].urls.detail as string;
    expect(photoUrl).toBe(`/media/${photo.id}/detail.webp`);

    const forBuyer = await t.req('GET', `/orders/${order.id}`, { token: buyer.token });
    expect(forBuyer.json.deliveryContent).toEqual(delivered.json.deliveryContent);
    expect((await t.req('GET', `/orders/${order.id}`, { token: seller.token })).json.deliveryContent.code).toBe(body.code);
    // The buyer may fetch the photo; a stranger and a visitor get the 404 of a photo that does not exist.
    const stranger = await t.user();
    expect(await mediaStatus(photoUrl, buyer.token)).toBe(200);
    expect(await mediaStatus(photoUrl, seller.token)).toBe(200);
    expect(await mediaStatus(photoUrl, stranger.token)).toBe(404);
    expect(await mediaStatus(photoUrl)).toBe(404);
    expectProblem(await t.req('GET', `/orders/${order.id}`, { token: stranger.token }), 404, 'not_found');

    // Nowhere public: the item, the seller's profile, search, the buyer's list of someone else's orders.
    const everywhere = [
      await t.req('GET', `/items/${item.id}`),
      await t.req('GET', `/users/${seller.id}`),
      await t.req('GET', `/search?type=items&q=${encodeURIComponent('约稿')}`),
      await t.req('GET', '/orders?role=buyer', { token: stranger.token }),
      await t.req('GET', `/items/${item.id}`, { token: stranger.token }),
    ].map((r) => r.text);
    for (const text of everywhere) {
      expect(text).not.toContain(body.code);
      expect(text).not.toContain(photo.id);
    }
    // The chat card says delivered, not what.
    const conv = (await t.req('GET', '/conversations', { token: buyer.token })).json.items[0];
    const msgs = conv ? (await t.req('GET', `/conversations/${conv.id}/messages`, { token: buyer.token })).text : '';
    expect(msgs).not.toContain(body.code);
  });

  it('refuses photos that are not the seller\'s, links that are not http(s), and shipping orders; a plain deliver still works', async () => {
    const { seller, buyer, order } = await paidOnlineOrder();
    await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token });
    await t.gateway.settled();
    const theirs = (await upload(t, buyer.token)) as unknown as { id: string };
    expectProblem(await t.req('POST', `/orders/${order.id}/deliver`, { token: seller.token, body: { mediaIds: [theirs.id] } }), 422, 'invalid_media');
    expectProblem(await t.req('POST', `/orders/${order.id}/deliver`, { token: seller.token, body: { link: 'javascript:alert(1)' } }), 400, 'validation_failed');
    expectProblem(await t.req('POST', `/orders/${order.id}/deliver`, { token: seller.token, body: { message: 'x'.repeat(2001) } }), 400, 'validation_failed');
    // Nothing half-written: the refused delivery left the order paid and empty.
    const still = (await t.req('GET', `/orders/${order.id}`, { token: buyer.token })).json;
    expect(still).toMatchObject({ status: 'paid', deliveryContent: null });
    // API.md's deliver without a body still delivers (no content).
    const plain = await t.req('POST', `/orders/${order.id}/deliver`, { token: seller.token });
    expect(plain.json).toMatchObject({ status: 'delivered', deliveryContent: null });

    const { seller: s2, item: shipItem } = await sellerWithItem(t, { price: 1000 });
    const b2 = await t.user();
    const ship = (await placeOrder(t, b2.token, shipItem.id)).json;
    await t.req('POST', `/orders/${ship.id}/pay`, { token: b2.token });
    await t.gateway.settled();
    expectProblem(await t.req('POST', `/orders/${ship.id}/deliver`, { token: s2.token, body: { code: 'x' } }), 409, 'invalid_state');
  });

  it('an Idempotency-Key replays the delivery with its content', async () => {
    const { seller, buyer, order } = await paidOnlineOrder();
    await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token });
    await t.gateway.settled();
    const headers = { 'idempotency-key': `deliver-${order.id}` };
    const first = await t.req('POST', `/orders/${order.id}/deliver`, { token: seller.token, headers, body: { code: 'CODE-1' } });
    const again = await t.req('POST', `/orders/${order.id}/deliver`, { token: seller.token, headers, body: { code: 'CODE-1' } });
    expect(first.json.deliveryContent.code).toBe('CODE-1');
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expectProblem(await t.req('POST', `/orders/${order.id}/deliver`, { token: seller.token, headers, body: { code: 'CODE-2' } }), 422, 'idempotency_key_reused');
  });
});
