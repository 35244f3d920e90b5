// PATCH /items/:id, withdraw and relist: who may, what each edit does to stock and state, and
// that a refused edit changes nothing.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { itemBody, listItem, photo, seller } from './fixtures.ts';

const t = await createTestApp();
const s = await seller(t);
const other = await seller(t);

const patch = (id: string, body: unknown, token = s.token) => t.req('PATCH', `/items/${id}`, { token, body });
const fieldsOf = (r: { json: { errors?: { path: string }[] } }) => (r.json.errors ?? []).map((e) => e.path);
/** What an order reserving `q` units does (the orders module's guarded statement). */
const reserve = (id: string, q: number) =>
  sql`UPDATE items SET available = available - ${q} WHERE id = ${id} AND available >= ${q} AND status = 'on_sale'`.execute(t.db);

describe('PATCH /items/:id', () => {
  it('edits any create field, bumps version and updatedAt, keeps createdAt', async () => {
    const it0 = await listItem(t, s.token);
    t.clock.advance(60_000);
    const p = await photo(t, s.id);
    const r = await patch(it0.id, {
      title: '布艺沙发（降价）',
      description: '周末可自提',
      price: 3900,
      category: 'home',
      condition: 'light_wear',
      imageIds: [p.id],
      location: { lat: 31.2222222, lng: 121.4444444 },
    });
    t.clock.advance(-60_000);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      title: '布艺沙发（降价）',
      description: '周末可自提',
      price: 3900,
      category: 'home',
      condition: 'light_wear',
      location: { lat: 31.222, lng: 121.444, label: '' },
      version: 2,
      createdAt: it0.createdAt,
    });
    expect(r.json.images.map((i: { id: string }) => i.id)).toEqual([p.id]);
    expect(Date.parse(r.json.updatedAt) - Date.parse(it0.updatedAt)).toBeGreaterThanOrEqual(60_000);
    const cleared = await patch(it0.id, { imageIds: [], location: null, condition: null });
    expect(cleared.json).toMatchObject({ images: [], location: null, condition: null, version: 3 });
  });

  it('an empty patch changes nothing, not even the version', async () => {
    const it0 = await listItem(t, s.token);
    const r = await patch(it0.id, {});
    expect(r.status).toBe(200);
    expect(r.json.version).toBe(1);
  });

  it('applies the create rules: cap, types, quantity bounds, categories, photos', async () => {
    const it0 = await listItem(t, s.token);
    for (const [body, field] of [
      [{ price: 1_000_001 }, 'price'],
      [{ price: -5 }, 'price'],
      [{ price: 10.5 }, 'price'],
      [{ quantity: 0 }, 'quantity'],
      [{ quantity: 1000 }, 'quantity'],
      [{ delivery: ['online', 'online'] }, 'delivery'],
      [{ category: 'cars' }, 'category'],
      [{ condition: 'mint' }, 'condition'],
      [{ title: '' }, 'title'],
    ] as const) {
      const r = await patch(it0.id, body);
      expectProblem(r, 400, 'validation_failed');
      expect(fieldsOf(r)).toEqual([field]);
    }
    const theirs = await photo(t, other.id);
    expectProblem(await patch(it0.id, { imageIds: [theirs.id] }), 422, 'invalid_media');
    const after = await t.req('GET', `/items/${it0.id}`);
    const { viewCount: _v, collectCount: _c, collectedByMe: _m, noteId: _n, ...read } = after.json;
    expect(read).toEqual({ ...it0, seller: after.json.seller });
  });

  it('keeps the shipping fee consistent with the delivery methods', async () => {
    const it0 = await listItem(t, s.token, { delivery: ['pickup'], shippingFee: undefined });
    // Starting to ship needs a fee.
    const noFee = await patch(it0.id, { delivery: ['pickup', 'shipping'] });
    expectProblem(noFee, 400, 'validation_failed');
    expect(fieldsOf(noFee)).toEqual(['shippingFee']);
    expectProblem(await patch(it0.id, { shippingFee: 500 }), 400, 'validation_failed');
    const ships = await patch(it0.id, { delivery: ['pickup', 'shipping'], shippingFee: 800 });
    expect(ships.json).toMatchObject({ delivery: ['pickup', 'shipping'], shippingFee: 800 });
    // An item that ships keeps its fee through other edits, and may change it alone.
    expect((await patch(it0.id, { price: 100 })).json.shippingFee).toBe(800);
    expect((await patch(it0.id, { shippingFee: 0 })).json.shippingFee).toBe(0);
    expect((await patch(it0.id, { shippingFee: 1200 })).json.shippingFee).toBe(1200);
    expectProblem(await patch(it0.id, { shippingFee: null }), 400, 'validation_failed');
    // Dropping shipping drops the fee.
    expect((await patch(it0.id, { delivery: ['online'] })).json).toMatchObject({ delivery: ['online'], shippingFee: 0 });
  });

  it('price 0 turns an item into a free giveaway', async () => {
    const it0 = await listItem(t, s.token);
    expect((await patch(it0.id, { price: 0 })).json).toMatchObject({ price: 0, free: true });
  });

  it('refuses other members (403), strangers (401) and unknown items (404)', async () => {
    const it0 = await listItem(t, s.token);
    expectProblem(await patch(it0.id, { price: 1 }, other.token), 403, 'not_item_owner');
    expectProblem(await t.req('PATCH', `/items/${it0.id}`, { body: { price: 1 } }), 401, 'unauthenticated');
    expectProblem(await patch('ffffffffffffffff', { price: 1 }), 404, 'not_found');
    expect((await t.req('GET', `/items/${it0.id}`)).json.price).toBe(4900);
  });
});

