// GET /feed?tab=recommended: interest tags from collects, likes, views and searches, followed
// authors, a reason per card, no author twice in a row, stable cursor pages, popular and fresh
// notes for visitors; flagged professional sellers left out (and lower in search).
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { listItem, seller } from '../items/fixtures.ts';
import { diversify } from './recommend-service.ts';

const t = await createTestApp();
type Member = Awaited<ReturnType<typeof t.user>>;
type Card = { id: string; author: { id: string }; reason: { kind: string; tag?: string; via?: string; query?: string } };
let authors: Member[];
const ids: Record<string, string> = {};

async function note(who: Member, key: string, tags: string[], title = key) {
  const r = await t.req('POST', '/notes', { token: who.token, body: { title, tags } });
  expect(r.status, r.text).toBe(201);
  ids[key] = r.json.id;
  return r.json.id as string;
}

async function feed(token?: string, query = '') {
  const r = await t.req('GET', `/feed?tab=recommended${query}`, { token });
  expect(r.status, r.text).toBe(200);
  return r.json as { items: Card[]; nextCursor: string | null };
}

async function all(token?: string) {
  const out: Card[] = [];
  let cursor: string | null = null;
  do {
    const page = await feed(token, `&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

beforeAll(async () => {
  authors = [await t.user(), await t.user(), await t.user()];
  const [a, b, c] = authors as [Member, Member, Member];
  await note(a, 'camp-a1', ['露营'], '周末露营装备分享');
  await note(a, 'camp-a2', ['露营', '户外'], '露营灯怎么选');
  await note(b, 'camp-b1', ['露营'], '第一次露营');
  await note(c, 'camp-c1', ['露营'], '露营帐篷推荐');
  await note(b, 'cook-b', ['烘焙'], '戚风蛋糕');
  await note(c, 'plant-c', ['多肉'], '多肉换盆');
  await note(a, 'fryer-a', ['家电'], '空气炸锅食谱');
}, 60_000);

describe('GET /feed?tab=recommended', () => {
  it('gives visitors popular and fresh notes, each with a reason', async () => {
    const page = await feed();
    expect(page.items.length).toBeGreaterThan(0);
    for (const c of page.items) expect(['popular', 'fresh']).toContain(c.reason.kind);
  });

  it('a member who collected a #露营 note sees the other camping notes first, "because you collected #露营"', async () => {
    const me = await t.user();
    expect((await t.req('PUT', `/notes/${ids['camp-a1']}/collect`, { token: me.token })).status).toBe(204);
    const cards = await all(me.token);
    const camping = ['camp-a2', 'camp-b1', 'camp-c1'].map((k) => ids[k]);
    expect(new Set(cards.slice(0, 3).map((c) => c.id))).toEqual(new Set(camping));
    for (const c of cards.slice(0, 3)) expect(c.reason).toEqual({ kind: 'tag', tag: '露营', via: 'collect' });
    // The collected note itself is not shown again; the rest follow as popular or fresh.
    expect(cards.map((c) => c.id)).not.toContain(ids['camp-a1']);
    expect(cards.map((c) => c.id)).toContain(ids['cook-b']);
  });

  it('learns from likes, views and searches too', async () => {
    const liker = await t.user();
    await t.req('PUT', `/notes/${ids['cook-b']}/like`, { token: liker.token });
    expect(await t.req('GET', `/notes/${ids['plant-c']}`, { token: liker.token })).toMatchObject({ status: 200 });
    expect((await t.req('GET', `/search?type=notes&q=${encodeURIComponent('空气炸锅')}`, { token: liker.token })).status).toBe(200);
    const cards = await all(liker.token);
    const reasonOf = (k: string) => cards.find((c) => c.id === ids[k])?.reason;
    expect(reasonOf('plant-c')).toEqual({ kind: 'tag', tag: '多肉', via: 'view' });
    expect(reasonOf('fryer-a')).toEqual({ kind: 'search', query: '空气炸锅' });
  });

  it('puts followed authors first and never the viewer\'s own notes', async () => {
    const me = await t.user();
    const [, , c] = authors as [Member, Member, Member];
    expect((await t.req('PUT', `/users/${c.id}/follow`, { token: me.token })).status).toBeLessThan(300);
    const mine = await note(me, 'mine', ['露营']);
    const cards = await all(me.token);
    expect(cards[0]?.reason.kind).toBe('followed');
    expect(cards.filter((x) => x.reason.kind === 'followed').map((x) => x.author.id)).toEqual([c.id, c.id]);
    expect(cards.map((x) => x.id)).not.toContain(mine);
  });

  it('pages with a stable cursor: no duplicates, nothing lost, no author twice in a row', async () => {
    const me = await t.user();
    await t.req('PUT', `/notes/${ids['camp-a1']}/like`, { token: me.token });
    const first = await all(me.token);
    const whole = (await feed(me.token, '&limit=50')).items;
    expect(first.map((c) => c.id)).toEqual(whole.map((c) => c.id));
    expect(new Set(first.map((c) => c.id)).size).toBe(first.length);
    for (let i = 1; i < whole.length; i++) {
      // Only when one author is all that is left may they follow themselves.
      if (whole[i]?.author.id === whole[i - 1]?.author.id) {
        expect(new Set(whole.slice(i).map((c) => c.author.id)).size).toBe(1);
      }
    }
    expectProblem(await t.req('GET', '/feed?tab=recommended&cursor=nonsense', { token: me.token }), 400, 'invalid_cursor');
  });

  it('diversify keeps the order but never puts one author twice in a row while others remain', () => {
    const row = (authorId: string, n: number) => ({ row: { authorId }, n });
    const out = diversify([row('a', 1), row('a', 2), row('b', 3), row('a', 4), row('c', 5)]);
    expect(out.map((x) => x.n)).toEqual([1, 3, 2, 5, 4]);
  });

  it("leaves a flagged seller's notes out of a visitor's popular and fresh notes, the others kept in order", async () => {
    const pro = await seller(t);
    const liker = await t.user();
    const proNote = await note(pro, 'pro-popular', ['搬家清仓'], '清仓批发 全新');
    expect((await t.req('PUT', `/notes/${proNote}/like`, { token: liker.token })).status).toBe(204);
    const before = (await all()).map((c) => c.id);
    expect(before).toContain(proNote);
    const now = new Date();
    await t.db.insertInto('sellerFlags').values({ userId: pro.id, status: 'flagged', signals: JSON.stringify([]), flaggedAt: now, evaluatedAt: now }).execute();
    const after = (await all()).map((c) => c.id);
    expect(after).not.toContain(proNote);
    expect(after).toEqual(before.filter((id) => id !== proNote));
    await t.db.deleteFrom('sellerFlags').where('userId', '=', pro.id).execute();
  });

  it('leaves out members the professional-seller guard flagged, and ranks their listings lower in search', async () => {
    const me = await t.user();
    const pro = await seller(t);
    const plain = await seller(t);
    const proNote = await note(pro, 'pro-camp', ['露营'], '露营椅批发');
    await t.req('PUT', `/notes/${ids['camp-b1']}/collect`, { token: me.token });
    expect((await all(me.token)).map((c) => c.id)).toContain(proNote);
    const now = new Date();
    await t.db
      .insertInto('sellerFlags')
      .values({ userId: pro.id, status: 'flagged', signals: JSON.stringify([]), flaggedAt: now, evaluatedAt: now })
      .execute();
    expect((await all(me.token)).map((c) => c.id)).not.toContain(proNote);
    // Search: the same words, the flagged seller's listing newer (fresher) yet ranked below.
    const fair = await listItem(t, plain.token, { title: '折叠露营椅 月亮椅', price: 5000, category: 'sports' });
    const flagged = await listItem(t, pro.token, { title: '折叠露营椅 月亮椅', price: 5000, category: 'sports' });
    const r = await t.req('GET', `/search?q=${encodeURIComponent('露营椅')}`);
    const order = r.json.items.map((i: { id: string }) => i.id);
    expect(order.indexOf(fair.id)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(fair.id)).toBeLessThan(order.indexOf(flagged.id));
    const notes = await t.req('GET', `/search?type=notes&q=${encodeURIComponent('露营')}`);
    expect(notes.json.items.map((i: { id: string }) => i.id).at(-1)).toBe(proNote);
  });
});
