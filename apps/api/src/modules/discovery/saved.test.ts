// Saved searches and price-drop alerts over HTTP.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { listItem, seller } from '../items/fixtures.ts';
import { savedSearchSweeps, sendSavedSearchAlerts } from './saved-alerts.ts';

const t = await createTestApp();
type Member = Awaited<ReturnType<typeof t.user>>;
const runAlerts = () => sendSavedSearchAlerts(t.deps);

async function notices(who: Member, type: string) {
  const r = await t.req('GET', '/notifications', { token: who.token });
  expect(r.status, r.text).toBe(200);
  return (r.json.items as { type: string; data?: Record<string, unknown> }[]).filter((n) => n.type === type);
}

describe('saved searches', () => {
  it('saves, lists and deletes; the same parameters twice are one saved search', async () => {
    const me = await t.user();
    const a = await t.req('POST', '/me/saved-searches', { token: me.token, body: { q: '沙发', maxPrice: '50000', delivery: ['shipping', 'pickup'] } });
    expect(a.status, a.text).toBe(201);
    expect(a.json).toMatchObject({ label: '沙发', params: { q: '沙发', maxPrice: '50000', delivery: 'pickup,shipping' }, newCount: 0 });
    const again = await t.req('POST', '/me/saved-searches', { token: me.token, body: { q: '沙发', maxPrice: 50000, delivery: 'pickup,shipping' } });
    expect(again.json.id).toBe(a.json.id);
    const list = await t.req('GET', '/me/saved-searches', { token: me.token });
    expect(list.json.items.map((s: { id: string }) => s.id)).toEqual([a.json.id]);
    const other = await t.user();
    expectProblem(await t.req('DELETE', `/me/saved-searches/${a.json.id}`, { token: other.token }), 404, 'not_found');
    expect((await t.req('DELETE', `/me/saved-searches/${a.json.id}`, { token: me.token })).status).toBe(204);
    expect((await t.req('GET', '/me/saved-searches', { token: me.token })).json.items).toEqual([]);
  });

  it('refuses bad parameters as /search does, and visitors', async () => {
    const me = await t.user();
    expectProblem(await t.req('POST', '/me/saved-searches', { token: me.token, body: { minPrice: 500, maxPrice: 100 } }), 400, 'validation_failed');
    expectProblem(await t.req('POST', '/me/saved-searches', { token: me.token, body: { delivery: 'teleport' } }), 400, 'validation_failed');
    expectProblem(await t.req('POST', '/me/saved-searches', { token: me.token, body: { radiusKm: 5 } }), 400, 'validation_failed');
    expect((await t.req('POST', '/me/saved-searches', { body: { q: '沙发' } })).status).toBe(401);
  });

  it('the alert job tells a new match once; matches within the hour fold into the next alert; withdrawn items are never told', async () => {
    const me = await t.user();
    const shop = await seller(t);
    const saved = (await t.req('POST', '/me/saved-searches', { token: me.token, body: { q: '露营灯', maxPrice: 10000 } })).json;
    await listItem(t, shop.token, { title: '露营灯 充电款', price: 20000, category: 'sports' }); // too dear
    await listItem(t, shop.token, { title: '蓝牙音箱', price: 5000, category: 'digital' }); // other words
    const first = await listItem(t, shop.token, { title: '露营灯 复古', price: 5000, category: 'sports' });
    // Nothing is told before the job runs.
    expect(await notices(me, 'saved_search')).toHaveLength(0);
    expect((await t.req('GET', '/me/saved-searches', { token: me.token })).json.items[0].newCount).toBe(1);
    expect(await runAlerts()).toBe(1);
    let told = await notices(me, 'saved_search');
    expect(told).toHaveLength(1);
    expect(told[0]?.data).toMatchObject({ query: '露营灯', savedSearchId: saved.id, count: 1 });
    expect(told[0]).toMatchObject({ item: { id: first.id } });
    // Running again tells nothing new.
    expect(await runAlerts()).toBe(0);
    // Within the hour: two more, one withdrawn before the next alert.
    await listItem(t, shop.token, { title: '露营灯 小号', price: 3000, category: 'sports' });
    const gone = await listItem(t, shop.token, { title: '露营灯 大号', price: 8000, category: 'sports' });
    t.clock.advance(30 * 60_000);
    expect(await runAlerts()).toBe(0);
    expect(await notices(me, 'saved_search')).toHaveLength(1);
    expect((await t.req('POST', `/items/${gone.id}/withdraw`, { token: shop.token })).status).toBe(200);
    expect((await t.req('GET', '/me/saved-searches', { token: me.token })).json.items[0].newCount).toBe(1);
    t.clock.advance(31 * 60_000);
    expect(await runAlerts()).toBe(1);
    told = await notices(me, 'saved_search');
    expect(told).toHaveLength(2);
    expect(told[0]?.data).toMatchObject({ query: '露营灯', count: 1 });
    expect((await t.req('GET', '/me/saved-searches', { token: me.token })).json.items[0].newCount).toBe(0);
  });

  it('a saved search whose only match was withdrawn is not alerted and keeps its slot; the seller never hears of their own listing', async () => {
    const me = await t.user();
    const shop = await seller(t);
    await t.req('POST', '/me/saved-searches', { token: me.token, body: { q: '黑胶唱片' } });
    const item = await listItem(t, shop.token, { title: '黑胶唱片 爵士', price: 4000, category: 'books' });
    expect((await t.req('POST', `/items/${item.id}/withdraw`, { token: shop.token })).status).toBe(200);
    await runAlerts();
    expect(await notices(me, 'saved_search')).toHaveLength(0);
    // The slot was not used: the next match is told at the next run, without waiting an hour.
    await listItem(t, shop.token, { title: '黑胶唱片 摇滚', price: 4000, category: 'books' });
    await runAlerts();
    expect(await notices(me, 'saved_search')).toHaveLength(1);
    const own = await seller(t);
    await t.req('POST', '/me/saved-searches', { token: own.token, body: { q: '黑胶唱片' } });
    await listItem(t, own.token, { title: '黑胶唱片 自用', price: 100, category: 'books' });
    await runAlerts();
    expect(await notices(own, 'saved_search')).toHaveLength(0);
  });

  it('runs as a scheduled job', () => {
    expect(savedSearchSweeps.map((s) => [s.name, s.cron])).toEqual([['saved-search-alerts', '* * * * *']]);
  });
});

