// POST /items and GET /items/:id: eligibility, every field rule (allowed and refused), photos,
// location privacy. Through HTTP against real PostgreSQL.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { storeImage } from '../media/service.ts';
import { itemBody, listItem, photo, seller } from './fixtures.ts';

const t = await createTestApp({ QUICKSELL_MIN_ACCOUNT_DAYS: '180' });
const s = await seller(t);
const countItems = async () =>
  Number((await t.db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

const post = (body: unknown, token = s.token) => t.req('POST', '/items', { token, body });
const fieldsOf = (r: { json: { errors?: { path: string }[] } }) => (r.json.errors ?? []).map((e) => e.path);

describe('quick-sell eligibility', () => {
  it('refuses an unauthenticated request with 401 before reading the body', async () => {
    expectProblem(await t.req('POST', '/items', { body: itemBody() }), 401, 'unauthenticated');
    expectProblem(await t.req('POST', '/items', { body: {} }), 401, 'unauthenticated');
  });

  it.each([
    ['young', { verified: true, ageDays: 10 }, ['account_age']],
    ['unverified', { verified: false, ageDays: 400 }, ['verification']],
    ['young and unverified', { verified: false }, ['account_age', 'verification']],
  ] as const)('refuses a %s member with exactly what is unmet', async (_, opts, unmet) => {
    const u = await t.user(opts);
    const before = await countItems();
    const r = await post(itemBody(), u.token);
    expectProblem(r, 403, 'quicksell_not_eligible');
    expect(r.json.unmet).toEqual(unmet);
    const me = await t.req('GET', '/me', { token: u.token });
    expect(r.json.eligibleAt).toBe(me.json.quickSell.eligibleAt);
    // Tells the member they cannot sell before complaining about the form.
    expectProblem(await post({}, u.token), 403, 'quicksell_not_eligible');
    expect(await countItems()).toBe(before);
  });

  it('lets the member sell once the account reaches the age (no deposit, no review)', async () => {
    const u = await t.user({ verified: true, ageDays: 179 });
    expectProblem(await post(itemBody(), u.token), 403, 'quicksell_not_eligible');
    t.clock.advance(2 * 86_400_000);
    try {
      const r = await post(itemBody(), u.token);
      expect(r.status).toBe(201);
      expect(r.json.status).toBe('on_sale');
    } finally {
      t.clock.advance(-2 * 86_400_000);
    }
  });
});

describe('POST /items', () => {
  it('creates an item exactly as API.md describes it', async () => {
    const r = await post(itemBody({ quantity: 3 }));
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      sellerId: s.id,
      seller: { id: s.id, displayName: s.username },
      title: '九成新布艺沙发转让',
      description: '搬家急出，同城自提',
      price: 4900,
      quantity: 3,
      available: 3,
      delivery: ['pickup', 'shipping'],
      shippingFee: 1000,
      category: 'furniture',
      condition: 'like_new',
      images: [],
      location: null,
      distanceKm: null,
      status: 'on_sale',
      free: false,
      version: 1,
    });
    expect(r.json.seller.creditScore).toBeGreaterThan(0);
    expect(r.json.id).toMatch(/^[0-9a-f]{16}$/);
    expect(r.json.createdAt).toBe(r.json.updatedAt);
    const got = await t.req('GET', `/items/${r.json.id}`);
    expect(got.status).toBe(200);
    // GET adds the view and 想要 counts and the item's note (modules/engagement).
    expect(got.json).toEqual({ ...r.json, viewCount: 1, collectCount: 0, collectedByMe: false, noteId: null });
    expect(JSON.stringify(got.json)).not.toMatch(/withdrawnAt|locationLabel|floorPrice|passwordHash/);
  });

  it('accepts the minimal contract body: defaults quantity 1, category "other", no condition', async () => {
    const r = await post({ title: '旧台灯', price: 1500, delivery: ['pickup'] });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ quantity: 1, available: 1, category: 'other', condition: null, shippingFee: 0, description: '' });
  });

  it('takes price 0 as a free giveaway (免费送)', async () => {
    const r = await post(itemBody({ price: 0 }));
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ price: 0, free: true });
  });

  it('accepts the price cap and refuses one fen more', async () => {
    expect((await post(itemBody({ price: 1_000_000 }))).status).toBe(201);
    const r = await post(itemBody({ price: 1_000_001 }));
    expectProblem(r, 400, 'validation_failed');
    expect(fieldsOf(r)).toEqual(['price']);
  });

  it.each([-1, 49.5, '4900', null, 1e30])('refuses price %j', async (price) => {
    const before = await countItems();
    const r = await post(itemBody({ price }));
    expectProblem(r, 400, 'validation_failed');
    expect(fieldsOf(r)).toContain('price');
    expect(await countItems()).toBe(before);
  });

  it.each([[1], [999]])('accepts quantity %j', async (quantity) => {
    const r = await post(itemBody({ quantity }));
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ quantity, available: quantity });
  });

  it.each([[0], [1000], [-3], [2.5], ['5']])('refuses quantity %j', async (quantity) => {
    const r = await post(itemBody({ quantity }));
    expectProblem(r, 400, 'validation_failed');
    expect(fieldsOf(r)).toContain('quantity');
  });

  it('requires a shipping fee with shipping, allows 0 (包邮), refuses one without shipping', async () => {
    const missing = await post(itemBody({ delivery: ['shipping'], shippingFee: undefined }));
    expectProblem(missing, 400, 'validation_failed');
    expect(fieldsOf(missing)).toEqual(['shippingFee']);
    expectProblem(await post(itemBody({ delivery: ['shipping'], shippingFee: null })), 400, 'validation_failed');
    expect((await post(itemBody({ delivery: ['shipping'], shippingFee: 0 }))).json.shippingFee).toBe(0);
    expectProblem(await post(itemBody({ delivery: ['shipping'], shippingFee: -100 })), 400, 'validation_failed');
    expectProblem(await post(itemBody({ delivery: ['shipping'], shippingFee: 100_001 })), 400, 'validation_failed');
    expect((await post(itemBody({ delivery: ['shipping'], shippingFee: 100_000 }))).status).toBe(201);
    const stray = await post(itemBody({ delivery: ['pickup'], shippingFee: 800 }));
    expectProblem(stray, 400, 'validation_failed');
    expect(fieldsOf(stray)).toEqual(['shippingFee']);
    const zero = await post(itemBody({ delivery: ['pickup', 'online'], shippingFee: 0 }));
    expect(zero.json).toMatchObject({ delivery: ['pickup', 'online'], shippingFee: 0 });
  });

  it.each([
    [[], 'empty'],
    [['pickup', 'pickup'], 'duplicate'],
    [['pickup', 'teleport'], 'unknown'],
    ['pickup', 'not an array'],
  ] as [unknown, string][])('refuses delivery %j (%s)', async (delivery) => {
    const r = await post(itemBody({ delivery, shippingFee: undefined }));
    expectProblem(r, 400, 'validation_failed');
    expect(fieldsOf(r).some((p) => p.startsWith('delivery'))).toBe(true);
  });

  it('refuses an unknown category or condition, accepts every known one', async () => {
    expect(fieldsOf(await post(itemBody({ category: 'weapons' })))).toEqual(['category']);
    expect(fieldsOf(await post(itemBody({ condition: 'broken' })))).toEqual(['condition']);
    const tax = await t.req('GET', '/items/categories');
    for (const c of tax.json.categories) expect((await post(itemBody({ category: c.key }))).status).toBe(201);
    for (const c of tax.json.conditions) expect((await post(itemBody({ condition: c.key }))).status).toBe(201);
  });

  it.each([
    ['an empty title', { title: '' }, 'title'],
    ['a blank title', { title: '   ' }, 'title'],
    ['a 61-character title', { title: '沙'.repeat(61) }, 'title'],
    ['a 2001-character description', { description: 'x'.repeat(2001) }, 'description'],
    ['a latitude of 91', { location: { lat: 91, lng: 0 } }, 'location.lat'],
    ['a malformed image id', { imageIds: ['not-an-id'] }, 'imageIds.0'],
  ])('refuses %s', async (_, over, field) => {
    const r = await post(itemBody(over));
    expectProblem(r, 400, 'validation_failed');
    expect(fieldsOf(r)).toContain(field);
  });

  it('counts title length in characters, emoji included', async () => {
    expect((await post(itemBody({ title: '🎁'.repeat(60) }))).status).toBe(201);
    expect((await post(itemBody({ title: '沙'.repeat(60) }))).status).toBe(201);
  });

  it('refuses a body that is not JSON, never a 500', async () => {
    const r = await t.req('POST', '/items', { token: s.token, raw: '{"title":', headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(400);
  });
});

