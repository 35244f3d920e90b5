// GET /search through HTTP: words, filters, sorts, distance, pagination, validation, and the
// index kept current by item writes. Every listing here sits around one point far from the
// other test files' data; each test uses its own words.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { listItem, seller } from '../items/fixtures.ts';

const t = await createTestApp();
const P = { lat: 29.5, lng: 106.5 };
const north = (km: number) => ({ lat: Math.round((P.lat + km / 111.2) * 1000) / 1000, lng: P.lng });
const ids: Record<string, string> = {};
type Hit = { id: string; title: string; distanceKm: number | null; highlights: string[]; titleMarks: number[][]; location: unknown };

async function search(query: string) {
  const r = await t.req('GET', `/search?${query}`);
  expect(r.status, r.text).toBe(200);
  return r.json as { items: Hit[]; nextCursor: string | null; relaxed: boolean };
}
const idsOf = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);
/** Results that have every word: a relaxed page (some words only) counts as none. */
const strictIds = async (query: string) => {
  const page = await search(query);
  return page.relaxed ? [] : idsOf(page);
};
const name = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id;
const names = (page: { items: { id: string }[] }) => idsOf(page).map(name);

async function walk(query: string, limit: number) {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await search(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    out.push(...names(page));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

beforeAll(async () => {
  const s = await seller(t);
  const make = async (key: string, over: Record<string, unknown>) => {
    ids[key] = (await listItem(t, s.token, over)).id;
  };
  await make('s1', { title: '九成新布艺沙发转让', price: 45000, delivery: ['pickup'], shippingFee: null, condition: 'like_new', location: north(1) });
  await make('s2', { title: '真皮沙发 两人位', price: 80000, delivery: ['pickup', 'shipping'], shippingFee: 2000, condition: 'light_wear', location: north(3) });
  await make('s3', { title: '懒人沙发 免费送', price: 0, delivery: ['pickup'], shippingFee: null, condition: 'new', location: north(0.5) });
  await make('s4', { title: '沙發 三人座', price: 30000, delivery: ['shipping'], shippingFee: 0, condition: 'visible_wear', location: { label: '重庆 解放碑' } });
  await make('s5', { title: '沙发垫 四个', price: 5000, category: 'home', delivery: ['shipping'], shippingFee: 0, condition: 'new', location: north(8) });
  await make('s6', { title: '下架的沙发', price: 100, delivery: ['pickup'], shippingFee: null, location: north(2) });
  await make('s7', { title: '卖掉的沙发', price: 200, delivery: ['pickup'], shippingFee: null, location: north(2) });
  expect((await t.req('POST', `/items/${ids.s6}/withdraw`, { token: s.token })).status).toBe(200);
  const buyer = await t.user();
  expect((await t.req('POST', '/orders', { token: buyer.token, body: { itemId: ids.s7, delivery: 'pickup' } })).status).toBe(201);
}, 60_000);

describe('GET /search: words', () => {
  it('finds 沙发 in every listing on sale that has it (traditional 沙發 too), for visitors, with marks', async () => {
    const page = await search('q=沙发');
    expect(new Set(names(page))).toEqual(new Set(['s1', 's2', 's3', 's4', 's5']));
    expect(page.relaxed).toBe(false);
    const s1 = page.items.find((i) => i.id === ids.s1) as Hit;
    expect(s1.highlights).toEqual(['沙发']);
    expect(s1.titleMarks).toEqual([[5, 7]]);
    expect(s1.title.slice(5, 7)).toBe('沙发');
    expect(s1.distanceKm).toBeNull();
    const s4 = page.items.find((i) => i.id === ids.s4) as Hit;
    expect(s4.titleMarks).toEqual([[0, 2]]);
    // The same search written in traditional characters and in full-width letters.
    expect(new Set(names(await search('q=沙發')))).toEqual(new Set(['s1', 's2', 's3', 's4', 's5']));
  });

  it('keeps Latin and digit runs whole and split: iPhone13 finds "iphone 13" and "iPhone13 Pro"', async () => {
    const s = await seller(t);
    const a = (await listItem(t, s.token, { title: 'iPhone13 Pro 256G 远峰蓝', category: 'digital' })).id;
    const b = (await listItem(t, s.token, { title: '自用 iphone 13 国行', category: 'digital' })).id;
    const c = (await listItem(t, s.token, { title: 'ＩＰＨＯＮＥ１３ 手机壳', category: 'digital' })).id;
    const other = (await listItem(t, s.token, { title: 'iPhone 12 mini', category: 'digital' })).id;
    for (const q of ['iPhone13', 'iphone 13', 'ＩＰＨＯＮＥ１３', 'IPHONE13']) {
      const got = idsOf(await search(`q=${encodeURIComponent(q)}`));
      expect(new Set(got), q).toEqual(new Set([a, b, c]));
      expect(got).not.toContain(other);
    }
    expect(idsOf(await search('q=iphone13%20pro'))).toEqual([a]);
    // The last word typed is a prefix.
    expect(new Set(idsOf(await search('q=iph')))).toEqual(new Set([a, b, c, other]));
  });

  it('widens a word with its synonyms (单车 finds 自行车) and falls back to some words when none has all', async () => {
    const s = await seller(t);
    const bike = (await listItem(t, s.token, { title: '捷安特山地自行车', category: 'sports' })).id;
    expect(idsOf(await search('q=单车'))).toEqual([bike]);
    const typo = await search('q=自形车');
    expect(typo.relaxed).toBe(true);
    expect(idsOf(typo)[0]).toBe(bike);
    expect(await search('q=qqzzxxvv')).toEqual({ items: [], nextCursor: null, relaxed: false });
  });

  it('keeps the index current: an edit changes what finds the item; withdrawn and sold-out items drop out', async () => {
    const s = await seller(t);
    const id = (await listItem(t, s.token, { title: '老式缝纫机', category: 'other' })).id;
    expect(idsOf(await search('q=缝纫机'))).toEqual([id]);
    expect((await t.req('PATCH', `/items/${id}`, { token: s.token, body: { title: '蝴蝶牌脚踏机' } })).status).toBe(200);
    expect(await strictIds('q=缝纫机')).toEqual([]);
    expect(idsOf(await search('q=蝴蝶牌'))).toEqual([id]);
    await t.req('POST', `/items/${id}/withdraw`, { token: s.token });
    expect(await strictIds('q=蝴蝶牌')).toEqual([]);
    await t.req('POST', `/items/${id}/relist`, { token: s.token });
    expect(idsOf(await search('q=蝴蝶牌'))).toEqual([id]);
    // s6 (withdrawn) and s7 (its only unit taken by an order) never appear.
    const all = idsOf(await search('q=沙发&limit=100'));
    expect(all).not.toContain(ids.s6);
    expect(all).not.toContain(ids.s7);
    expect(await strictIds('q=下架')).toEqual([]);
  });

  it('drops items and notes an operator hid', async () => {
    const s = await seller(t);
    const id = (await listItem(t, s.token, { title: '古董座钟', category: 'other' })).id;
    const note = (await t.req('POST', '/notes', { token: s.token, body: { title: '古董座钟修好了' } })).json.id;
    expect(idsOf(await search('q=座钟'))).toEqual([id]);
    expect(idsOf(await search('q=座钟&type=notes'))).toEqual([note]);
    await t.db.updateTable('items').set({ hiddenAt: new Date() }).where('id', '=', id).execute();
    await t.db.updateTable('notes').set({ hiddenAt: new Date() }).where('id', '=', note).execute();
    expect(await strictIds('q=座钟')).toEqual([]);
    expect(await strictIds('q=座钟&type=notes')).toEqual([]);
  });

  it("drops a banned seller's items", async () => {
    const s = await seller(t);
    const id = (await listItem(t, s.token, { title: '黑胶唱片机', category: 'other' })).id;
    expect(idsOf(await search('q=唱片机'))).toEqual([id]);
    await t.db.updateTable('users').set({ status: 'banned' }).where('id', '=', s.id).execute();
    expect(await strictIds('q=唱片机')).toEqual([]);
    expect(idsOf(await search('q=唱片机'))).not.toContain(id);
  });
});

describe('GET /search: filters and sorts', () => {
  it('filters by price range, category, delivery, condition and free', async () => {
    expect(new Set(names(await search('q=沙发&minPrice=20000&maxPrice=50000')))).toEqual(new Set(['s1', 's4']));
    expect(names(await search('q=沙发&category=home'))).toEqual(['s5']);
    expect(new Set(names(await search('q=沙发&delivery=shipping')))).toEqual(new Set(['s2', 's4', 's5']));
    expect(new Set(names(await search('q=沙发&delivery=pickup,shipping')))).toEqual(new Set(['s1', 's2', 's3', 's4', 's5']));
    expect(new Set(names(await search('q=沙发&condition=new,like_new')))).toEqual(new Set(['s1', 's3', 's5']));
    expect(names(await search('q=沙发&free=true'))).toEqual(['s3']);
    expect(names(await search('q=沙发&free=true')).length).toBe(1);
  });

  it('lists on-sale items by filters alone, newest first, when q is absent', async () => {
    const got = names(await search(`category=furniture&minPrice=0&maxPrice=80000&limit=100&lat=${P.lat}&lng=${P.lng}&radiusKm=20`));
    expect(got).toEqual(['s3', 's2', 's1']);
  });

  it('sorts by price and by newest', async () => {
    expect(names(await search('q=沙发&sort=price_asc'))).toEqual(['s3', 's5', 's4', 's1', 's2']);
    expect(names(await search('q=沙发&sort=price_desc'))).toEqual(['s2', 's1', 's4', 's5', 's3']);
    expect(names(await search('q=沙发&sort=newest'))).toEqual(['s5', 's4', 's3', 's2', 's1']);
  });

  it('gives distanceKm from lat/lng, sorts by distance, keeps a radius; a label-only place never gets a distance', async () => {
    const byDistance = await search(`q=沙发&sort=distance&lat=${P.lat}&lng=${P.lng}`);
    expect(names(byDistance)).toEqual(['s3', 's1', 's2', 's5']);
    // From the stored point (3 decimals, ~100 m), so within 0.1 km of where they were put.
    const km = byDistance.items.map((i) => i.distanceKm as number);
    for (const [i, want] of [0.5, 1, 3, 8].entries()) expect(Math.abs((km[i] ?? 0) - want)).toBeLessThanOrEqual(0.11);
    const all = await search(`q=沙发&lat=${P.lat}&lng=${P.lng}`);
    const s4 = all.items.find((i) => i.id === ids.s4) as Hit;
    expect(s4.distanceKm).toBeNull();
    expect(s4.location).toEqual({ lat: null, lng: null, label: '重庆 解放碑' });
    expect(new Set(names(await search(`q=沙发&lat=${P.lat}&lng=${P.lng}&radiusKm=2`)))).toEqual(new Set(['s3', 's1']));
    expect(names(await search(`q=沙发&sort=distance&lat=${P.lat}&lng=${P.lng}&radiusKm=5&maxPrice=50000`))).toEqual(['s3', 's1']);
  });

  it('pages every sort with a cursor, without duplicates or gaps', async () => {
    const near = `lat=${P.lat}&lng=${P.lng}`;
    for (const q of ['q=沙发', 'q=沙发&sort=price_asc', 'q=沙发&sort=price_desc', 'q=沙发&sort=newest', `q=沙发&sort=distance&${near}`, `q=沙发&${near}&radiusKm=20&sort=newest`]) {
      const whole = await walk(q, 100);
      expect(await walk(q, 2), q).toEqual(whole);
      expect(await walk(q, 1), q).toEqual(whole);
      expect(new Set(whole).size).toBe(whole.length);
    }
  });
});

describe('GET /search: validation', () => {
  it('answers 400 problems for bad input', async () => {
    for (const q of [
      'lat=31.2',
      'lng=121.4',
      'radiusKm=3',
      'sort=distance',
      'minPrice=500&maxPrice=100',
      'minPrice=-1',
      'delivery=teleport',
      'condition=broken',
      'category=spaceships',
      'sort=best',
      'type=users',
      'limit=101',
      'lat=91&lng=0',
      'free=maybe',
      'type=notes&sort=price_asc',
      `q=${'长'.repeat(101)}`,
    ]) {
      expectProblem(await t.req('GET', `/search?${q}`), 400, 'validation_failed');
    }
    expectProblem(await t.req('GET', '/search?q=沙发&cursor=bm9wZQ'), 400, 'invalid_cursor');
    const page = await search('q=沙发&limit=1&sort=price_asc');
    expectProblem(await t.req('GET', `/search?q=沙发&limit=1&sort=newest&cursor=${page.nextCursor}`), 400, 'invalid_cursor');
    const bad = await t.req('GET', '/search?lat=31.2');
    expect(bad.json.errors[0].path).toBe('lng');
  });
});

describe('GET /search?type=notes', () => {
  it('finds notes by their words and tags, with distance only for a note with a point', async () => {
    const a = await t.user();
    const withPoint = await t.req('POST', '/notes', { token: a.token, body: { title: '周末露营装备清单', tags: ['户外'], location: north(2) } });
    const labelOnly = await t.req('POST', '/notes', { token: a.token, body: { title: '第一次露营', location: { label: '重庆 南山' } } });
    const tagged = await t.req('POST', '/notes', { token: a.token, body: { title: '帐篷推荐', tags: ['露营'] } });
    const page = await search(`q=露营&type=notes&lat=${P.lat}&lng=${P.lng}`);
    expect(new Set(idsOf(page))).toEqual(new Set([withPoint.json.id, labelOnly.json.id, tagged.json.id]));
    const byId = new Map(page.items.map((n) => [n.id, n]));
    expect(Math.abs(((byId.get(withPoint.json.id) as Hit).distanceKm ?? 0) - 2)).toBeLessThanOrEqual(0.11);
    expect((byId.get(labelOnly.json.id) as Hit).distanceKm).toBeNull();
    expect(byId.get(labelOnly.json.id)).not.toHaveProperty('location');
    expect((byId.get(withPoint.json.id) as Hit).titleMarks).toEqual([[2, 4]]);
    const near = await search(`q=露营&type=notes&sort=distance&lat=${P.lat}&lng=${P.lng}&radiusKm=5`);
    expect(idsOf(near)).toEqual([withPoint.json.id]);
  });

  it('suggests tags and titles as one types', async () => {
    const a = await t.user();
    await t.req('POST', '/notes', { token: a.token, body: { title: '旧沙发翻新记', tags: ['沙发改造'] } });
    const r = await t.req('GET', `/search/suggest?q=${encodeURIComponent('沙发')}`);
    expect(r.status).toBe(200);
    expect(r.json.items).toContainEqual({ kind: 'tag', text: '沙发改造' });
    expect(r.json.items).toContainEqual({ kind: 'title', text: '九成新布艺沙发转让' });
    const prefix = await t.req('GET', `/search/suggest?q=${encodeURIComponent('懒人沙')}`);
    expect(prefix.json.items).toContainEqual({ kind: 'title', text: '懒人沙发 免费送' });
    expectProblem(await t.req('GET', '/search/suggest?q='), 400, 'validation_failed');
  });
});