describe('price-drop alerts', () => {
  it('tell members who collected a note carrying the item and matching wanted requests, when the price goes down only', async () => {
    const shop = await seller(t);
    const fan = await t.user();
    const wanter = await seller(t);
    const bystander = await t.user();
    const item = await listItem(t, shop.token, { title: '胶片相机 理光GR', price: 300000, category: 'digital' });
    const note = (await t.req('POST', '/notes', { token: shop.token, body: { title: '出相机', itemIds: [item.id] } })).json.id;
    expect((await t.req('PUT', `/notes/${note}/collect`, { token: fan.token })).status).toBeLessThan(300);
    const w = await t.req('POST', '/notes', { token: wanter.token, body: { title: '求购 理光GR', kind: 'wanted', wanted: { maxPrice: 280000 } } });
    expect(w.status, w.text).toBe(201);
    // Up: nobody hears.
    expect((await t.req('PATCH', `/items/${item.id}`, { token: shop.token, body: { price: 310000 } })).status).toBe(200);
    expect(await notices(fan, 'price_drop')).toHaveLength(0);
    // Down, still above the wanted maximum: the collector only.
    expect((await t.req('PATCH', `/items/${item.id}`, { token: shop.token, body: { price: 290000 } })).status).toBe(200);
    expect(await notices(fan, 'price_drop')).toHaveLength(1);
    expect(await notices(wanter, 'price_drop')).toHaveLength(0);
    // Down to the maximum: both; the data has both prices.
    expect((await t.req('PATCH', `/items/${item.id}`, { token: shop.token, body: { price: 280000 } })).status).toBe(200);
    const fanTold = await notices(fan, 'price_drop');
    expect(fanTold).toHaveLength(2);
    expect(fanTold[0]?.data).toMatchObject({ price: 280000, oldPrice: 290000 });
    expect(await notices(wanter, 'price_drop')).toHaveLength(1);
    expect(await notices(bystander, 'price_drop')).toHaveLength(0);
    expect(await notices(shop, 'price_drop')).toHaveLength(0);
  });

  it('a withdrawn item tells nobody', async () => {
    const shop = await seller(t);
    const fan = await t.user();
    const item = await listItem(t, shop.token, { title: '黑胶唱机', price: 50000, category: 'digital' });
    const note = (await t.req('POST', '/notes', { token: shop.token, body: { title: '唱机', itemIds: [item.id] } })).json.id;
    await t.req('PUT', `/notes/${note}/collect`, { token: fan.token });
    await t.req('POST', `/items/${item.id}/withdraw`, { token: shop.token });
    // Withdrawn items cannot be edited (409), so no price drop can be told.
    expect((await t.req('PATCH', `/items/${item.id}`, { token: shop.token, body: { price: 1000 } })).status).toBe(409);
    expect(await notices(fan, 'price_drop')).toHaveLength(0);
  });
});