describe('a custom QUICKSELL_PRICE_CAP', async () => {
  const t2 = await createTestApp({ QUICKSELL_PRICE_CAP: '50000' });
  const s2 = await seller(t2);
  it('is the limit for price', async () => {
    expect((await t2.req('POST', '/items', { token: s2.token, body: itemBody({ price: 50_000 }) })).status).toBe(201);
    const r = await t2.req('POST', '/items', { token: s2.token, body: itemBody({ price: 50_001 }) });
    expectProblem(r, 400, 'validation_failed');
    expect(r.json.errors[0]).toMatchObject({ path: 'price' });
    expect((await t2.req('GET', '/items/categories')).json.limits.priceCap).toBe(50_000);
  });
});

describe('photos', () => {
  it('keeps up to 9 of the seller’s photos in order, cover first, with all sizes', async () => {
    const photos = await Promise.all(Array.from({ length: 9 }, (_, i) => photo(t, s.id, { width: 40 + i, height: 30 })));
    const ids = photos.map((p) => p.id).reverse();
    const r = await post(itemBody({ imageIds: ids }));
    expect(r.status).toBe(201);
    expect(r.json.images.map((i: { id: string }) => i.id)).toEqual(ids);
    const last = photos[0];
    expect(r.json.images[8]).toEqual({
      id: last?.id,
      url: `/media/${last?.id}/card.webp`,
      thumbUrl: `/media/${last?.id}/thumb.webp`,
      detailUrl: `/media/${last?.id}/detail.webp`,
      width: 40,
      height: 30,
    });
    const file = await t.app.request(r.json.images[0].thumbUrl);
    expect(file.headers.get('content-type')).toBe('image/webp');
  });

  it('refuses 10 photos and duplicates', async () => {
    const photos = await Promise.all(Array.from({ length: 10 }, () => photo(t, s.id)));
    const ten = await post(itemBody({ imageIds: photos.map((p) => p.id) }));
    expectProblem(ten, 400, 'validation_failed');
    expect(fieldsOf(ten)).toEqual(['imageIds']);
    const p = photos[0]?.id;
    expectProblem(await post(itemBody({ imageIds: [p, p] })), 400, 'validation_failed');
  });

  it('refuses someone else’s photo, an avatar and an unknown id with 422, leaving nothing behind', async () => {
    const other = await seller(t);
    const theirs = await photo(t, other.id);
    const mine = await photo(t, s.id);
    const before = await countItems();
    const r = await post(itemBody({ imageIds: [mine.id, theirs.id, 'ffffffffffffffff'] }));
    expectProblem(r, 422, 'invalid_media');
    expect(fieldsOf(r)).toEqual(['imageIds.1', 'imageIds.2']);
    const avatar = await storeImage(t.deps, s.id, await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer(), 'avatar');
    expectProblem(await post(itemBody({ imageIds: [avatar.id] })), 422, 'invalid_media');
    expect(await countItems()).toBe(before);
    expect(await t.db.selectFrom('itemImages').selectAll().where('mediaId', '=', mine.id).execute()).toEqual([]);
  });
});

