// The #话题 page, seller stats and report validation over HTTP (issue 15 item 11).
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { staff } from '../admin/fixtures.ts';
import { listItem, seller } from '../items/fixtures.ts';
import { note, walk } from '../notes/fixtures.ts';

const t = await createTestApp();

describe('tag page', () => {
  it('lists notes with the tag newest first in keyset pages, under any spelling of the tag', async () => {
    const a = await t.user();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await note(t, a.token, { title: `露营 ${i}`, body: `周末 #露营装备 第${i}次` })).id);
      t.clock.advance(1000);
    }
    const explicit = await note(t, a.token, { title: '帐篷', tags: ['露营装备'] });
    await note(t, a.token, { title: '别的', body: '#摄影' });
    const walked = await walk(t, `/tags/${encodeURIComponent('露营装备')}/notes`, undefined, 2);
    expect(walked).toEqual([explicit.id, ...ids.reverse()]);
    const spelled = await t.req('GET', `/tags/${encodeURIComponent('＃露营装备#')}/notes`);
    expect(spelled.json.tag).toBe('露营装备');
    expect(spelled.json.items).toHaveLength(6);
    expect(spelled.json.items[0]).toMatchObject({ id: explicit.id, title: '帐篷', author: { id: a.id } });
    expectProblem(await t.req('GET', `/tags/${encodeURIComponent('###')}/notes`), 400, 'invalid_tag');
    expectProblem(await t.req('GET', '/tags/a%00b/notes'), 400, 'invalid_tag');
    expectProblem(await t.req('GET', '/tags/a%00b/items'), 400, 'invalid_tag');
    expectProblem(await t.req('GET', `/tags/${'长'.repeat(21)}/notes`), 400, 'invalid_tag');
    expectProblem(await t.req('GET', `/tags/${encodeURIComponent('露营装备')}/notes?cursor=garbage`), 400, 'invalid_cursor');
  });

  it('follows edits and deletions of a note', async () => {
    const a = await t.user();
    const n = await note(t, a.token, { body: '#旧话题 内容' });
    const list = async (tag: string) => (await t.req('GET', `/tags/${encodeURIComponent(tag)}/notes`)).json.items.map((x: { id: string }) => x.id);
    expect(await list('旧话题')).toEqual([n.id]);
    expect((await t.req('PATCH', `/notes/${n.id}`, { token: a.token, body: { body: '#新话题 内容' } })).status).toBe(200);
    expect(await list('旧话题')).toEqual([]);
    expect(await list('新话题')).toEqual([n.id]);
    expect((await t.req('DELETE', `/notes/${n.id}`, { token: a.token })).status).toBe(204);
    expect(await list('新话题')).toEqual([]);
  });

  it('lists the items on sale carried by notes with the tag', async () => {
    const shop = await seller(t);
    const lamp = await listItem(t, shop.token, { title: '露营灯' });
    const tent = await listItem(t, shop.token, { title: '帐篷' });
    const other = await listItem(t, shop.token, { title: '书' });
    await note(t, shop.token, { body: '#户外清仓', itemIds: [lamp.id, tent.id] });
    await note(t, shop.token, { body: '#读书', itemIds: [other.id] });
    expect((await t.req('POST', `/items/${tent.id}/withdraw`, { token: shop.token })).status).toBe(200);
    const r = await t.req('GET', `/tags/${encodeURIComponent('户外清仓')}/items`);
    expect(r.status).toBe(200);
    expect(r.json.items.map((i: { id: string }) => i.id)).toEqual([lamp.id]);
    expect(r.json.items[0]).toMatchObject({ title: '露营灯', status: 'on_sale', seller: { id: shop.id } });
  });

  it('reads a page from note_tags_page (EXPLAIN)', async () => {
    const plan = await sql<{ 'QUERY PLAN': string }>`
      EXPLAIN SELECT n.id FROM note_tags nt JOIN notes n ON n.id = nt.note_id
      WHERE nt.tag = '露营装备' ORDER BY nt.created_at DESC, nt.note_id DESC LIMIT 21`.execute(t.db);
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toMatch(/note_tags_page|note_tags_pkey/);
    expect(text).not.toMatch(/Seq Scan on note_tags/);
  });
});

