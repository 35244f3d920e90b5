// Stall hosts (电子地摊帖, issue 15 item 12) over HTTP: rules refuse item comments that break
// them, naming the rule; only the host sets rules, pins and closes; pinned comments come first.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { listItem, seller } from '../items/fixtures.ts';
import { comment, note } from './fixtures.ts';

const t = await createTestApp();

const NO_RULES = { pickupOnly: false, area: null, categories: null, maxPrice: null };
const PLACE = { label: '五道口', lat: 39.992, lng: 116.338 };

async function stall(rules: Record<string, unknown> = {}) {
  const host = await seller(t);
  const n = await note(t, host.token, { title: '借楼出闲置，周六下午自提', kind: 'stall', location: PLACE });
  const r = await t.req('PUT', `/notes/${n.id}/stall/rules`, { token: host.token, body: { ...NO_RULES, ...rules } });
  expect(r.status, r.text).toBe(200);
  return { host, id: n.id as string, note: r.json };
}

async function offer(noteId: string, token: string, itemId: string) {
  return t.req('POST', `/notes/${noteId}/comments`, { token, body: { body: '借楼', itemId } });
}

describe('stall rules', () => {
  it('are shown on the note in words, and an empty set clears them', async () => {
    const { host, id, note: n } = await stall({ pickupOnly: true, maxPrice: 5000, categories: ['books', 'clothing'] });
    expect(n.stall).toMatchObject({ rules: { pickupOnly: true, maxPrice: 5000, categories: ['books', 'clothing'], area: null }, closedAt: null });
    expect(n.stall.ruleTexts.map((r: { rule: string }) => r.rule)).toEqual(['pickup_only', 'category', 'price_cap']);
    expect(n.stall.ruleTexts[2]).toMatchObject({ 'zh-CN': '价格不超过 ¥50', en: 'Priced at most ¥50' });
    const visitor = await t.req('GET', `/notes/${id}`);
    expect(visitor.json.stall.ruleTexts).toHaveLength(3);
    const cleared = await t.req('PUT', `/notes/${id}/stall/rules`, { token: host.token, body: {} });
    expect(cleared.json.stall).toEqual({ rules: NO_RULES, ruleTexts: [], closedAt: null });
    // An ordinary note has no stall.
    const plain = await note(t, host.token, { title: '今天的晚霞' });
    expect(plain.stall).toBeNull();
    expectProblem(await t.req('PUT', `/notes/${plain.id}/stall/rules`, { token: host.token, body: { pickupOnly: true } }), 422, 'not_a_stall');
  });

  it('refuse bad rules as 400', async () => {
    const { host, id } = await stall();
    expectProblem(await t.req('PUT', `/notes/${id}/stall/rules`, { token: host.token, body: { maxPrice: -1 } }), 400, 'validation_failed');
    expectProblem(await t.req('PUT', `/notes/${id}/stall/rules`, { token: host.token, body: { categories: ['spaceships'] } }), 400, 'validation_failed');
    expectProblem(await t.req('PUT', `/notes/${id}/stall/rules`, { token: host.token, body: { area: { label: '五道口', lat: 91, lng: 0, radiusKm: 2 } } }), 400, 'validation_failed');
  });

  it('pickup only: a shipping-only item is refused with the rule in words; a pickup one is taken', async () => {
    const { id } = await stall({ pickupOnly: true });
    const s = await seller(t);
    const shipOnly = await listItem(t, s.token, { delivery: ['shipping'], shippingFee: 800 });
    const r = await offer(id, s.token, shipOnly.id);
    expectProblem(r, 422, 'stall_rule_broken');
    expect(r.json).toMatchObject({ rule: 'pickup_only', reason: 'pickup_only', ruleText: { 'zh-CN': '只收可自提的宝贝', en: 'Local pickup items only' } });
    expect(r.json.detail).toContain('Local pickup items only');
    expect(r.json.errors[0].path).toBe('itemId');
    const pickup = await listItem(t, s.token, { delivery: ['pickup'], shippingFee: undefined });
    expect((await offer(id, s.token, pickup.id)).status).toBe(201);
    // Nothing was written for the refused one: the grid has the pickup item only.
    const grid = await t.req('GET', `/notes/${id}/items`);
    expect(grid.json.items.map((e: { item: { id: string } }) => e.item.id)).toEqual([pickup.id]);
  });

  it('an area: items farther than the radius, or with no place, are refused', async () => {
    const { id } = await stall({ area: { ...PLACE, radiusKm: 3 } });
    const s = await seller(t);
    const far = await listItem(t, s.token, { location: { lat: 39.908, lng: 116.397, label: '天安门' } }); // ~11 km
    const nowhere = await listItem(t, s.token, {});
    const near = await listItem(t, s.token, { location: { lat: 39.999, lng: 116.326, label: '清华' } }); // ~1.3 km
    for (const item of [far, nowhere]) {
      const r = await offer(id, s.token, item.id);
      expectProblem(r, 422, 'stall_rule_broken');
      expect(r.json.rule).toBe('area');
      expect(r.json.ruleText['zh-CN']).toBe('只收五道口附近 3 公里内的宝贝');
    }
    expect((await offer(id, s.token, near.id)).status).toBe(201);
  });

  it('categories and a price cap', async () => {
    const { id } = await stall({ categories: ['books'], maxPrice: 3000 });
    const s = await seller(t);
    const sofa = await listItem(t, s.token, { category: 'furniture', price: 2000 });
    const dearBook = await listItem(t, s.token, { title: '考研数学全套', category: 'books', price: 3001 });
    const book = await listItem(t, s.token, { title: '考研英语真题', category: 'books', price: 3000 });
    const r1 = await offer(id, s.token, sofa.id);
    expectProblem(r1, 422, 'stall_rule_broken');
    expect(r1.json).toMatchObject({ rule: 'category', ruleText: { 'zh-CN': '只收图书', en: 'Only Books' } });
    const r2 = await offer(id, s.token, dearBook.id);
    expectProblem(r2, 422, 'stall_rule_broken');
    expect(r2.json).toMatchObject({ rule: 'price_cap', ruleText: { 'zh-CN': '价格不超过 ¥30' } });
    expect((await offer(id, s.token, book.id)).status).toBe(201);
    // Words without an item are never held to the rules; replies carrying items are.
    const plain = await comment(t, s.token, id, { body: '有数学的吗' });
    expect(plain.id).toBeTruthy();
    const reply = await t.req('POST', `/notes/${id}/comments`, { token: s.token, body: { body: '这个呢', parentId: plain.id, itemId: sofa.id } });
    expectProblem(reply, 422, 'stall_rule_broken');
  });

  it('only the host sets them; visitors are 401', async () => {
    const { id } = await stall();
    const other = await t.user();
    expectProblem(await t.req('PUT', `/notes/${id}/stall/rules`, { token: other.token, body: { pickupOnly: true } }), 403, 'not_author');
    expect((await t.req('PUT', `/notes/${id}/stall/rules`, { body: { pickupOnly: true } })).status).toBe(401);
    expectProblem(await t.req('PUT', '/notes/0000000000000000/stall/rules', { token: other.token, body: {} }), 404, 'not_found');
  });
});

