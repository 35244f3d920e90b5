// Settings: every number of the product rules, the environment as default, validated, audited,
// effective without a restart — in this process at once, in another within the TTL — and the
// fee applies to orders placed after the change only.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { readConfig } from '../../config.ts';
import { placeOrder, sellerWithItem } from '../orders/fixtures.ts';
import { itemBody } from '../items/fixtures.ts';
import { auditCount, staff } from './fixtures.ts';
import { freshSettings, liveConfig, SETTING_KEYS } from './settings.ts';

const t = await createTestApp({ FEE_BPS: '60', JURY_SIZE: '7' });
const admin = await staff(t, 'admin');
const mod = await staff(t, 'moderator');
const patch = (body: Record<string, unknown>, token = admin.token) => t.req('PATCH', '/admin/settings', { token, body });

describe('/admin/settings', () => {
  it('lists every rule with its value, the environment’s default and bounds; moderators and members are refused', async () => {
    const r = await t.req('GET', '/admin/settings', { token: admin.token });
    expect(r.status).toBe(200);
    expect(r.json.items.map((s: { key: string }) => s.key)).toEqual(SETTING_KEYS);
    expect(r.json.items.find((s: { key: string }) => s.key === 'feeBps')).toMatchObject({ value: 60, defaultValue: 60, min: 0, max: 10_000, env: 'FEE_BPS', overridden: false });
    expectProblem(await t.req('GET', '/admin/settings', { token: mod.token }), 403, 'forbidden');
    expectProblem(await patch({ reason: 'x', feeBps: 80 }, mod.token), 403, 'forbidden');
  });

  it('refuses values out of bounds (422, every bad field named), unknown keys, a missing reason and an empty change (400), writing nothing', async () => {
    const n = await auditCount(t);
    const outOfBounds: [Record<string, unknown>, string[]][] = [
      [{ reason: '太高', feeBps: 20_000 }, ['feeBps']],
      [{ reason: '小数', jurySize: 6.5 }, ['jurySize']],
      [{ reason: '负数', afterSaleDays: -1 }, ['afterSaleDays']],
      [{ reason: '超过 cookie 上限', sessionDays: 401 }, ['sessionDays']],
      [{ reason: '一好一坏', feeBps: 80, paymentExpiryMinutes: 0 }, ['paymentExpiryMinutes']],
      [{ reason: '都坏', autoConfirmShippingDays: 91, depositMaxPercent: 101, minWithdrawal: 0, juryVoteHours: 0 }, ['autoConfirmShippingDays', 'depositMaxPercent', 'juryVoteHours', 'minWithdrawal']],
    ];
    for (const [body, paths] of outOfBounds) {
      const r = await patch(body);
      expectProblem(r, 422, 'invalid_setting');
      expect(r.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(paths);
    }
    for (const body of [{ reason: '未知', foo: 1 }, { feeBps: 80 }, { reason: '空' }, { reason: '文字', feeBps: '80' }]) {
      expectProblem(await patch(body), 400, 'validation_failed');
    }
    expect(await auditCount(t)).toBe(n);
    expect(await t.db.selectFrom('settings').selectAll().execute()).toEqual([]);
    expect((await patch({ reason: '上限', sessionDays: 400 })).status).toBe(200);
    expect(await auditCount(t)).toBe(n + 1);
    await patch({ reason: '恢复', sessionDays: null });
  });

  it('every setting has a group and says whether it applies to what starts after the change', async () => {
    const items = (await t.req('GET', '/admin/settings', { token: admin.token })).json.items as { key: string; group: string; effect: string }[];
    expect(new Set(items.map((s) => s.group))).toEqual(new Set(['quickSell', 'orders', 'deposit', 'afterSale', 'trust', 'wallet', 'accounts']));
    const byKey = Object.fromEntries(items.map((s) => [s.key, s]));
    for (const k of ['feeBps', 'paymentExpiryMinutes', 'autoConfirmShippingDays', 'autoConfirmOnlineDays', 'caseSellerAnswerHours', 'juryVoteHours']) expect(byKey[k]?.effect).toBe('new');
    for (const k of ['quickSellMinAccountDays', 'coldMessages', 'minWithdrawal']) expect(byKey[k]?.effect).toBe('now');
  });

  it('the environment gives the defaults of the new rules, checked at start-up', () => {
    const c = readConfig({ DATA_DIR: '/tmp', PAYMENT_EXPIRY_MINUTES: '30', MIN_WITHDRAWAL: '200' });
    expect(c).toMatchObject({ paymentExpiryMinutes: 30, minWithdrawal: 200, autoConfirmShippingDays: 10, depositMaxPercent: 30, pickupCodeTries: 5 });
    expect(() => readConfig({ DATA_DIR: '/tmp', PAYMENT_EXPIRY_MINUTES: '0' })).toThrow(/PAYMENT_EXPIRY_MINUTES/);
    expect(() => readConfig({ DATA_DIR: '/tmp', DEPOSIT_MAX_PERCENT: 'half' })).toThrow(/DEPOSIT_MAX_PERCENT/);
  });

  it('a fee change applies to orders placed after it; the order placed before keeps its fee; one audit entry', async () => {
    const { item } = await sellerWithItem(t, { price: 10_000, quantity: 5 });
    const buyer = await t.user();
    const before = await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined });
    expect(before.json).toMatchObject({ total: 10_000, fee: 60 });
    const n = await auditCount(t);
    const r = await patch({ reason: '平台补贴结束', feeBps: 100 });
    expect(r.status, r.text).toBe(200);
    expect(r.json.items.find((s: { key: string }) => s.key === 'feeBps')).toMatchObject({ value: 100, overridden: true, updatedBy: admin.id });
    expect(await auditCount(t)).toBe(n + 1);
    const entry = await t.db.selectFrom('auditLog').selectAll().orderBy('createdAt', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'settings.update', actorId: admin.id, reason: '平台补贴结束', before: { feeBps: 60 }, after: { feeBps: 100 } });
    const after = await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined });
    expect(after.json).toMatchObject({ total: 10_000, fee: 100, sellerProceeds: 9900 });
    expect((await t.req('GET', `/orders/${before.json.id}`, { token: buyer.token })).json.fee).toBe(60);
    // null goes back to the environment's default
    expect((await patch({ reason: '恢复默认', feeBps: null })).json.items.find((s: { key: string }) => s.key === 'feeBps')).toMatchObject({ value: 60, overridden: false });
    expect((await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined })).json.fee).toBe(60);
  });

  it('quick-sell rules apply at once: the account age and the price cap', async () => {
    const seller = await t.user({ verified: true });
    expect((await t.req('POST', '/items', { token: seller.token, body: itemBody() })).status).toBe(201);
    await patch({ reason: '新社区防骚扰', quickSellMinAccountDays: 30, quickSellPriceCap: 5000 });
    expectProblem(await t.req('POST', '/items', { token: seller.token, body: itemBody() }), 403, 'quicksell_not_eligible');
    const old = await t.user({ verified: true, ageDays: 40 });
    expectProblem(await t.req('POST', '/items', { token: old.token, body: itemBody({ price: 6000 }) }), 400, 'validation_failed');
    expect((await t.req('POST', '/items', { token: old.token, body: itemBody({ price: 4900 }) })).status).toBe(201);
    await patch({ reason: '恢复', quickSellMinAccountDays: null, quickSellPriceCap: null });
  });

  it('another process sees a change once its cache is older than the TTL, without a restart', async () => {
    const other = liveConfig(readConfig({ DATABASE_URL: t.url, JURY_SIZE: '7', DATA_DIR: '/tmp' }), t.db, { ttlMs: 20 });
    await freshSettings(other);
    expect(other.jurySize).toBe(7);
    await patch({ reason: '社区还小', jurySize: 5 });
    await new Promise((r) => setTimeout(r, 40));
    await freshSettings(other);
    expect(other.jurySize).toBe(5);
    expect(other.feeBps).toBe(60);
  });
});
