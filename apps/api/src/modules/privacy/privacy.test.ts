// Personal data through HTTP: the export holds the member's notes, items, orders, messages,
// reviews and ledger entries and no secret; deletion refuses while anything is open, then
// anonymises the member and keeps the trade for the counterparty with the ledger intact.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, validIdNumber } from '../../../test/helpers.ts';
import { hashToken } from '../accounts/sessions.ts';
import { verifyLedger } from '../ledger/verify.ts';
import { comment, note, pngBytes, upload } from '../notes/fixtures.ts';
import { placeOrder, sellerWithItem, wallet } from '../orders/fixtures.ts';

const t = await createTestApp();
const PASSWORD = 'correct-horse-9'; // the factory's

/** A seller who sold one item (reviewed both ways, proceeds withdrawn), chatted, wrote and commented. */
async function activeMember() {
  // Verified here, not by the factory, so the test knows the ID number to use again.
  const s = await t.user({ prefix: 's' });
  const idNumber = validIdNumber(1990);
  expect((await t.req('POST', '/me/verification', { token: s.token, body: { realName: '张三', idNumber } })).status).toBe(200);
  const item = (await t.req('POST', '/items', { token: s.token, body: { title: '宜家书架转让', price: 3000, delivery: ['shipping'], shippingFee: 600 } })).json;
  const buyer = await t.user({ verified: true, prefix: 'b' });
  const o = await placeOrder(t, buyer.token, item.id);
  expect((await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token })).status).toBe(200);
  await t.gateway.settled();
  expect((await t.req('POST', `/orders/${o.json.id}/ship`, { token: s.token, body: { carrier: 'SF', trackingNumber: 'SF123456789' } })).status).toBe(200);
  expect((await t.req('POST', `/orders/${o.json.id}/confirm`, { token: buyer.token })).status).toBe(200);
  expect((await t.req('POST', `/orders/${o.json.id}/review`, { token: buyer.token, body: { rating: 5, text: '书架很好，卖家爽快' } })).status).toBe(201);
  expect((await t.req('POST', `/orders/${o.json.id}/review`, { token: s.token, body: { rating: 5, text: '买家准时付款' } })).status).toBe(201);
  const { available } = await wallet(t, s.token);
  expect((await t.req('POST', '/wallet/withdrawals', { token: s.token, body: { amount: available } })).status).toBe(201);

  const pic = await upload(t, s.token, await pngBytes(60, 80));
  const mine = await note(t, s.token, { title: '搬家清仓：书架和台灯', imageIds: [pic.id] });
  const theirs = await note(t, buyer.token, { title: '求购二手自行车' });
  const said = await comment(t, s.token, theirs.id, { body: '我有一辆，私信' });
  await t.req('PUT', `/notes/${theirs.id}/like`, { token: s.token });
  const conv = await t.req('POST', '/conversations', { token: s.token, body: { peerId: buyer.id } });
  await t.req('POST', `/conversations/${conv.json.id}/messages`, { token: s.token, body: { text: '书架已经发出了' } });
  await t.req('POST', `/conversations/${conv.json.id}/messages`, { token: buyer.token, body: { text: '收到啦，谢谢' } });
  const lamp = (await t.req('POST', '/items', { token: s.token, body: { title: '台灯', price: 2000, quantity: 2, delivery: ['pickup'] } })).json;
  return { s, buyer, orderId: o.json.id as string, idNumber, pic, mine, theirs, said, conv: conv.json.id as string, lamp };
}

