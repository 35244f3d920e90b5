// 想要, view counts and an item's note over HTTP (issue 15 item 11).
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { listItem, seller } from '../items/fixtures.ts';
import { note } from '../notes/fixtures.ts';

const t = await createTestApp();

const view = (id: string, opts: { token?: string; ua?: string } = {}) =>
  t.req('GET', `/items/${id}`, { token: opts.token, headers: { 'user-agent': opts.ua ?? 'test-browser' } });

describe('想要 (item collects)', () => {
  it('counts each member once, undoes, refuses the seller, visitors and unknown items', async () => {
    const shop = await seller(t);
    const item = await listItem(t, shop.token);
    const [a, b] = [await t.user(), await t.user()];
    expect((await view(item.id, { token: a.token })).json).toMatchObject({ collectCount: 0, collectedByMe: false });
    expect((await t.req('PUT', `/items/${item.id}/collect`, { token: a.token })).status).toBe(204);
    expect((await t.req('PUT', `/items/${item.id}/collect`, { token: a.token })).status).toBe(204);
    expect((await t.req('PUT', `/items/${item.id}/collect`, { token: b.token })).status).toBe(204);
    expect((await view(item.id, { token: a.token })).json).toMatchObject({ collectCount: 2, collectedByMe: true });
    expect((await view(item.id)).json).toMatchObject({ collectCount: 2, collectedByMe: false });
    expect((await t.req('DELETE', `/items/${item.id}/collect`, { token: a.token })).status).toBe(204);
    expect((await t.req('DELETE', `/items/${item.id}/collect`, { token: a.token })).status).toBe(204);
    expect((await view(item.id, { token: a.token })).json).toMatchObject({ collectCount: 1, collectedByMe: false });
    expectProblem(await t.req('PUT', `/items/${item.id}/collect`, { token: shop.token }), 403, 'own_item');
    expectProblem(await t.req('PUT', `/items/${item.id}/collect`), 401, 'unauthenticated');
    expectProblem(await t.req('PUT', '/items/0000000000000000/collect', { token: a.token }), 404, 'not_found');
  });
});

describe('view counts', () => {
  it('one per member or visitor per item per Beijing day; the seller is not counted', async () => {
    const shop = await seller(t);
    const item = await listItem(t, shop.token);
    const member = await t.user();
    expect((await view(item.id, { ua: 'visitor-one' })).json.viewCount).toBe(1);
    expect((await view(item.id, { ua: 'visitor-one' })).json.viewCount).toBe(1);
    expect((await view(item.id, { ua: 'visitor-two' })).json.viewCount).toBe(2);
    expect((await view(item.id, { token: member.token })).json.viewCount).toBe(3);
    expect((await view(item.id, { token: member.token, ua: 'another-device' })).json.viewCount).toBe(3);
    expect((await view(item.id, { token: shop.token })).json.viewCount).toBe(3);
    t.clock.advance(24 * 3_600_000);
    expect((await view(item.id, { token: member.token })).json.viewCount).toBe(4);
    expect((await view(item.id, { ua: 'visitor-one' })).json.viewCount).toBe(5);
    // One mark per viewer and day, nothing more.
    const marks = await t.db.selectFrom('itemViewMarks').select('viewer').where('itemId', '=', item.id).execute();
    expect(marks).toHaveLength(5);
  });

  it('prunes marks older than yesterday without touching the counts', async () => {
    const shop = await seller(t);
    const item = await listItem(t, shop.token);
    await view(item.id, { ua: 'old-visitor' });
    t.clock.advance(3 * 24 * 3_600_000);
    await view(item.id, { ua: 'new-visitor' });
    const { engagementSweeps } = await import('./service.ts');
    const pruned = await engagementSweeps[0]?.run(t.deps);
    expect(pruned).toBeGreaterThanOrEqual(1);
    expect(await t.db.selectFrom('itemViewMarks').select('viewer').where('itemId', '=', item.id).execute()).toHaveLength(1);
    expect((await view(item.id, { ua: 'new-visitor' })).json.viewCount).toBe(2);
  });
});

