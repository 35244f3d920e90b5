// Item cards in notes, comments (借楼) and stall threads: own items only, live state.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { sellerWithItem } from '../orders/fixtures.ts';

const t = await createTestApp();

describe('item cards in notes and comments', () => {
  it('attaches own items to a note; the card is live', async () => {
    const { seller, item } = await sellerWithItem(t, { price: 3000, quantity: 1, delivery: ['pickup'], shippingFee: undefined });
    const note = await t.req('POST', '/notes', { token: seller.token, body: { title: '出闲置', body: '看图 #搬家清仓', itemIds: [item.id] } });
    expect(note.status).toBe(201);
    expect(note.json.items.map((i: { id: string }) => i.id)).toEqual([item.id]);
    const feed = await t.req('GET', '/feed?tab=latest');
    expect(feed.json.items.find((n: { id: string }) => n.id === note.json.id).items[0]).toMatchObject({ id: item.id, price: 3000 });
    await t.req('PATCH', `/items/${item.id}`, { token: seller.token, body: { price: 2500 } });
    const buyer = await t.user();
    await t.req('POST', '/orders', { token: buyer.token, body: { itemId: item.id, delivery: 'pickup' } });
    const again = await t.req('GET', `/notes/${note.json.id}`);
    expect(again.json.items[0]).toMatchObject({ price: 2500, available: 0, status: 'sold_out' });
  });

  it("refuses someone else's item, an unknown one and a withdrawn one, writing nothing", async () => {
    const { seller, item } = await sellerWithItem(t);
    const other = await t.user({ verified: true });
    expectProblem(await t.req('POST', '/notes', { token: other.token, body: { title: '借用', itemIds: [item.id] } }), 403, 'not_item_owner');
    expectProblem(await t.req('POST', '/notes', { token: seller.token, body: { title: '未知', itemIds: ['0000000000000000'] } }), 404, 'not_found');
    await t.req('POST', `/items/${item.id}/withdraw`, { token: seller.token });
    expectProblem(await t.req('POST', '/notes', { token: seller.token, body: { title: '下架的', itemIds: [item.id] } }), 422, 'item_withdrawn');
    const notes = await t.db.selectFrom('notes').select('id').where('authorId', 'in', [seller.id, other.id]).execute();
    expect(notes).toEqual([]);
  });

  it('借楼: a member offers their own item under someone else’s note, not another’s', async () => {
    const host = await t.user();
    const note = await t.req('POST', '/notes', { token: host.token, body: { title: '周末地摊', kind: 'stall' } });
    const { seller, item } = await sellerWithItem(t);
    const c = await t.req('POST', `/notes/${note.json.id}/comments`, { token: seller.token, body: { body: '我也出一个', itemId: item.id } });
    expect(c.status).toBe(201);
    expect(c.json.item).toMatchObject({ id: item.id });
    expectProblem(await t.req('POST', `/notes/${note.json.id}/comments`, { token: host.token, body: { body: '帮卖', itemId: item.id } }), 403, 'not_item_owner');
  });
});