describe('GET /me/export', () => {
  it('is one JSON download with the member’s notes, items, orders, messages, reviews and ledger entries, and no secret', async () => {
    const m = await activeMember();
    const r = await t.req('GET', '/me/export', { token: m.s.token });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/json');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="jishi-export-.+\.json"$/);
    const x = r.json;
    expect(x).toMatchObject({ format: 'jishi-export/1', memberId: m.s.id, profile: { id: m.s.id, username: m.s.username } });
    expect(x.profile.verification.idNumber).toMatch(/^\d{4}\*+\d{3}[\dX]$/);
    expect(x.notes.map((n: { title: string }) => n.title)).toEqual(['搬家清仓：书架和台灯']);
    expect(x.notes[0].photos[0].id).toBe(m.pic.id);
    expect(x.comments.map((c: { body: string }) => c.body)).toEqual(['我有一辆，私信']);
    expect(x.likes.map((l: { noteId: string }) => l.noteId)).toEqual([m.theirs.id]);
    expect(x.items.map((i: { title: string }) => i.title).sort()).toEqual(['台灯', '宜家书架转让']);
    expect(x.orders).toHaveLength(1);
    expect(x.orders[0]).toMatchObject({ id: m.orderId, role: 'seller', status: 'completed' });
    expect(x.orders[0].events.map((e: { type: string }) => e.type)).toContain('completed');
    expect(x.messages.map((e: { from: string; text: string }) => [e.from, e.text])).toEqual(
      expect.arrayContaining([['me', '书架已经发出了'], ['peer', '收到啦，谢谢']]),
    );
    expect(x.conversations.map((c: { id: string }) => c.id)).toEqual([m.conv]);
    expect(x.reviewsGiven.map((v: { text: string }) => v.text)).toEqual(['买家准时付款']);
    expect(x.reviewsReceived.map((v: { text: string }) => v.text)).toEqual(['书架很好，卖家爽快']);
    expect(x.ledgerEntries.map((e: { kind: string }) => e.kind).sort()).toEqual(['settlement', 'withdrawal']);
    expect(x.withdrawals).toHaveLength(1);
    // The payout account (the test helper's sandbox card) masked, and the withdrawal names it.
    expect(x.payoutMethods).toMatchObject([{ kind: 'bank_card', bank: 'CMB', masked: '••••0128' }]);
    expect(x.withdrawals[0].payoutTo).toMatchObject({ masked: '••••0128' });
    const method = await t.db.selectFrom('payoutMethods').selectAll().where('userId', '=', m.s.id).executeTakeFirstOrThrow();
    expect(r.text).not.toContain(method.accountEnc);
    expect(r.text).not.toContain(method.accountHash);
    expect(r.text).not.toContain('6222021234567890128');
    expect(x.wallet).toMatchObject({ balance: 0 });
    expect(x.profile.sessions.length).toBeGreaterThan(0);

    // No secret, under any name.
    const row = await t.db.selectFrom('users').selectAll().where('id', '=', m.s.id).executeTakeFirstOrThrow();
    for (const secret of [row.passwordHash, row.idNumberEnc, row.idNumberHash, row.realNameEnc, hashToken(m.s.token), m.s.token]) {
      expect(secret).toBeTruthy();
      expect(r.text).not.toContain(secret as string);
    }
    expect(r.text).not.toMatch(/passwordHash|tokenHash|idNumberEnc|idNumberHash|realNameEnc|\$argon2/);
  });

  it('needs a member', async () => {
    expectProblem(await t.req('GET', '/me/export'), 401, 'unauthenticated');
  });
});

