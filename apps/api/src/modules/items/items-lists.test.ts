// Lists (a seller's items, my items), the batch of live cards, the taxonomy, and the plans of
// the queries behind them.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { findItemCards, itemCardsQuery } from './cards.ts';
import { listItem, photo, seller } from './fixtures.ts';
import { sellerItemsQuery } from './repo.ts';

const t = await createTestApp();
const s = await seller(t);
const viewer = await seller(t);

// Five items, oldest first: a (on sale), b (sold out), c (withdrawn), d (on sale), e (free).
const made: Record<string, { id: string }> = {};
for (const [key, over] of [
  ['a', {}],
  ['b', { title: '已售' }],
  ['c', { title: '下架' }],
  ['d', { title: '在售2', quantity: 4 }],
  ['e', { title: '免费送', price: 0 }],
] as const) {
  made[key] = await listItem(t, s.token, over);
  t.clock.advance(1000); // distinct createdAt
}
const id = (k: string) => made[k]?.id as string;
await sql`UPDATE items SET available = 0 WHERE id = ${id('b')}`.execute(t.db);
await t.req('POST', `/items/${id('c')}/withdraw`, { token: s.token });

const ids = (r: { json: { items: { id: string }[] } }) => r.json.items.map((i) => i.id);

describe('GET /users/:id/items', () => {
  it('lists on sale and sold out, newest first, publicly', async () => {
    const r = await t.req('GET', `/users/${s.id}/items`);
    expect(r.status).toBe(200);
    expect(ids(r)).toEqual([id('e'), id('d'), id('b'), id('a')]);
    expect(r.json.nextCursor).toBeNull();
    expect(r.json.items[0]).toMatchObject({ seller: { id: s.id }, free: true, status: 'on_sale' });
  });

  it('filters by state', async () => {
    expect(ids(await t.req('GET', `/users/${s.id}/items?status=sold_out`))).toEqual([id('b')]);
    expect(ids(await t.req('GET', `/users/${s.id}/items?status=on_sale`))).toEqual([id('e'), id('d'), id('a')]);
    expectProblem(await t.req('GET', `/users/${s.id}/items?status=gone`), 400, 'validation_failed');
  });

  it('shows withdrawn items to their seller only', async () => {
    expect(ids(await t.req('GET', `/users/${s.id}/items?status=withdrawn`, { token: s.token }))).toEqual([id('c')]);
    expectProblem(await t.req('GET', `/users/${s.id}/items?status=withdrawn`, { token: viewer.token }), 403, 'not_item_owner');
    expectProblem(await t.req('GET', `/users/${s.id}/items?status=withdrawn`), 403, 'not_item_owner');
  });

  it('pages with a keyset cursor without gaps or repeats', async () => {
    const p1 = await t.req('GET', `/users/${s.id}/items?limit=3`);
    expect(ids(p1)).toEqual([id('e'), id('d'), id('b')]);
    const p2 = await t.req('GET', `/users/${s.id}/items?limit=3&cursor=${p1.json.nextCursor}`);
    expect(ids(p2)).toEqual([id('a')]);
    expect(p2.json.nextCursor).toBeNull();
    expectProblem(await t.req('GET', `/users/${s.id}/items?cursor=garbage`), 400, 'invalid_cursor');
    expectProblem(await t.req('GET', `/users/${s.id}/items?limit=101`), 400, 'validation_failed');
  });

  it('is 404 for an unknown or banned member', async () => {
    expectProblem(await t.req('GET', '/users/ffffffffffffffff/items'), 404, 'not_found');
    const b = await seller(t);
    await t.db.updateTable('users').set({ status: 'banned' }).where('id', '=', b.id).execute();
    expectProblem(await t.req('GET', `/users/${b.id}/items`), 404, 'not_found');
  });
});

describe('GET /me/items', () => {
  it('lists every state by default and each tab by ?status=', async () => {
    const r = await t.req('GET', '/me/items', { token: s.token });
    expect(ids(r)).toEqual([id('e'), id('d'), id('c'), id('b'), id('a')]);
    expect(ids(await t.req('GET', '/me/items?status=withdrawn', { token: s.token }))).toEqual([id('c')]);
    const p1 = await t.req('GET', '/me/items?limit=2', { token: s.token });
    const p2 = await t.req('GET', `/me/items?limit=2&cursor=${p1.json.nextCursor}`, { token: s.token });
    expect([...ids(p1), ...ids(p2)]).toEqual([id('e'), id('d'), id('c'), id('b')]);
    expect((await t.req('GET', '/me/items', { token: viewer.token })).json).toEqual({ items: [], nextCursor: null });
  });

  it('needs a member', async () => {
    expectProblem(await t.req('GET', '/me/items'), 401, 'unauthenticated');
  });
});

