// The demo listings: enough variety for every screen, fast, idempotent.
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/helpers.ts';
import { seedItems } from './items-seed.ts';
import { seedDemo } from './seed.ts';

const t = await createTestApp({ QUICKSELL_MIN_ACCOUNT_DAYS: '180' });

describe('demo items', () => {
  it('seeds ≥ 30 varied items with photos', { timeout: 120_000 }, async () => {
    await seedDemo(t.deps);
    const rows = await t.db.selectFrom('items').selectAll().execute();
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(new Set(rows.map((r) => r.category)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(rows.map((r) => r.sellerId)).size).toBe(12);
    const by = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).length;
    expect(by((r) => r.price === 0)).toBeGreaterThanOrEqual(3);
    expect(by((r) => r.status === 'sold_out')).toBeGreaterThanOrEqual(3);
    expect(by((r) => r.status === 'withdrawn')).toBeGreaterThanOrEqual(1);
    expect(by((r) => r.quantity > 1 && r.available > 0 && r.available < r.quantity)).toBeGreaterThanOrEqual(1);
    expect(by((r) => r.delivery.includes('shipping') && r.shippingFee > 0)).toBeGreaterThanOrEqual(5);
    expect(by((r) => r.delivery.includes('shipping') && r.shippingFee === 0)).toBeGreaterThanOrEqual(1);
    expect(by((r) => r.delivery.includes('online'))).toBeGreaterThanOrEqual(1);
    expect(by((r) => r.lat === null)).toBe(0);
    const images = await t.db.selectFrom('itemImages').select('itemId').execute();
    expect(new Set(images.map((i) => i.itemId)).size).toBe(rows.length);
  });

  it('serves the demo items through the API like any other', async () => {
    const anna = await t.db.selectFrom('users').select('id').where('username', '=', 'expat_anna').executeTakeFirstOrThrow();
    const list = await t.req('GET', `/users/${anna.id}/items`);
    expect(list.json.items.length).toBeGreaterThan(0);
    const item = list.json.items[0];
    expect(item.images[0].url).toMatch(/^\/media\/[0-9a-f]{16}\/card\.webp$/);
    const file = await t.app.request(item.images[0].url);
    expect(file.status).toBe(200);
    expect(item.location.label).toBe('古北');
  });

  it('is idempotent and returns every demo item id by seller', async () => {
    const before = await t.db.selectFrom('items').select('id').execute();
    const again = await seedItems(t.deps);
    expect(again.items).toBe(0);
    expect(Object.keys(again.byUsername)).toHaveLength(12);
    expect(Object.values(again.byUsername).flat().sort()).toEqual(before.map((r) => r.id).sort());
    expect(again.byUsername.guzi_mao?.length).toBe(4);
  });
});
