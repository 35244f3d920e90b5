// The recency window of relevance search (window.ts, repo.ts itemCandidates), through HTTP: a
// small window (the 6 newest listings on sale) and a small candidate set (the 4 newest matches),
// so that a test-sized market takes every path. Each answer is compared with the same request
// to an app on the same database whose window is off (SEARCH_RECENT_ITEMS=0: the full path) —
// same items, same order, same cursors.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createTestApp } from '../../../test/helpers.ts';
import { listItem, seller } from '../items/fixtures.ts';
import { recentSince } from './window.ts';

const t = await createTestApp({ SEARCH_CANDIDATES: '4', SEARCH_RECENT_ITEMS: '6' });
const full = buildApp({ ...t.deps, config: { ...t.deps.config, searchRecentItems: 0 } });
const P = { lat: 26.1, lng: 119.3 };
const at = (km: number) => ({ lat: Math.round((P.lat + km / 111.2) * 1000) / 1000, lng: P.lng });
const ids: Record<string, string> = {};
const name = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id;
type Page = { items: { id: string }[]; nextCursor: string | null; relaxed: boolean };

/** The window's answer, checked equal to the full path's. */
async function both(query: string): Promise<Page> {
  const a = await t.req('GET', `/search?${query}`);
  const b = await full.request(`/api/v1/search?${query}`);
  expect(a.status, a.text).toBe(200);
  expect(b.status).toBe(200);
  expect(a.json).toEqual(await b.json());
  return a.json as Page;
}
const names = (p: Page) => p.items.map((i) => name(i.id));

let other: Awaited<ReturnType<typeof seller>>;
beforeAll(async () => {
  const s = await seller(t);
  other = await seller(t);
  const make = async (key: string, over: Record<string, unknown>, token = s.token) => {
    ids[key] = (await listItem(t, token, { category: 'home', ...over })).id;
  };
  // Oldest first: o* fall outside the window of the 6 newest on sale, n* inside it.
  await make('o1', { title: '黄铜台灯 老物件', price: 9000, location: at(1) });
  await make('o2', { title: '护眼台灯', price: 1500, location: at(2) });
  await make('o3', { title: '实木书架', price: 20000, category: 'furniture' });
  await make('o4', { title: '北欧台灯 可调光', price: 2000, location: at(30) });
  await make('o5', { title: '台灯 宿舍用', price: 800, location: at(3) });
  await make('n1', { title: '台灯 九成新', price: 6000, location: at(1.5) });
  await make('n2', { title: '书架 白色', price: 15000, category: 'furniture' });
  await make('n3', { title: '台灯 LED 护眼', price: 7000, location: at(40) }, other.token);
  await make('n4', { title: '小台灯 充电', price: 5500 });
  await make('n5', { title: '台灯 复古', price: 8000, location: at(0.5) });
  await make('n6', { title: '落地灯 客厅', price: 12000 });
}, 60_000);

describe('GET /search: relevance through the recency window', () => {
  it('the window is in use: the 6th newest listing on sale gives it its start', async () => {
    expect(await recentSince(t.db, 6)).not.toBeNull();
  });

  it('a common word with more matches in the window than candidates: the same page as the full path, the 4 newest matches', async () => {
    const page = await both('q=台灯');
    expect(new Set(names(page))).toEqual(new Set(['n1', 'n3', 'n4', 'n5']));
    expect(page.relaxed).toBe(false);
  });

  it('pages through the same candidates in the same order (cursor by cursor)', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await both(`q=台灯&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...names(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen)).toEqual(new Set(['n1', 'n3', 'n4', 'n5']));
    expect(seen).toHaveLength(4);
  });

  it('fewer matches in the window than candidates (a filter): the older matches fill the set', async () => {
    // Within 5,000 fen: none in the window; o2, o4, o5 outside it. Asked again, the short window
    // is skipped (window.ts): the same answer.
    expect(new Set(names(await both('q=台灯&maxPrice=5000')))).toEqual(new Set(['o2', 'o4', 'o5']));
    expect(new Set(names(await both('q=台灯&maxPrice=5000')))).toEqual(new Set(['o2', 'o4', 'o5']));
    // Within 6,000: n1 and n4 in the window, o2 and o4 the newest two older ones (o5 too: 800).
    expect(new Set(names(await both('q=台灯&maxPrice=6000')))).toEqual(new Set(['n1', 'n4', 'o5', 'o4']));
    expect(names(await both('q=书架&category=furniture')).sort()).toEqual(['n2', 'o3']);
  });

  it('a rare word found only outside the window', async () => {
    expect(names(await both('q=黄铜'))).toEqual(['o1']);
    expect((await both('q=黄铜台灯')).items.map((i) => name(i.id))).toContain('o1');
  });

  it('near a point: the radius applies before the candidates are taken, distances as the full path', async () => {
    const near = `lat=${P.lat}&lng=${P.lng}&radiusKm=5`;
    const page = await both(`q=台灯&${near}`);
    // Within 5 km: n5, n1 in the window; o5, o2, o1 outside. The 4 newest of them.
    expect(new Set(names(page))).toEqual(new Set(['n5', 'n1', 'o5', 'o2']));
    expect(await both(`q=台灯&${near}&sort=distance`)).toBeTruthy();
  });

  it("a banned seller's listings drop out after ranking and the page still fills from the rest", async () => {
    await t.db.updateTable('users').set({ status: 'banned' }).where('id', '=', other.id).execute();
    const page = await both('q=台灯&limit=2');
    expect(names(page)).not.toContain('n3');
    expect(page.items).toHaveLength(2);
    expect(new Set(names(await both('q=台灯')))).toEqual(new Set(['n1', 'n4', 'n5']));
  });
});