describe('quantity edits keep reserved and sold units taken', () => {
  it('moves available by the difference and refuses going below what is taken', async () => {
    const it0 = await listItem(t, s.token, { quantity: 5 });
    await reserve(it0.id, 3); // 3 taken, 2 available
    expect((await patch(it0.id, { quantity: 8 })).json).toMatchObject({ quantity: 8, available: 5, status: 'on_sale' });
    expect((await patch(it0.id, { quantity: 4 })).json).toMatchObject({ quantity: 4, available: 1 });
    const below = await patch(it0.id, { quantity: 2 });
    expectProblem(below, 409, 'quantity_below_reserved');
    expect(below.json.reserved).toBe(3);
    expect(fieldsOf(below)).toEqual(['quantity']);
    // Exactly what is taken: nothing left, so sold out.
    expect((await patch(it0.id, { quantity: 3 })).json).toMatchObject({ quantity: 3, available: 0, status: 'sold_out' });
    // Restocking puts it back on sale.
    expect((await patch(it0.id, { quantity: 6 })).json).toMatchObject({ quantity: 6, available: 3, status: 'on_sale' });
  });
});

describe('stock and state in the database', () => {
  it('is sold out when available hits 0 and back on sale when a reservation is released', async () => {
    const it0 = await listItem(t, s.token, { quantity: 2 });
    expect((await reserve(it0.id, 3)).numAffectedRows).toBe(0n); // never oversold
    expect((await reserve(it0.id, 2)).numAffectedRows).toBe(1n);
    expect((await t.req('GET', `/items/${it0.id}`)).json).toMatchObject({ available: 0, status: 'sold_out' });
    expect((await reserve(it0.id, 1)).numAffectedRows).toBe(0n);
    await sql`UPDATE items SET available = available + 1 WHERE id = ${it0.id}`.execute(t.db);
    expect((await t.req('GET', `/items/${it0.id}`)).json).toMatchObject({ available: 1, status: 'on_sale' });
    // The CHECK backs the rule up: available never exceeds quantity or drops below 0.
    await expect(sql`UPDATE items SET available = 3 WHERE id = ${it0.id}`.execute(t.db)).rejects.toThrow(/items_available_range/);
    await expect(sql`UPDATE items SET available = -1 WHERE id = ${it0.id}`.execute(t.db)).rejects.toThrow(/items_available_range/);
  });

  it('never oversells under concurrent reservations', async () => {
    const it0 = await listItem(t, s.token, { quantity: 5 });
    const results = await Promise.all(Array.from({ length: 12 }, () => reserve(it0.id, 1)));
    expect(results.filter((r) => r.numAffectedRows === 1n)).toHaveLength(5);
    expect((await t.req('GET', `/items/${it0.id}`)).json).toMatchObject({ available: 0, status: 'sold_out' });
  });
});