describe("an item's note", () => {
  it('links to the newest visible note that carries it, and null without one', async () => {
    const shop = await seller(t);
    const item = await listItem(t, shop.token);
    const lone = await listItem(t, shop.token, { title: '台灯' });
    const n = await note(t, shop.token, { body: '出沙发 #搬家清仓', itemIds: [item.id] });
    expect((await view(item.id)).json.noteId).toBe(n.id);
    expect((await view(lone.id)).json.noteId).toBeNull();
    expect((await t.req('DELETE', `/notes/${n.id}`, { token: shop.token })).status).toBe(204);
    expect((await view(item.id)).json.noteId).toBeNull();
  });
});

describe('editing is the author’s only', () => {
  it('PATCH of another member’s note or item is refused and changes nothing', async () => {
    const shop = await seller(t);
    const other = await seller(t);
    const item = await listItem(t, shop.token);
    const n = await note(t, shop.token, { body: '原文' });
    expect((await t.req('PATCH', `/notes/${n.id}`, { token: other.token, body: { title: '改了' } })).status).toBe(403);
    expect((await t.req('PATCH', `/items/${item.id}`, { token: other.token, body: { price: 1 } })).status).toBe(403);
    expect((await t.req('GET', `/notes/${n.id}`)).json.title).toBe(n.title);
    expect((await view(item.id)).json.price).toBe(item.price);
  });
});

describe('price drops', () => {
  it('tell the members who want the item (once each, even if they also collected its note), never the seller', async () => {
    const shop = await seller(t);
    const item = await listItem(t, shop.token, { price: 9000 });
    const n = await note(t, shop.token, { body: '出', itemIds: [item.id] });
    const [fan, both, bystander] = [await t.user(), await t.user(), await t.user()];
    await t.req('PUT', `/items/${item.id}/collect`, { token: fan.token });
    await t.req('PUT', `/items/${item.id}/collect`, { token: both.token });
    await t.req('PUT', `/notes/${n.id}/collect`, { token: both.token });
    const drops = async (u: { token: string }) =>
      (await t.req('GET', '/notifications', { token: u.token })).json.items.filter((x: { type: string }) => x.type === 'price_drop');
    expect((await t.req('PATCH', `/items/${item.id}`, { token: shop.token, body: { price: 9500 } })).status).toBe(200);
    expect(await drops(fan)).toHaveLength(0);
    expect((await t.req('PATCH', `/items/${item.id}`, { token: shop.token, body: { price: 8000 } })).status).toBe(200);
    expect(await drops(fan)).toHaveLength(1);
    expect(await drops(both)).toHaveLength(1);
    expect(await drops(bystander)).toHaveLength(0);
    expect(await drops(shop)).toHaveLength(0);
    expect((await drops(fan))[0]?.data).toMatchObject({ price: 8000, oldPrice: 9500 });
  });
});

describe('personal data', () => {
  it('想要 is in the member’s export and leaves with their account (the count follows)', async () => {
    const shop = await seller(t);
    const item = await listItem(t, shop.token);
    const fan = await t.user();
    await t.req('PUT', `/items/${item.id}/collect`, { token: fan.token });
    const x = await t.req('GET', '/me/export', { token: fan.token });
    expect(x.json.wants.map((w: { itemId: string }) => w.itemId)).toEqual([item.id]);
    expect((await view(item.id)).json.collectCount).toBe(1);
    expect((await t.req('DELETE', '/me', { token: fan.token, body: { password: 'correct-horse-9' } })).status).toBe(204);
    expect((await view(item.id)).json.collectCount).toBe(0);
    expect(await t.db.selectFrom('itemCollects').select('itemId').where('userId', '=', fan.id).execute()).toEqual([]);
  });
});
