// Smart publish through HTTP against PostgreSQL: POST /items/suggest, comparables from
// completed trades made through the real order flow, and the classifier's retraining job.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { listItem, seller as newSeller } from '../items/fixtures.ts';
import { retrainCategoryModel } from './category-model.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});

type Member = { id: string; token: string };

/** A completed pickup trade at `price`: listed, ordered, paid and handed over, as people do it. */
async function completeTrade(item: Record<string, unknown>) {
  const s = await newSeller(t);
  const buyer: Member = await t.user();
  const listed = await listItem(t, s.token, { delivery: ['pickup'], shippingFee: null, ...item });
  const o = await t.req('POST', '/orders', { token: buyer.token, body: { itemId: listed.id, delivery: 'pickup' } });
  expect(o.status).toBe(201);
  expect((await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token })).status).toBe(200);
  const done = await t.req('POST', `/orders/${o.json.id}/handover`, { token: s.token, body: { pickupCode: o.json.pickupCode } });
  expect(done.json.status).toBe('completed');
  return listed;
}

const suggest = (token: string, body: unknown) => t.req('POST', '/items/suggest', { token, body });

describe('POST /items/suggest', () => {
  it('is for members, and refuses an empty title or a bad photo count', async () => {
    expectProblem(await t.req('POST', '/items/suggest', { body: { title: '书桌' } }), 401, 'unauthenticated');
    const me = await t.user();
    expectProblem(await suggest(me.token, { title: '   ' }), 400, 'validation_failed');
    expectProblem(await suggest(me.token, { title: '书桌', photoCount: -1 }), 400, 'validation_failed');
    expectProblem(await suggest(me.token, { title: '书桌', photoCount: 1.5 }), 400, 'validation_failed');
  });

  it('says there are too few comparables instead of inventing a range', async () => {
    const me = await t.user();
    const r = await suggest(me.token, { title: '宜家 书桌 九成新', photoCount: 1 });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ category: 'furniture', priceRange: null, priceNote: 'too_few_comparables', condition: 'like_new', tips: ['add_photos'] });
    expect(r.json.tags).toEqual(['宜家', '书桌']);
  });

  it('"宜家 书桌 九成新" → 家具 with a range from similar completed trades, which it shows', async () => {
    await completeTrade({ title: '宜家 书桌 白色', price: 12000, condition: 'like_new' });
    await completeTrade({ title: '宜家书桌 自提', price: 15000, condition: 'like_new' });
    // Unrelated trades in the category and a desk still on sale are not comparables.
    await completeTrade({ title: '布艺沙发 三人位', price: 80000, condition: 'like_new' });
    const s = await newSeller(t);
    await listItem(t, s.token, { title: '宜家 书桌 全新', price: 99900, category: 'furniture' });
    const me = await t.user();
    const two = await suggest(me.token, { title: '宜家 书桌 九成新' });
    expect(two.json.priceRange).toBeNull();

    await completeTrade({ title: 'IKEA 书桌 九成新', price: 13500, condition: 'like_new' });
    const r = await suggest(me.token, { title: '宜家 书桌 九成新', description: '用了一年', photoCount: 4 });
    expect(r.status).toBe(200);
    expect(r.json.category).toBe('furniture');
    expect(r.json.categories[0]).toMatchObject({ category: 'furniture' });
    expect(r.json.tips).toEqual([]);
    const { low, high, comparables } = r.json.priceRange;
    expect(comparables.map((c: { price: number }) => c.price).sort()).toEqual([12000, 13500, 15000]);
    expect(comparables.map((c: { title: string }) => c.title)).toContain('IKEA 书桌 九成新');
    expect(low).toBeLessThanOrEqual(12500);
    expect(high).toBeGreaterThanOrEqual(14500);
    expect(high).toBeLessThan(80000);
  });

  it('cleans the title: no emoji spam, 急急急 or contact details', async () => {
    const me = await t.user();
    const r = await suggest(me.token, { title: '急急急！！！宜家书桌🔥🔥🔥 加微信 desk_2024 手慢无' });
    expect(r.json.title).toBe('宜家书桌');
    expect(r.json.category).toBe('furniture');
  });

  it('odd text is read, never a 5xx: NUL, lone surrogates, emoji floods, RTL marks, only punctuation', async () => {
    const me = await t.user();
    for (const title of ['\u0000书桌', '\ud800宜家', '🔥'.repeat(100), '\u202e桌书', '！！！？？？', 'a'.repeat(200), '加微信abc12345']) {
      const r = await suggest(me.token, { title, description: title });
      expect(r.status, `${JSON.stringify(title)} → ${r.text.slice(0, 200)}`).toBe(200);
      expect([...r.json.title].length).toBeLessThanOrEqual(60);
    }
  });

  it('learns categories from the market when the job retrains', async () => {
    const me = await t.user();
    const before = await suggest(me.token, { title: '筋膜枪' });
    expect(before.json.category).not.toBe('sports');
    const s = await newSeller(t);
    for (const title of ['筋膜枪 按摩', '筋膜枪 迷你 静音', '筋膜枪 肌肉放松']) await listItem(t, s.token, { title, category: 'sports' });
    expect(await retrainCategoryModel(t.deps)).toBeGreaterThanOrEqual(3);
    const stored = await t.db.selectFrom('assistCategoryModels').select(['documents', 'vocabulary']).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.documents).toBeGreaterThan(500);
    const after = await suggest(me.token, { title: '筋膜枪' });
    expect(after.json.category).toBe('sports');
  });

  it('keeps only the newest stored models', async () => {
    for (let i = 0; i < 5; i++) await retrainCategoryModel(t.deps);
    const n = await t.db.selectFrom('assistCategoryModels').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(3);
  });
});
