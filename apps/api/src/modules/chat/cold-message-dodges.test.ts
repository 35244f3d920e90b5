// Issue 9, hole 2: citing an item must not dodge the cold-message limit. Only an item the peer
// has on sale opens a conversation; its item is always one of the pair's; chat offers only for
// the peer's item.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { sellerWithItem } from '../orders/fixtures.ts';
import { COLD_MESSAGES } from './service.ts';

const t = await createTestApp();
const send = (token: string, id: string, body: unknown) => t.req('POST', `/conversations/${id}/messages`, { token, body });
const open = (token: string, peerId: string, itemId?: string) => t.req('POST', '/conversations', { token, body: { peerId, itemId } });

/** Sends COLD_MESSAGES, then expects the next one refused. */
async function expectStillLimited(token: string, conversationId: string, body: unknown = { text: '在吗？看看我的东西' }) {
  for (let i = 0; i < COLD_MESSAGES; i++) expect((await send(token, conversationId, { text: `你好 ${i}` })).status).toBe(201);
  expectProblem(await send(token, conversationId, body), 403, 'cold_message_limit');
}

describe('the cold-message limit cannot be dodged by citing an item', () => {
  it('a stranger citing their own item on sale is still limited', async () => {
    const { seller: stranger, item } = await sellerWithItem(t);
    const target = await t.user();
    const conv = await open(stranger.token, target.id, item.id);
    expect(conv.status).toBe(201);
    expect(conv.json.item).toMatchObject({ id: item.id });
    await expectStillLimited(stranger.token, conv.json.id);
    // Nor does sending a card of that item open it.
    expectProblem(await send(stranger.token, conv.json.id, { itemId: item.id }), 403, 'cold_message_limit');
  });

  it("a third member's item can be neither the conversation's subject nor a card that opens it", async () => {
    const { item: thirds } = await sellerWithItem(t);
    const stranger = await t.user();
    const target = await t.user();
    const refused = await open(stranger.token, target.id, thirds.id);
    expectProblem(refused, 422, 'item_not_in_conversation');
    expect(refused.json.errors).toEqual([{ path: 'itemId', message: expect.any(String) }]);
    const conv = (await open(stranger.token, target.id)).json;
    expect(conv.item).toBeNull();
    // An existing conversation cannot be re-pointed at it either.
    expectProblem(await open(stranger.token, target.id, thirds.id), 422, 'item_not_in_conversation');
    expect((await t.req('GET', `/conversations/${conv.id}`, { token: stranger.token })).json.item).toBeNull();
    await expectStillLimited(stranger.token, conv.id, { itemId: thirds.id });
  });

  it("a withdrawn item of the peer's does not open it", async () => {
    const { seller, item } = await sellerWithItem(t);
    const stranger = await t.user();
    const conv = (await open(stranger.token, seller.id, item.id)).json;
    expect((await t.req('POST', `/items/${item.id}/withdraw`, { token: seller.token })).status).toBe(200);
    await expectStillLimited(stranger.token, conv.id);
  });

  it("the peer's item on sale opens it, from the conversation or from a card", async () => {
    const { seller, item } = await sellerWithItem(t);
    const buyer = await t.user();
    const conv = (await open(buyer.token, seller.id, item.id)).json;
    for (let i = 0; i <= COLD_MESSAGES + 2; i++) expect((await send(buyer.token, conv.id, { text: `还在吗 ${i}` })).status).toBe(201);
    const { seller: other, item: otherItem } = await sellerWithItem(t);
    const plain = (await open(buyer.token, other.id)).json;
    for (let i = 0; i <= COLD_MESSAGES + 2; i++) expect((await send(buyer.token, plain.id, { itemId: otherItem.id })).status).toBe(201);
  });
});

describe('chat offers', () => {
  it("are only for the peer's item: a third member's is 422, one's own 403", async () => {
    const { seller, item } = await sellerWithItem(t, { price: 5000 });
    const { item: thirds } = await sellerWithItem(t, { price: 5000 });
    const buyer = await t.user();
    const conv = (await open(buyer.token, seller.id, item.id)).json;
    const third = await send(buyer.token, conv.id, { offer: { price: 4000, itemId: thirds.id } });
    expectProblem(third, 422, 'item_not_in_conversation');
    expect(third.json.errors).toEqual([{ path: 'offer.itemId', message: expect.any(String) }]);
    expect(await t.db.selectFrom('offers').select('id').where('itemId', '=', thirds.id).execute()).toEqual([]);
    expectProblem(await send(seller.token, conv.id, { offer: { price: 4000 } }), 403, 'own_item');
    const ok = await send(buyer.token, conv.id, { offer: { price: 4000 } });
    expect(ok.json).toMatchObject({ kind: 'offer', offer: { status: 'pending', price: 4000 } });
  });
});