describe('withdraw and relist', () => {
  it('withdraws (idempotently), then refuses edits until an explicit relist', async () => {
    const it0 = await listItem(t, s.token);
    const w = await t.req('POST', `/items/${it0.id}/withdraw`, { token: s.token });
    expect(w.status).toBe(200);
    expect(w.json).toMatchObject({ status: 'withdrawn', version: 2 });
    const again = await t.req('POST', `/items/${it0.id}/withdraw`, { token: s.token });
    expect(again.json).toMatchObject({ status: 'withdrawn', version: 2 });
    expectProblem(await patch(it0.id, { price: 100 }), 409, 'item_withdrawn');
    expectProblem(await patch(it0.id, {}), 409, 'item_withdrawn');
    // Not buyable: the orders module's guarded statement finds nothing on sale.
    expect((await reserve(it0.id, 1)).numAffectedRows).toBe(0n);
    // Still public, showing its state (a card in an old note must say so).
    expect((await t.req('GET', `/items/${it0.id}`)).json.status).toBe('withdrawn');
    const re = await t.req('POST', `/items/${it0.id}/relist`, { token: s.token });
    expect(re.json).toMatchObject({ status: 'on_sale', version: 3, price: 4900 });
    expect((await t.req('POST', `/items/${it0.id}/relist`, { token: s.token })).json.version).toBe(3);
    expect((await patch(it0.id, { price: 100 })).json.price).toBe(100);
  });

  it('relists a withdrawn item that has no stock as sold out', async () => {
    const it0 = await listItem(t, s.token);
    await reserve(it0.id, 1);
    await t.req('POST', `/items/${it0.id}/withdraw`, { token: s.token });
    expect((await t.req('POST', `/items/${it0.id}/relist`, { token: s.token })).json.status).toBe('sold_out');
  });

  it('only the seller may withdraw or relist', async () => {
    const it0 = await listItem(t, s.token);
    expectProblem(await t.req('POST', `/items/${it0.id}/withdraw`, { token: other.token }), 403, 'not_item_owner');
    expectProblem(await t.req('POST', `/items/${it0.id}/withdraw`), 401, 'unauthenticated');
    expectProblem(await t.req('POST', '/items/ffffffffffffffff/withdraw', { token: s.token }), 404, 'not_found');
    await t.req('POST', `/items/${it0.id}/withdraw`, { token: s.token });
    expectProblem(await t.req('POST', `/items/${it0.id}/relist`, { token: other.token }), 403, 'not_item_owner');
    expect((await t.req('GET', `/items/${it0.id}`)).json.status).toBe('withdrawn');
  });

  it('keeps the terms an order needs to snapshot readable after a withdrawal', async () => {
    const p = await photo(t, s.id);
    const it0 = await listItem(t, s.token, { imageIds: [p.id], ...itemBody({ price: 2500 }) });
    await t.req('POST', `/items/${it0.id}/withdraw`, { token: s.token });
    const got = (await t.req('GET', `/items/${it0.id}`)).json;
    expect(got).toMatchObject({ title: it0.title, price: 2500, shippingFee: 1000, delivery: it0.delivery, condition: 'like_new' });
    expect(got.images[0].id).toBe(p.id);
  });
});
