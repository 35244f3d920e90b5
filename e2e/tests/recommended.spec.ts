// The 推荐 tab and wanted matches in the browser: a member who collected and liked a #露营 note
// sees other camping notes with "因为你…" reasons; a wanted post (求购) shows the matching item
// on sale; a search is saved and listed on 我. Screenshots at 390×844 in e2e/screenshots.
import { expect, shot, test } from './helpers.ts';
import { noteViaApi, uploadScene } from './community-helpers.ts';
import { listViaApi, sellerViaApi } from './sell-helpers.ts';

const run = Date.now().toString(36).slice(-5);
const camping = [`露营装备清单 ${run}`, `第一次带娃露营 ${run}`, `湖边露营地推荐 ${run}`];
const seed = `周末去露营啦 ${run}`;
const ids: Record<string, string> = {};

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  await sellerViaApi(request, 'camp');
  const cover = await uploadScene(request, '#2f6b4f', '#cfe8d5', 600, 760);
  ids.seed = await noteViaApi(request, { title: seed, body: '营地夜景 #露营', tags: ['露营'], imageIds: [cover] });
  for (const title of camping) await noteViaApi(request, { title, tags: ['露营', '户外'], imageIds: [await uploadScene(request, '#39536e', '#f2d3a0', 600, 700)] });
  await noteViaApi(request, { title: `戚风蛋糕配方 ${run}`, tags: ['烘焙'] });
});

test('a member who collected a #露营 note sees camping notes in 推荐 with the reason', async ({ page }) => {
  const me = page.request;
  const reg = await me.post('/api/v1/auth/register', { data: { username: `rec_${run}`, password: 'e2e-password-2026' } });
  expect(reg.status(), await reg.text()).toBe(201);
  // Collect and like the seed note from its page.
  await page.goto(`/notes/${ids.seed}`);
  await expect(page.getByRole('heading', { name: seed })).toBeVisible();
  expect((await me.put(`/api/v1/notes/${ids.seed}/collect`)).status()).toBe(204);
  expect((await me.put(`/api/v1/notes/${ids.seed}/like`)).status()).toBe(204);

  await page.goto('/');
  await page.getByRole('tab', { name: '推荐' }).click();
  await expect(page).toHaveURL(/tab=recommended/);
  const cards = page.getByTestId('note-card');
  for (const title of camping) {
    const card = cards.filter({ hasText: title });
    await expect(card).toBeVisible();
    await expect(card.getByTestId('rec-reason')).toHaveText('因为你收藏了 #露营');
  }
  // The collected note itself is not offered again.
  await expect(cards.filter({ hasText: seed })).toHaveCount(0);
  await shot(page, 'recommended-390');
});

test('a visitor gets popular and fresh notes in 推荐', async ({ browser, baseURL }) => {
  const ctx = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto('/?tab=recommended');
  await expect(page.getByTestId('rec-reason').first()).toHaveText(/大家都在看|新鲜发布/);
  await ctx.close();
});

test('a wanted post shows the matching item on sale', async ({ page }) => {
  const me = page.request;
  await sellerViaApi(me, 'want');
  const other = await page.context().browser()?.newContext({ baseURL: test.info().project.use.baseURL });
  if (!other) throw new Error('no browser');
  await sellerViaApi(other.request, 'stove');
  const itemTitle = `卡式炉 露营炉 ${run}`;
  const itemId = await listViaApi(other.request, {
    title: itemTitle,
    description: '用过两次',
    price: 8000,
    delivery: ['pickup'],
    category: 'sports',
    condition: 'like_new',
  });
  await other.close();
  const note = await noteViaApi(me, { title: `求购 卡式炉 ${run}`, body: '周末露营用，预算一百以内', kind: 'wanted', wanted: { maxPrice: 10000 } });
  await page.goto(`/notes/${note}`);
  const matches = page.getByTestId('wanted-matches');
  await expect(matches).toBeVisible();
  await expect(matches.getByTestId('item-card').filter({ hasText: itemTitle })).toHaveAttribute('href', `/items/${itemId}`);
  await expect(matches).toContainText('最多 ¥100');
  await matches.scrollIntoViewIfNeeded();
  await page.screenshot({ path: new URL('../screenshots/wanted-matches-390.png', import.meta.url).pathname, animations: 'disabled' });

  // Save a search and find it on 我.
  await page.goto(`/search?q=${encodeURIComponent('露营炉')}`);
  await page.getByTestId('save-search').click();
  await expect(page.getByTestId('save-search')).toHaveText('已保存，有新结果会通知你');
  await page.goto('/me');
  await expect(page.getByTestId('saved-searches')).toContainText('露营炉');
  await page.getByTestId('saved-searches').scrollIntoViewIfNeeded();
  await page.screenshot({ path: new URL('../screenshots/saved-searches-390.png', import.meta.url).pathname, animations: 'disabled' });
});
