// Payout methods (issue 15, 2): added only after the sandbox provider verifies them, stored
// sealed and shown masked; a withdrawal goes to one (chosen or the default) and names it; a
// member with none is refused with a code that tells the way to add one.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { withTx } from '../../db/index.ts';
import { GATEWAY, memberAccount } from '../ledger/accounts.ts';
import { sandboxPayouts } from '../ledger/payouts.ts';
import { postTransaction } from '../ledger/post.ts';

const payouts = sandboxPayouts();
const t = await createTestApp({}, { providers: { payouts } });
const seen: unknown[] = [];
const t2 = await createTestApp({}, { providers: { payouts: sandboxPayouts({ decline: (p) => (seen.push(p.destination), null) }) } });

const CMB = { kind: 'bank_card', bank: 'CMB', account: '6225 8800 1234 5675', holderName: '王小明' };
const ALIPAY = { kind: 'alipay', account: 'alice.w@qq.com', holderName: '王小明' };

async function member(funds = 0) {
  const u = await t.user({ payoutMethod: false });
  if (funds) {
    await withTx(t.db, (tx) =>
      postTransaction(tx, { kind: 'adjustment', reference: `fund-${u.id}`, postings: [{ from: GATEWAY, to: memberAccount(u.id), amount: funds }] }),
    );
  }
  return u;
}
const add = (token: string, body: object) => t.req('POST', '/me/payout-methods', { token, body });
const list = async (token: string) => (await t.req('GET', '/me/payout-methods', { token })).json.items;

describe('payout methods', () => {
  it('adds a bank card and an Alipay account, lists them masked, newest first as the default', async () => {
    const u = await member();
    const card = await add(u.token, CMB);
    expect(card.status).toBe(201);
    expect(card.json).toMatchObject({ kind: 'bank_card', bank: 'CMB', masked: '••••5675', isDefault: true, lastUsedAt: null });
    const ali = await add(u.token, ALIPAY);
    expect(ali.status).toBe(201);
    expect(ali.json).toMatchObject({ kind: 'alipay', bank: null, masked: 'a***@qq.com', isDefault: true });
    const phone = await add(u.token, { kind: 'alipay', account: '13812345678', holderName: '王小明' });
    expect(phone.json.masked).toBe('138****5678');

    const items = await list(u.token);
    expect(items.map((m: { id: string }) => m.id)).toEqual([phone.json.id, ali.json.id, card.json.id]);
    expect(items.map((m: { isDefault: boolean }) => m.isDefault)).toEqual([true, false, false]);
    // Nothing of the number, the holder or the hash in what the API says.
    const text = JSON.stringify(items);
    for (const secret of ['6225880012345675', '6225 8800', 'alice.w', '王小明', 'accountEnc', 'accountHash']) expect(text).not.toContain(secret);
    // Only mine.
    const other = await member();
    expect(await list(other.token)).toEqual([]);
    expectProblem(await t.req('DELETE', `/me/payout-methods/${card.json.id}`, { token: other.token }), 404, 'not_found');
  });

  it('stores the account sealed: the table holds neither the number nor the holder in the clear', async () => {
    const u = await member();
    const r = await add(u.token, CMB);
    const row = await t.db.selectFrom('payoutMethods').selectAll().where('id', '=', r.json.id).executeTakeFirstOrThrow();
    const whole = JSON.stringify(row);
    expect(whole).not.toContain('6225880012345675');
    expect(whole).not.toContain('王小明');
    // The raw column, as PostgreSQL has it, too.
    const raw = await sql<{ t: string }>`SELECT row_to_json(p)::text AS t FROM payout_methods p WHERE id = ${r.json.id}`.execute(t.db);
    expect(raw.rows[0]?.t).not.toContain('6225880012345675');
    expect(row.accountEnc).toMatch(/^v1:/);
    expect(JSON.parse(t.deps.secrets.decrypt(row.accountEnc))).toEqual({ account: '6225880012345675', holderName: '王小明' });
    expect(row).toMatchObject({ provider: 'sandbox', masked: '••••5675' });
    expect(row.providerRef).toMatch(/^sbx_pv_/);
  });

  it('refuses what the provider or the form rejects with 422, keeping nothing', async () => {
    const u = await member();
    // Luhn: the last digit changed.
    const luhn = await add(u.token, { ...CMB, account: '6225880012345676' });
    expectProblem(luhn, 422, 'invalid_card_number');
    expect(luhn.json.errors).toEqual([{ path: 'account', message: expect.any(String) }]);
    expectProblem(await add(u.token, { ...CMB, account: '1234' }), 422, 'invalid_card_number');
    // Luhn-valid, but an account the sandbox knows as closed.
    expectProblem(await add(u.token, { ...CMB, account: '6217000000000000004' }), 422, 'payout_account_rejected');
    expectProblem(await add(u.token, { ...ALIPAY, account: 'closed@example.com' }), 422, 'payout_account_rejected');
    expectProblem(await add(u.token, { ...ALIPAY, account: 'not-an-account' }), 422, 'invalid_alipay_account');
    expectProblem(await add(u.token, { ...CMB, bank: undefined }), 422, 'bank_required');
    expectProblem(await add(u.token, { ...CMB, kind: 'paypal' }), 400, 'validation_failed');
    expectProblem(await add(u.token, { ...CMB, holderName: '' }), 400, 'validation_failed');
    expectProblem(await t.req('POST', '/me/payout-methods', { body: CMB }), 401, 'unauthenticated');
    expect(await list(u.token)).toEqual([]);
    expect(Number((await t.db.selectFrom('payoutMethods').select((eb) => eb.fn.countAll().as('n')).where('userId', '=', u.id).executeTakeFirstOrThrow()).n)).toBe(0);
  });

  it('refuses the same account twice and more than five', async () => {
    const u = await member();
    expect((await add(u.token, CMB)).status).toBe(201);
    expectProblem(await add(u.token, { ...CMB, account: '6225880012345675' }), 409, 'payout_method_exists');
    for (const n of ['13812345670', '13812345671', '13812345672', '13812345673']) {
      expect((await add(u.token, { kind: 'alipay', account: n, holderName: '王小明' })).status).toBe(201);
    }
    expectProblem(await add(u.token, ALIPAY), 422, 'too_many_payout_methods');
  });

  it('deletes: no longer listed or chosen, can be added again', async () => {
    const u = await member();
    const r = await add(u.token, CMB);
    expect((await t.req('DELETE', `/me/payout-methods/${r.json.id}`, { token: u.token })).status).toBe(204);
    expect(await list(u.token)).toEqual([]);
    expectProblem(await t.req('DELETE', `/me/payout-methods/${r.json.id}`, { token: u.token }), 404, 'not_found');
    expect((await add(u.token, CMB)).status).toBe(201);
  });
});