describe('closing a stall', () => {
  it('takes no new item comments; what was offered stays; words are still welcome; reopening takes items again', async () => {
    const { host, id } = await stall();
    const s = await seller(t);
    const before = await listItem(t, s.token, {});
    expect((await offer(id, s.token, before.id)).status).toBe(201);
    const other = await t.user();
    expectProblem(await t.req('POST', `/notes/${id}/stall/close`, { token: other.token }), 403, 'not_author');
    const closed = await t.req('POST', `/notes/${id}/stall/close`, { token: host.token });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.json.stall.closedAt).toEqual(expect.any(String));
    // Closing twice changes nothing.
    expect((await t.req('POST', `/notes/${id}/stall/close`, { token: host.token })).json.stall.closedAt).toBe(closed.json.stall.closedAt);
    const after = await listItem(t, s.token, {});
    expectProblem(await offer(id, s.token, after.id), 409, 'stall_closed');
    expect((await comment(t, s.token, id, { body: '摊主下次什么时候出？' })).id).toBeTruthy();
    const grid = await t.req('GET', `/notes/${id}/items`);
    expect(grid.json.items.map((e: { item: { id: string } }) => e.item.id)).toEqual([before.id]);
    const reopened = await t.req('POST', `/notes/${id}/stall/reopen`, { token: host.token });
    expect(reopened.json.stall.closedAt).toBeNull();
    expect((await offer(id, s.token, after.id)).status).toBe(201);
  });
});

describe('pinned comments', () => {
  it('the host pins up to 3 top-level comments; they open the first page and are not repeated on later pages', async () => {
    const { host, id } = await stall();
    const s = await t.user();
    const cs = [];
    for (let i = 0; i < 6; i++) cs.push(await comment(t, s.token, id, { body: `第 ${i} 楼` }));
    const [c0, c1, c2, c3] = cs as [{ id: string }, { id: string }, { id: string }, { id: string }];
    expectProblem(await t.req('PUT', `/comments/${c0.id}/pin`, { token: s.token }), 403, 'not_author');
    for (const c of [c0, c2, c1]) expect((await t.req('PUT', `/comments/${c.id}/pin`, { token: host.token })).status).toBe(204);
    expect((await t.req('PUT', `/comments/${c0.id}/pin`, { token: host.token })).status).toBe(204); // again: nothing changes
    expectProblem(await t.req('PUT', `/comments/${c3.id}/pin`, { token: host.token }), 409, 'too_many_pinned');
    const reply = await comment(t, s.token, id, { body: '回复', parentId: c3.id });
    const first = await t.req('GET', `/notes/${id}/comments?limit=2`);
    expect(first.json.items.map((c: { id: string }) => c.id)).toEqual([c0.id, c2.id, c1.id, cs[5]?.id, cs[4]?.id]);
    expect(first.json.items.map((c: { pinned: boolean }) => c.pinned)).toEqual([true, true, true, false, false]);
    const second = await t.req('GET', `/notes/${id}/comments?limit=2&cursor=${first.json.nextCursor}`);
    expect(second.json.items.map((c: { id: string }) => c.id)).toEqual([c3.id]);
    expectProblem(await t.req('PUT', `/comments/${reply.id}/pin`, { token: host.token }), 422, 'not_top_level');
    expect((await t.req('DELETE', `/comments/${c2.id}/pin`, { token: host.token })).status).toBe(204);
    expect((await t.req('PUT', `/comments/${c3.id}/pin`, { token: host.token })).status).toBe(204);
    const again = await t.req('GET', `/notes/${id}/comments?limit=20`);
    expect(again.json.items.slice(0, 3).map((c: { id: string }) => c.id)).toEqual([c0.id, c1.id, c3.id]);
    expect(again.json.items).toHaveLength(6);
  });

  it('only on a stall note', async () => {
    const host = await t.user();
    const n = await note(t, host.token, { title: '普通笔记' });
    const c = await comment(t, host.token, n.id);
    expectProblem(await t.req('PUT', `/comments/${c.id}/pin`, { token: host.token }), 422, 'not_a_stall');
  });
});