describe('seller stats', () => {
  it('items sold, response rate within 24 h and the median first reply over 90 days', async () => {
    const shop = await seller(t);
    const item = await listItem(t, shop.token, { quantity: 3, delivery: ['pickup'], shippingFee: undefined });
    const [b0, b1, b2, b3] = [await t.user(), await t.user(), await t.user(), await t.user()] as const;
    const talk = async (from: { token: string }, peerId: string, text: string) => {
      const c = await t.req('POST', '/conversations', { token: from.token, body: { peerId, itemId: item.id } });
      const m = await t.req('POST', `/conversations/${c.json.id}/messages`, { token: from.token, body: { text } });
      if (m.status !== 201) throw new Error(`message: ${m.status} ${m.text}`);
      return { conversationId: c.json.id as string, messageId: m.json.id as string };
    };
    const at = (id: string, minutesAgo: number) =>
      t.db.updateTable('messages').set({ createdAt: new Date(t.clock.now().getTime() - minutesAgo * 60_000) }).where('id', '=', id).execute();
    // Buyer 0: answered after 10 minutes. Buyer 1: after 30 hours (late). Buyer 2: never.
    const c0 = await talk(b0, shop.id, '还在吗');
    const r0 = await talk(shop, b0.id, '在的');
    await at(c0.messageId, 100);
    await at(r0.messageId, 90);
    const c1 = await talk(b1, shop.id, '能便宜吗');
    const r1 = await talk(shop, b1.id, '不好意思才看到');
    await at(c1.messageId, 40 * 60);
    await at(r1.messageId, 10 * 60);
    await talk(b2, shop.id, '包邮吗');
    // An old conversation (100 days ago) is out of the window.
    const old = await talk(b3, shop.id, '老问题');
    await at(old.messageId, 100 * 24 * 60);
    // One completed sale of two units.
    const o = await t.req('POST', '/orders', { token: b0.token, body: { itemId: item.id, delivery: 'pickup', quantity: 2 } });
    expect(o.status).toBe(201);
    await t.req('POST', `/orders/${o.json.id}/pay`, { token: b0.token });
    const done = await t.req('POST', `/orders/${o.json.id}/handover`, { token: shop.token, body: { pickupCode: o.json.pickupCode } });
    expect(done.json.status).toBe('completed');

    const s = await t.req('GET', `/users/${shop.id}/seller-stats`);
    expect(s.status).toBe(200);
    expect(s.json).toMatchObject({ itemsSold: 2, conversations: 3, responseRate: 0.333, windowDays: 90 });
    // Replies after 10 min and 30 h: the median of two is their mean, 15 h 5 min.
    expect(s.json.medianResponseSeconds).toBe((10 * 60 + 30 * 3600) / 2);

    const quiet = await t.user();
    expect((await t.req('GET', `/users/${quiet.id}/seller-stats`)).json).toMatchObject({
      itemsSold: 0, conversations: 0, responseRate: null, medianResponseSeconds: null,
    });
    expectProblem(await t.req('GET', '/users/0000000000000000/seller-stats'), 404, 'not_found');
  });
});

describe('reports on notes and items', () => {
  it('go to the moderation queue; unknown targets are 404, one’s own 422, bad reasons 400', async () => {
    const shop = await seller(t);
    const item = await listItem(t, shop.token);
    const n = await note(t, shop.token, { body: '出闲置' });
    const member = await t.user();
    const post = (body: Record<string, unknown>, token = member.token) => t.req('POST', '/reports', { token, body });
    expect((await post({ targetType: 'note', targetId: n.id, reason: 'spam', detail: '广告' })).status).toBe(201);
    expect((await post({ targetType: 'item', targetId: item.id, reason: 'counterfeit' })).status).toBe(201);
    expectProblem(await post({ targetType: 'item', targetId: item.id, reason: 'spam' }), 409, 'already_reported');
    expectProblem(await post({ targetType: 'note', targetId: '0000000000000000', reason: 'spam' }), 404, 'not_found');
    expectProblem(await post({ targetType: 'item', targetId: '0000000000000000', reason: 'spam' }), 404, 'not_found');
    expectProblem(await post({ targetType: 'note', targetId: n.id, reason: 'spam' }, shop.token), 422, 'cannot_report_own');
    expectProblem(await post({ targetType: 'note', targetId: n.id, reason: 'boring' }), 400, 'validation_failed');
    expectProblem(await post({ targetType: 'note', targetId: n.id, reason: 'spam', detail: 'x'.repeat(501) }), 400, 'validation_failed');
    const mod = await staff(t, 'moderator');
    const queue = await t.req('GET', '/admin/reports?status=open', { token: mod.token });
    const mine = queue.json.items.filter((r: { targetId: string }) => r.targetId === n.id || r.targetId === item.id);
    expect(mine.map((r: { targetType: string; reasons: string[] }) => [r.targetType, r.reasons]).sort()).toEqual([
      ['item', ['counterfeit']],
      ['note', ['spam']],
    ]);
  });
});
