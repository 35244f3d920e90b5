// GET /feed?tab=nearby: notes with a point within the radius, pickup-friendly first, then by
// distance; a note whose place is only a label is never in it.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { listItem, seller } from '../items/fixtures.ts';

const t = await createTestApp();
const P = { lat: 43.8, lng: 87.6 };
const north = (km: number) => ({ lat: Math.round((P.lat + km / 111.2) * 1000) / 1000, lng: P.lng });
const at = `lat=${P.lat}&lng=${P.lng}`;
const ids: Record<string, string> = {};
const name = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id;

async function nearby(query: string, token?: string) {
  const r = await t.req('GET', `/feed?tab=nearby&${query}`, { token });
  expect(r.status, r.text).toBe(200);
  return r.json as { items: { id: string; distanceKm: number; pickup: boolean }[]; nextCursor: string | null };
}

beforeAll(async () => {
  const s = await seller(t);
  const pickupItem = (await listItem(t, s.token, { title: '自提的台灯', delivery: ['pickup'], shippingFee: null })).id;
  const shippedItem = (await listItem(t, s.token, { title: '只邮寄的书', delivery: ['shipping'], shippingFee: 500 })).id;
  const gone = (await listItem(t, s.token, { title: '已下架的椅子', delivery: ['pickup'], shippingFee: null })).id;
  const note = async (key: string, body: Record<string, unknown>) => {
    const r = await t.req('POST', '/notes', { token: s.token, body: { title: key, ...body } });
    expect(r.status, r.text).toBe(201);
    ids[key] = r.json.id;
  };
  await note('near-plain', { location: north(0.5) });
  await note('mid-pickup', { location: north(4), itemIds: [pickupItem] });
  await note('mid-shipping', { location: north(2), itemIds: [shippedItem] });
  await note('withdrawn-pickup', { location: north(1), itemIds: [gone] });
  await note('far-pickup', { location: north(30), itemIds: [pickupItem] });
  await note('label-only', { location: { label: '乌鲁木齐 天山区' } });
  await note('no-place', {});
  await t.req('POST', `/items/${gone}/withdraw`, { token: s.token });
}, 60_000);

describe('GET /feed?tab=nearby', () => {
  it('lists notes within the radius, pickup-friendly first, then nearest, for visitors', async () => {
    const page = await nearby(`${at}&radiusKm=10`);
    expect(page.items.map((c) => name(c.id))).toEqual(['mid-pickup', 'near-plain', 'withdrawn-pickup', 'mid-shipping']);
    expect(page.items.map((c) => c.pickup)).toEqual([true, false, false, false]);
    const km = page.items.map((c) => c.distanceKm);
    for (const [i, want] of [4, 0.5, 1, 2].entries()) expect(Math.abs((km[i] ?? 0) - want)).toBeLessThanOrEqual(0.11);
    expect(page.nextCursor).toBeNull();
  });

  it('has a default radius of 10 km and a wider one on request; a label-only place never appears', async () => {
    expect((await nearby(at)).items.map((c) => name(c.id))).not.toContain('far-pickup');
    const wide = (await nearby(`${at}&radiusKm=50`)).items.map((c) => name(c.id));
    expect(wide).toEqual(['mid-pickup', 'far-pickup', 'near-plain', 'withdrawn-pickup', 'mid-shipping']);
    expect(wide).not.toContain('label-only');
    expect(wide).not.toContain('no-place');
  });

  it('pages with a cursor without duplicates or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await nearby(`${at}&radiusKm=50&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((c) => name(c.id)));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['mid-pickup', 'far-pickup', 'near-plain', 'withdrawn-pickup', 'mid-shipping']);
  });

  it('leaves out a note an operator hid', async () => {
    const s = await seller(t);
    const r = await t.req('POST', '/notes', { token: s.token, body: { title: 'hidden-soon', location: north(0.2) } });
    expect((await nearby(at)).items.map((c) => c.id)).toContain(r.json.id);
    await t.db.updateTable('notes').set({ hiddenAt: new Date() }).where('id', '=', r.json.id).execute();
    expect((await nearby(at)).items.map((c) => c.id)).not.toContain(r.json.id);
  });

  it('needs a position and refuses bad input', async () => {
    expectProblem(await t.req('GET', '/feed?tab=nearby'), 400, 'position_required');
    expectProblem(await t.req('GET', `/feed?tab=nearby&lat=${P.lat}`), 400, 'validation_failed');
    expectProblem(await t.req('GET', `/feed?tab=nearby&${at}&radiusKm=0`), 400, 'validation_failed');
    expectProblem(await t.req('GET', `/feed?tab=nearby&${at}&radiusKm=101`), 400, 'validation_failed');
    expectProblem(await t.req('GET', `/feed?tab=nearby&${at}&cursor=bm9wZQ`), 400, 'invalid_cursor');
    const me = await t.user();
    expect((await nearby(at, me.token)).items.map((c) => name(c.id))).toEqual(['mid-pickup', 'near-plain', 'withdrawn-pickup', 'mid-shipping']);
  });
});