describe('withdrawals and payout methods', () => {
  it('a member without a payout method is refused 422 payout_method_required, and no money moves', async () => {
    const u = await member(5000);
    const r = await t.req('POST', '/wallet/withdrawals', { token: u.token, body: { amount: 1000 } });
    expectProblem(r, 422, 'payout_method_required');
    expect(r.json.errors).toEqual([{ path: 'payoutMethodId', message: expect.any(String) }]);
    expect((await t.req('GET', '/wallet', { token: u.token })).json).toMatchObject({ available: 5000, processing: 0, withdrawn: 0 });
    expect((await t.req('GET', '/wallet/withdrawals', { token: u.token })).json.items).toEqual([]);
  });

  it('goes to the chosen method and names it, masked; the default is the last used', async () => {
    const u = await member(10_000);
    const card = (await add(u.token, CMB)).json;
    const ali = (await add(u.token, ALIPAY)).json;
    const headers = { 'idempotency-key': `w-${u.id}` };
    const r = await t.req('POST', '/wallet/withdrawals', { token: u.token, headers, body: { amount: 1200, payoutMethodId: card.id } });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ amount: 1200, status: 'paid', payoutTo: { id: card.id, kind: 'bank_card', bank: 'CMB', masked: '••••5675' } });
    expect(payouts.sent.get(r.json.id)).toBe(1200);
    // A replay answers the same, to the same account, and moves nothing.
    const again = await t.req('POST', '/wallet/withdrawals', { token: u.token, headers, body: { amount: 1200, payoutMethodId: card.id } });
    expect(again.json).toEqual(r.json);
    expect((await t.req('GET', '/wallet', { token: u.token })).json).toMatchObject({ available: 8800, withdrawn: 1200 });
    // The card was used last: it is the default now, and a withdrawal without a choice goes there.
    expect((await list(u.token)).map((m: { id: string; isDefault: boolean }) => [m.id, m.isDefault])).toEqual([[card.id, true], [ali.id, false]]);
    const plain = await t.req('POST', '/wallet/withdrawals', { token: u.token, body: { amount: 100 } });
    expect(plain.json.payoutTo).toMatchObject({ id: card.id, masked: '••••5675' });
    const toAli = await t.req('POST', '/wallet/withdrawals', { token: u.token, body: { amount: 100, payoutMethodId: ali.id } });
    expect(toAli.json.payoutTo).toEqual({ id: ali.id, kind: 'alipay', bank: null, masked: 'a***@qq.com' });
    // The list names the account of each withdrawal, even after the method is removed.
    expect((await t.req('DELETE', `/me/payout-methods/${card.id}`, { token: u.token })).status).toBe(204);
    const listed = (await t.req('GET', '/wallet/withdrawals', { token: u.token })).json.items;
    expect(listed.map((w: { payoutTo: { masked: string } }) => w.payoutTo.masked)).toEqual(['a***@qq.com', '••••5675', '••••5675']);
  });

  it("refuses a removed or someone else's method with 422 payout_method_not_found", async () => {
    const u = await member(5000);
    const other = await member();
    const theirs = (await add(other.token, CMB)).json;
    expectProblem(await t.req('POST', '/wallet/withdrawals', { token: u.token, body: { amount: 100, payoutMethodId: theirs.id } }), 422, 'payout_method_not_found');
    const mine = (await add(u.token, CMB)).json;
    await t.req('DELETE', `/me/payout-methods/${mine.id}`, { token: u.token });
    expectProblem(await t.req('POST', '/wallet/withdrawals', { token: u.token, body: { amount: 100, payoutMethodId: mine.id } }), 422, 'payout_method_not_found');
    expectProblem(await t.req('POST', '/wallet/withdrawals', { token: u.token, body: { amount: 100 } }), 422, 'payout_method_required');
    expect((await t.req('GET', '/wallet', { token: u.token })).json.available).toBe(5000);
  });

  it('the provider is handed the account itself, unsealed only for the call', async () => {
    const u = await t2.user({ payoutMethod: false });
    await withTx(t2.db, (tx) => postTransaction(tx, { kind: 'adjustment', reference: `f-${u.id}`, postings: [{ from: GATEWAY, to: memberAccount(u.id), amount: 500 }] }));
    await t2.req('POST', '/me/payout-methods', { token: u.token, body: ALIPAY });
    expect((await t2.req('POST', '/wallet/withdrawals', { token: u.token, body: { amount: 500 } })).json.status).toBe('paid');
    expect(seen).toEqual([{ kind: 'alipay', account: 'alice.w@qq.com', holderName: '王小明', bank: null }]);
  });
});