describe('DELETE /me', () => {
  it('refuses a wrong password with 403 wrong_password and changes nothing', async () => {
    const u = await t.user();
    expectProblem(await t.req('DELETE', '/me', { token: u.token, body: { password: 'not-the-password' } }), 403, 'wrong_password');
    expect((await t.req('GET', '/me', { token: u.token })).json.username).toBe(u.username);
    expectProblem(await t.req('DELETE', '/me', { token: u.token, body: {} }), 400, 'validation_failed');
  });

  it('refuses with 409 while an order is open, and names every blocker; nothing is cancelled', async () => {
    const { seller, item } = await sellerWithItem(t);
    const buyer = await t.user({ prefix: 'b' });
    const o = await placeOrder(t, buyer.token, item.id);
    expect((await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token })).status).toBe(200);
    await t.gateway.settled();
    const unpaid = (await sellerWithItem(t)).item;
    const pending = await placeOrder(t, buyer.token, unpaid.id);
    for (const who of [seller, buyer]) {
      const r = await t.req('DELETE', '/me', { token: who.token, body: { password: PASSWORD } });
      expectProblem(r, 409, 'open_orders');
      expect(r.json.detail).toMatch(/complete or cancel them first/);
      expect(r.json.blockers).toEqual([{ kind: 'open_orders', orderIds: [o.json.id] }]);
    }
    // The unpaid order is cancelled only by a deletion that goes through.
    expect((await t.req('GET', `/orders/${pending.json.id}`, { token: buyer.token })).json.status).toBe('pending_payment');
    expect((await t.req('GET', '/me', { token: seller.token })).status).toBe(200);
  });

  it('refuses with 409 wallet_not_empty while the wallet holds money', async () => {
    const { seller, item } = await sellerWithItem(t);
    const buyer = await t.user({ prefix: 'b' });
    const o = await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined });
    expect((await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token })).status).toBe(200);
    await t.gateway.settled();
    const code = (await t.req('GET', `/orders/${o.json.id}`, { token: buyer.token })).json.pickupCode;
    expect((await t.req('POST', `/orders/${o.json.id}/handover`, { token: seller.token, body: { pickupCode: code } })).status).toBe(200);
    const r = await t.req('DELETE', '/me', { token: seller.token, body: { password: PASSWORD } });
    expectProblem(r, 409, 'wallet_not_empty');
    expect(r.json.detail).toMatch(/withdraw it first/);
    expect(r.json.blockers[0].balance).toBe((await wallet(t, seller.token)).available);
  });

  it('anonymises the member, ends sign-in, removes notes and photos, keeps the trade and the ledger', async () => {
    const m = await activeMember();
    // Another buyer's unpaid order and an open offer on the lamp: cancelled and withdrawn.
    const other = await t.user({ prefix: 'c' });
    const unpaid = await placeOrder(t, other.token, m.lamp.id, { delivery: 'pickup', address: undefined });
    expect(unpaid.status).toBe(201);
    const offer = await t.req('POST', `/items/${m.lamp.id}/offers`, { token: m.buyer.token, body: { price: 1500 } });
    expect(offer.status).toBe(201);
    expect((await t.req('PATCH', `/items/${m.lamp.id}`, { token: m.s.token, body: { hosting: true } })).json.hosting).toBe(true);
    const photoDir = join(t.config.dataDir, 'media', m.pic.id);
    expect(existsSync(photoDir)).toBe(true);

    const del = await t.req('DELETE', '/me', { token: m.s.token, body: { password: PASSWORD } });
    expect(del.status).toBe(204);

    // Sign-in is closed: the old token, the old name and password.
    expectProblem(await t.req('GET', '/me/export', { token: m.s.token }), 401, 'invalid_token');
    expectProblem(await t.req('POST', '/auth/login', { body: { username: m.s.username, password: PASSWORD } }), 401, 'invalid_credentials');
    expectProblem(await t.req('DELETE', '/me', { token: m.s.token, body: { password: PASSWORD } }), 401, 'invalid_token');

    // The counterparty's order page still works and shows the member as 已注销用户.
    const page = await t.req('GET', `/orders/${m.orderId}`, { token: m.buyer.token });
    expect(page.status).toBe(200);
    expect(page.json).toMatchObject({ status: 'completed', sellerId: m.s.id, role: 'buyer' });
    const party = await t.req('GET', `/users/${m.s.id}`);
    expect(party.status).toBe(200);
    expect(party.json).toMatchObject({ displayName: '已注销用户', bio: '', city: '', avatarUrl: null, verified: false, username: `deleted:${m.s.id}` });
    const thread = await t.req('GET', `/conversations/${m.conv}/messages`, { token: m.buyer.token });
    expect(thread.json.items.map((x: { text: string }) => x.text)).toContain('书架已经发出了');
    expect((await t.req('GET', `/users/${m.buyer.id}/reviews`)).json.items.map((v: { text: string }) => v.text)).toContain('买家准时付款');

    // Nothing personal is left on the row.
    const row = await t.db.selectFrom('users').selectAll().where('id', '=', m.s.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'deleted', passwordHash: '', realNameEnc: null, idNumberEnc: null, idNumberHash: null, idNumberMasked: null, verifiedAt: null, interestTags: [] });
    expect(await t.db.selectFrom('sessions').select('tokenHash').where('userId', '=', m.s.id).execute()).toEqual([]);
    // The payout account: the masked row stays for the withdrawal, the sealed number is gone.
    const payout = await t.db.selectFrom('payoutMethods').selectAll().where('userId', '=', m.s.id).executeTakeFirstOrThrow();
    expect(payout).toMatchObject({ accountEnc: '', masked: '••••0128' });
    expect(payout.accountHash).toBe(`deleted:${payout.id}`);
    expect(payout.deletedAt).not.toBeNull();

    // Notes, their photos (files too) and likes are gone; the comment elsewhere is erased in place.
    expectProblem(await t.req('GET', `/notes/${m.mine.id}`), 404, 'not_found');
    expect(existsSync(photoDir)).toBe(false);
    expect(await t.db.selectFrom('media').select('id').where('id', '=', m.pic.id).execute()).toEqual([]);
    const theirs = await t.db.selectFrom('notes').select(['likeCount', 'commentCount']).where('id', '=', m.theirs.id).executeTakeFirstOrThrow();
    expect(theirs).toEqual({ likeCount: 0, commentCount: 0 });
    const erased = await t.db.selectFrom('comments').select(['body', 'deletedAt']).where('id', '=', m.said.id).executeTakeFirstOrThrow();
    expect(erased.body).toBe('');
    expect(erased.deletedAt).not.toBeNull();

    // Items withdrawn, the open offer withdrawn, the unpaid order cancelled.
    const items = await t.db.selectFrom('items').select(['status', 'hosting']).where('sellerId', '=', m.s.id).execute();
    expect(items).toEqual([{ status: 'withdrawn', hosting: false }, { status: 'withdrawn', hosting: false }]);
    expect((await t.req('GET', `/offers/${offer.json.id}`, { token: m.buyer.token })).json.status).toBe('withdrawn');
    const cancelled = await t.req('GET', `/orders/${unpaid.json.id}`, { token: other.token });
    expect(cancelled.json).toMatchObject({ status: 'cancelled', cancelReason: 'account_deleted' });

    // The ledger still verifies.
    await t.gateway.settled();
    expect((await verifyLedger(t.db)).violations).toEqual([]);

    // The name and the ID number are free for a new account.
    const again = await t.req('POST', '/auth/register', { body: { username: m.s.username, password: 'a-new-password-1' } });
    expect(again.status).toBe(201);
    const v = await t.req('POST', '/me/verification', { token: again.json.token, body: { realName: '李四', idNumber: m.idNumber } });
    expect(v.status).toBe(200);
  });
});