describe('the stall grid', () => {
  it('lists every item offered in the comments, by newest or price, paged without gaps', async () => {
    const host = await t.user();
    const note = (await t.req('POST', '/notes', { token: host.token, body: { title: '小区跳蚤市场', kind: 'stall' } })).json;
    const prices = [500, 1500, 100, 900, 1200, 0, 700];
    const ids: string[] = [];
    for (const price of prices) {
      const { seller, item } = await sellerWithItem(t, { price, delivery: ['pickup'], shippingFee: undefined });
      ids.push(item.id);
      await t.req('POST', `/notes/${note.id}/comments`, { token: seller.token, body: { body: '', itemId: item.id } });
    }
    await t.req('POST', `/notes/${note.id}/comments`, { token: host.token, body: { body: '欢迎大家来摆摊' } });
    const walk = async (sort: string) => {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const r = await t.req('GET', `/notes/${note.id}/items?sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(r.status).toBe(200);
        seen.push(...r.json.items.map((x: { item: { price: number } }) => x.item.price));
        cursor = r.json.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await walk('price_asc')).toEqual([...prices].sort((a, b) => a - b));
    expect(await walk('price_desc')).toEqual([...prices].sort((a, b) => b - a));
    expect(await walk('newest')).toEqual([...prices].reverse());
    expectProblem(await t.req('GET', `/notes/${note.id}/items?sort=cheapest`), 400, 'validation_failed');
    expectProblem(await t.req('GET', '/notes/0000000000000000/items'), 404, 'not_found');
  });

  it('reads a 500-item stall page through the partial index, not a scan of comments', async () => {
    const host = await t.user();
    const { seller, item } = await sellerWithItem(t);
    const note = (await t.req('POST', '/notes', { token: host.token, body: { title: '大地摊', kind: 'stall' } })).json;
    await sql`INSERT INTO comments (note_id, author_id, body, item_id, created_at)
      SELECT ${note.id}, ${seller.id}, '', ${item.id}, date_trunc('milliseconds', now()) - (g || ' seconds')::interval FROM generate_series(1, 500) g`.execute(t.db);
    await sql`INSERT INTO comments (note_id, author_id, body, created_at)
      SELECT n.id, ${host.id}, 'hi', date_trunc('milliseconds', now()) FROM notes n, generate_series(1, 20)`.execute(t.db);
    await sql`ANALYZE comments`.execute(t.db);
    const plan = await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT c.id, c.item_id, i.price FROM comments c JOIN items i ON i.id = c.item_id
      WHERE c.note_id = ${note.id} AND c.item_id IS NOT NULL AND c.deleted_at IS NULL ORDER BY c.created_at DESC, c.id DESC LIMIT 21`.execute(t.db);
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).not.toMatch(/Seq Scan on comments/);
    const r = await t.req('GET', `/notes/${note.id}/items?limit=100`);
    expect(r.json.items).toHaveLength(100);
    expect(r.json.nextCursor).not.toBeNull();
  });
});

describe('scam shield on notes and comments', () => {
  it('marks lures with warnings and leaves ordinary talk alone', async () => {
    const host = await t.user();
    const note = (await t.req('POST', '/notes', { token: host.token, body: { title: '出二手书', body: '有意私聊，加V: abc12345 先付定金' } })).json;
    expect(note.warnings).toEqual(expect.arrayContaining(['off_platform_contact']));
    const plain = (await t.req('POST', '/notes', { token: host.token, body: { title: '出二手书', body: '九成新，周六下午可以自提' } })).json;
    expect(plain.warnings).toEqual([]);
    const other = await t.user();
    await t.req('POST', `/notes/${plain.id}/comments`, { token: other.token, body: { body: '包邮吗' } });
    await t.req('POST', `/notes/${plain.id}/comments`, { token: other.token, body: { body: '微信转账可以吗，加我 vx 88886666' } });
    const list = await t.req('GET', `/notes/${plain.id}/comments`);
    const byBody = Object.fromEntries(list.json.items.map((c: { body: string; warnings: string[] }) => [c.body, c.warnings]));
    expect(byBody.包邮吗).toEqual([]);
    expect(byBody['微信转账可以吗，加我 vx 88886666'].length).toBeGreaterThan(0);
  });
});

describe('places', () => {
  it('takes a label alone, a point alone, or both; never half a point', async () => {
    const { seller } = await sellerWithItem(t);
    const labelOnly = await t.req('POST', '/notes', { token: seller.token, body: { title: '徐汇自提', location: { label: '上海 徐汇' } } });
    expect(labelOnly.json.location).toEqual({ lat: null, lng: null, label: '上海 徐汇' });
    const item = await t.req('POST', '/items', { token: seller.token, body: { title: '台灯', price: 1000, delivery: ['pickup'], location: { label: '杭州 西湖' } } });
    expect(item.json.location).toEqual({ lat: null, lng: null, label: '杭州 西湖' });
    expect((await t.req('GET', `/items/${item.json.id}?lat=30.2&lng=120.1`)).json.distanceKm).toBeNull();
    expectProblem(await t.req('POST', '/notes', { token: seller.token, body: { title: 'x', location: { lat: 31.2 } } }), 400, 'validation_failed');
    expectProblem(await t.req('POST', '/notes', { token: seller.token, body: { title: 'x', location: {} } }), 400, 'validation_failed');
  });
});