describe('location', () => {
  it('stores 3 decimals (~100 m) and computes distanceKm from the stored point', async () => {
    const r = await post(itemBody({ location: { lat: 31.2304567, lng: 121.4737123, label: '静安寺' } }));
    expect(r.json.location).toEqual({ lat: 31.23, lng: 121.474, label: '静安寺' });
    const row = await t.db.selectFrom('items').select(['lat', 'lng']).where('id', '=', r.json.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ lat: 31.23, lng: 121.474 });
    // Asking from the exact unrounded spot gives the distance to the stored point, not 0.
    const here = await t.req('GET', `/items/${r.json.id}?lat=31.2304567&lng=121.4737123`);
    expect(here.json.distanceKm).toBe(0.1);
    // 0.016° of longitude east of the stored point at this latitude: ~1.5 km.
    const far = await t.req('GET', `/items/${r.json.id}?lat=31.2304&lng=121.4900`);
    expect(far.json.distanceKm).toBeCloseTo(1.5, 0);
    expectProblem(await t.req('GET', `/items/${r.json.id}?lat=31.2`), 400, 'validation_failed');
    expectProblem(await t.req('GET', `/items/${r.json.id}?lat=abc&lng=1`), 400, 'validation_failed');
  });

  it('has no distance for an item without a location', async () => {
    const r = await post(itemBody());
    expect((await t.req('GET', `/items/${r.json.id}?lat=31&lng=121`)).json.distanceKm).toBeNull();
  });
});

describe('GET /items/:id', () => {
  it('is public, 404 for unknown ids, 400 for malformed ones', async () => {
    const it = await listItem(t, s.token);
    expect((await t.req('GET', `/items/${it.id}`)).status).toBe(200);
    expectProblem(await t.req('GET', '/items/ffffffffffffffff'), 404, 'not_found');
    expectProblem(await t.req('GET', '/items/nope'), 400, 'validation_failed');
  });

  it('hides the items of a banned seller', async () => {
    const u = await seller(t);
    const it = await listItem(t, u.token);
    await t.db.updateTable('users').set({ status: 'banned' }).where('id', '=', u.id).execute();
    expectProblem(await t.req('GET', `/items/${it.id}`), 404, 'not_found');
  });
});
