// Issue 15 item 3: an offer made anywhere posts its card in the pair's conversation; the card
// follows the offer's state; the badge counts the decisions waiting; a received offer names its buyer.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { sellerWithItem } from '../orders/fixtures.ts';

const t = await createTestApp();

type Msg = { id: string; kind: string; senderId: string | null; actorId: string | null; offer?: { id: string; status: string; role: string } };
const inbox = async (token: string) => (await t.req('GET', '/conversations', { token })).json;
const messages = async (token: string, id: string) => (await t.req('GET', `/conversations/${id}/messages`, { token })).json.items as Msg[];
const summary = async (token: string) => (await t.req('GET', '/offers/summary', { token })).json;

describe('offer cards (issue 15)', () => {
  it('an offer on the item page opens the conversation and posts its card there, unread for the seller only', async () => {
    const { seller, item } = await sellerWithItem(t, { price: 5000 });
    const buyer = await t.user();
    const o = await t.req('POST', `/items/${item.id}/offers`, { token: buyer.token, body: { price: 4000 } });
    expect(o.status).toBe(201);
    const sellerInbox = await inbox(seller.token);
    expect(sellerInbox.items).toHaveLength(1);
    const conv = sellerInbox.items[0];
    expect(conv).toMatchObject({ peer: { id: buyer.id }, unreadCount: 1, item: { id: item.id } });
    expect(conv.lastMessage).toMatchObject({ kind: 'offer', senderId: buyer.id, actorId: buyer.id, offer: { id: o.json.id, status: 'pending', role: 'seller' } });
    const buyerInbox = await inbox(buyer.token);
    expect(buyerInbox.items[0]).toMatchObject({ id: conv.id, unreadCount: 0 });
    expect(buyerInbox.unreadTotal).toBe(0);
    // The seller has a decision to make; the buyer has none.
    expect(await summary(seller.token)).toEqual({ awaitingMe: 1, received: 1, countered: 0 });
    expect(await summary(buyer.token)).toEqual({ awaitingMe: 0, received: 0, countered: 0 });

    // A counter: the same card now reads countered, and it is the buyer's turn.
    await t.req('POST', `/offers/${o.json.id}/counter`, { token: seller.token, body: { price: 4500 } });
    const [card] = (await messages(buyer.token, conv.id)).filter((m) => m.kind === 'offer');
    expect(card?.offer).toMatchObject({ id: o.json.id, status: 'countered', role: 'buyer' });
    expect(await summary(seller.token)).toMatchObject({ awaitingMe: 0 });
    expect(await summary(buyer.token)).toEqual({ awaitingMe: 1, received: 0, countered: 1 });
    await t.req('POST', `/offers/${o.json.id}/accept`, { token: buyer.token });
    const after = (await messages(seller.token, conv.id)).filter((m) => m.kind === 'offer');
    expect(after).toHaveLength(1); // one card, updated in place
    expect(after[0]?.offer).toMatchObject({ status: 'accepted' });
    expect(await summary(buyer.token)).toMatchObject({ awaitingMe: 0 });

    // The 24-hour lapse shows on the card too.
    t.clock.advance(25 * 3600_000);
    const lapsed = (await messages(buyer.token, conv.id)).find((m) => m.kind === 'offer');
    expect(lapsed?.offer?.status).toBe('expired');
    t.clock.advance(-25 * 3600_000);
  });

  it('an offer made in the chat posts one card, not two; the existing conversation is used', async () => {
    const { seller, item } = await sellerWithItem(t, { price: 5000 });
    const buyer = await t.user();
    const conv = (await t.req('POST', '/conversations', { token: buyer.token, body: { peerId: seller.id, itemId: item.id } })).json;
    const sent = await t.req('POST', `/conversations/${conv.id}/messages`, { token: buyer.token, body: { offer: { price: 3000 } } });
    expect(sent.status).toBe(201);
    expect(sent.json).toMatchObject({ kind: 'offer', offer: { status: 'pending' } });
    const cards = (await messages(seller.token, conv.id)).filter((m) => m.kind === 'offer');
    expect(cards.map((m) => m.id)).toEqual([sent.json.id]);
    expect((await inbox(seller.token)).items).toHaveLength(1);
  });

  it('received offers name their buyer; the seller sees them, strangers do not', async () => {
    const { seller, item } = await sellerWithItem(t, { price: 5000 });
    const buyer = await t.user({ prefix: 'buyer' });
    const o = await t.req('POST', `/items/${item.id}/offers`, { token: buyer.token, body: { price: 4200 } });
    const received = await t.req('GET', '/offers?role=seller', { token: seller.token });
    expect(received.json.items[0]).toMatchObject({
      id: o.json.id, yourTurn: true, buyer: { id: buyer.id, displayName: buyer.username, avatarUrl: null },
    });
    expect((await t.req('GET', `/offers/${o.json.id}`, { token: buyer.token })).json).toMatchObject({ yourTurn: false, buyer: { id: buyer.id } });
    expectProblem(await t.req('GET', '/offers/summary'), 401, 'unauthenticated');
  });

  it('a lowball the floor declines from the item page posts no card; blocks stop an offer as they stop a message', async () => {
    const { seller, item } = await sellerWithItem(t, { price: 5000 });
    await t.req('PUT', `/items/${item.id}/floor-price`, { token: seller.token, body: { floorPrice: 4000 } });
    const buyer = await t.user();
    const low = await t.req('POST', `/items/${item.id}/offers`, { token: buyer.token, body: { price: 1000 } });
    expect(low.json.status).toBe('declined');
    expect((await inbox(seller.token)).items).toEqual([]);
    expect(await summary(seller.token)).toMatchObject({ awaitingMe: 0 });

    const pest = await t.user();
    expect((await t.req('PUT', `/users/${pest.id}/block`, { token: seller.token })).status).toBe(204);
    expectProblem(await t.req('POST', `/items/${item.id}/offers`, { token: pest.token, body: { price: 4500 } }), 403, 'blocked');
    expect((await inbox(seller.token)).items).toEqual([]);
    expect((await t.req('GET', '/offers?role=seller', { token: seller.token })).json.items.map((x: { buyerId: string }) => x.buyerId)).not.toContain(pest.id);
  });
});