describe('live cards', () => {
  it('GET /items?ids= returns cards in the order asked, unknown ids left out', async () => {
    const p = await photo(t, s.id, { width: 120, height: 90 });
    await t.req('PATCH', `/items/${id('d')}`, { token: s.token, body: { imageIds: [p.id] } });
    const r = await t.req('GET', `/items?ids=${id('d')},ffffffffffffffff,${id('c')},${id('e')},${id('d')}`);
    expect(r.status).toBe(200);
    expect(ids(r)).toEqual([id('d'), id('c'), id('e')]);
    expect(r.json.items[0]).toEqual({
      id: id('d'),
      sellerId: s.id,
      title: '在售2',
      price: 4900,
      available: 4,
      held: 0,
      quantity: 4,
      status: 'on_sale',
      free: false,
      delivery: ['pickup', 'shipping'],
      shippingFee: 1000,
      coverUrl: `/media/${p.id}/card.webp`,
      coverThumbUrl: `/media/${p.id}/thumb.webp`,
      coverWidth: 120,
      coverHeight: 90,
      condition: 'like_new',
      category: 'furniture',
    });
    expect(r.json.items[1]).toMatchObject({ status: 'withdrawn', coverUrl: null, coverWidth: null });
    expect(r.json.items[2]).toMatchObject({ free: true, price: 0 });
  });

  it('shows live stock and price', async () => {
    await sql`UPDATE items SET available = available - 1 WHERE id = ${id('d')}`.execute(t.db);
    await t.req('PATCH', `/items/${id('d')}`, { token: s.token, body: { price: 4500 } });
    expect((await t.req('GET', `/items?ids=${id('d')}`)).json.items[0]).toMatchObject({ available: 3, price: 4500 });
  });

  it('refuses more than 50 ids, malformed ids and no ids', async () => {
    const many = Array.from({ length: 51 }, (_, i) => i.toString(16).padStart(16, '0')).join(',');
    expectProblem(await t.req('GET', `/items?ids=${many}`), 400, 'validation_failed');
    expectProblem(await t.req('GET', '/items?ids=abc'), 400, 'validation_failed');
    expectProblem(await t.req('GET', '/items'), 400, 'validation_failed');
  });

  it('findItemCards gives a Map for any number of ids in one query', async () => {
    const cards = await findItemCards(t.db, [id('a'), id('b'), 'ffffffffffffffff']);
    expect([...cards.keys()].sort()).toEqual([id('a'), id('b')].sort());
    expect(cards.get(id('b'))).toMatchObject({ status: 'sold_out', available: 0 });
    expect((await findItemCards(t.db, [])).size).toBe(0);
  });
});

describe('GET /items/categories', () => {
  it('serves the taxonomy with both labels, publicly', async () => {
    const r = await t.req('GET', '/items/categories');
    expect(r.status).toBe(200);
    expect(r.json.categories).toContainEqual({ key: 'anime', labels: { 'zh-CN': '动漫周边/谷子', en: 'Anime goods' }, virtual: false });
    expect(r.json.categories.find((c: { key: string }) => c.key === 'services').virtual).toBe(true);
    expect(r.json.conditions.map((c: { key: string }) => c.key)).toEqual(['new', 'like_new', 'light_wear', 'visible_wear']);
    expect(r.json.conditions[3].labels['zh-CN']).toBe('明显使用痕迹');
    expect(r.json.delivery.map((c: { key: string }) => c.key)).toEqual(['pickup', 'shipping', 'online']);
    expect(r.json.limits).toMatchObject({ priceCap: 1_000_000, quantityMax: 999, imagesMax: 9 });
  });
});

describe('query plans', () => {
  it('uses the indexes, never a sort or a scan of the table', async () => {
    // Enough rows that the planner has a real choice: 40 sellers × 100 items.
    await sql`
      INSERT INTO items (seller_id, title, price, quantity, available, delivery, category, created_at)
      SELECT u.id, 'x' || g, 100, 1, (g % 3 > 0)::int, ARRAY['pickup'], 'other', now() - g * interval '1 minute'
      FROM generate_series(1, 100) g, (SELECT id FROM users) u`.execute(t.db);
    for (let i = 0; i < 40; i++) await seller(t);
    await sql`
      INSERT INTO items (seller_id, title, price, quantity, available, delivery, category)
      SELECT u.id, 'y' || g, 100, 1, 1, ARRAY['pickup'], 'other' FROM generate_series(1, 100) g, (SELECT id FROM users) u`.execute(t.db);
    const photos = await Promise.all([1, 2, 3].map(() => photo(t, s.id)));
    await sql`
      INSERT INTO item_images (item_id, position, media_id)
      SELECT i.id, p.n - 1, (${sql.val(photos.map((x) => x.id))}::text[])[p.n]
      FROM items i, generate_series(1, 3) p(n) WHERE i.title LIKE 'y%'`.execute(t.db);
    await sql`ANALYZE`.execute(t.db);
    const plan = async (q: { explain(): Promise<unknown[]> }) =>
      (await q.explain()).map((r) => Object.values(r as object)[0]).join('\n');
    const after = { at: new Date(), id: 'ffffffffffffffff' };
    for (const status of [null, { eq: 'on_sale' }, { any: ['on_sale', 'sold_out'] }]) {
      for (const cursor of [null, after]) {
        const p = await plan(sellerItemsQuery(t.db, { sellerId: s.id, status, after: cursor, take: 21 }));
        expect(p, p).toMatch(/Index Scan using items_seller_(status_)?created/);
        expect(p, p).not.toMatch(/Sort|Seq Scan/);
      }
    }
    const cards = await plan(itemCardsQuery(t.db, [id('a'), id('d')]));
    expect(cards, cards).toMatch(/items_pkey/);
    expect(cards, cards).toMatch(/item_images_pkey/);
    expect(cards, cards).not.toMatch(/Seq Scan on items/);
  });
});

describe('OpenAPI', () => {
  it('documents every items endpoint', async () => {
    const r = await t.req('GET', '/openapi.json');
    expect(r.status).toBe(200);
    for (const path of ['/items', '/items/{id}', '/items/{id}/withdraw', '/items/{id}/relist', '/items/categories', '/users/{id}/items', '/me/items']) {
      expect(Object.keys(r.json.paths), path).toContain(`/api/v1${path}`);
    }
    expect(r.json.components.schemas.Item.properties.status.enum).toEqual(['on_sale', 'sold_out', 'withdrawn']);
    expect(r.json.paths['/api/v1/items'].get.parameters[0]).toMatchObject({ name: 'ids', in: 'query' });
  });
});
