// Smart assistance (SPEC C9): 智能发布 — a seller types "宜家 书桌 九成新" and is offered 家具 and
// a price range from similar completed trades (seeded through the API: listed, ordered, paid
// and handed over); 智能托管 — the seller switches hosting on, a buyer asks "最低多少" and gets
// an automatic counter above the floor, marked 自动回复.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Page, request as playwrightRequest } from '@playwright/test';
import { expect, registerViaApi, shot, test } from './helpers.ts';
import { listViaApi, secondMember, sellerViaApi, watchErrors } from './sell-helpers.ts';

/** What the phone shows right now, without scrolling to the top first (shot() does). */
const shotHere = (page: Page, name: string) =>
  page.screenshot({ path: join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots', `${name}.png`), animations: 'disabled' });

/** One completed pickup trade between two fresh members, all through the API. */
async function completedTrade(baseURL: string, title: string, price: number) {
  const seller = await playwrightRequest.newContext({ baseURL });
  const buyer = await playwrightRequest.newContext({ baseURL });
  try {
    await sellerViaApi(seller, 'assistcomp');
    const itemId = await listViaApi(seller, { title, price, delivery: ['pickup'], category: 'furniture', condition: 'like_new' });
    await registerViaApi(buyer, 'assistbuy');
    const order = await buyer.post('/api/v1/orders', { data: { itemId, delivery: 'pickup' } });
    expect(order.status(), await order.text()).toBe(201);
    const { id, pickupCode } = (await order.json()) as { id: string; pickupCode: string };
    expect((await buyer.post(`/api/v1/orders/${id}/pay`)).status()).toBe(200);
    const done = await seller.post(`/api/v1/orders/${id}/handover`, { data: { pickupCode } });
    expect(((await done.json()) as { status: string }).status).toBe('completed');
  } finally {
    await seller.dispose();
    await buyer.dispose();
  }
}

test('智能发布: "宜家 书桌 九成新" → 家具 and a price range from 3 similar sales, each accepted with a tap', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await completedTrade(baseURL as string, '宜家 书桌 白色', 12000);
  await completedTrade(baseURL as string, '宜家书桌 自提', 15000);
  await completedTrade(baseURL as string, 'IKEA 书桌 九成新', 13500);

  await sellerViaApi(page.request, 'assistseller');
  await page.goto('/sell');
  await page.getByLabel('标题').fill('宜家 书桌 九成新');
  const card = page.getByTestId('assist-suggestions');
  await expect(card).toContainText('智能发布');
  await expect(card.getByRole('listitem').filter({ hasText: '分类' })).toContainText('家具');
  const hint = page.getByTestId('price-hint');
  await expect(hint).toContainText(/\d+ 件相似的已成交：/);
  for (const p of ['¥120', '¥150', '¥135']) await expect(hint).toContainText(p);
  await shot(page, 'assist-01-suggestions');
  await hint.scrollIntoViewIfNeeded();
  await shotHere(page, 'assist-01b-price-hint');

  await card.getByRole('button', { name: '采用建议的分类：家具' }).click();
  await expect(page.getByRole('radio', { name: '家具' })).toBeChecked();
  await card.getByRole('button', { name: '采用建议的成色：几乎全新' }).click();
  await expect(page.getByRole('radio', { name: '几乎全新' })).toBeChecked();
  await card.getByRole('button', { name: '#宜家' }).click();
  await expect(page.getByLabel('描述')).toHaveValue('#宜家');
  const use = hint.getByRole('button', { name: /^价格填/ });
  await use.click();
  await expect(page.getByLabel('价格（元）')).not.toHaveValue('');
  const typed = Number(await page.getByLabel('价格（元）').inputValue());
  expect(typed).toBeGreaterThanOrEqual(120);
  expect(typed).toBeLessThanOrEqual(150);
  await shot(page, 'assist-02-accepted');

  // Something nobody has sold yet: the form says so instead of inventing a price.
  await page.getByLabel('标题').fill('手工 皮影 戏偶');
  await expect(hint).toHaveText('相似成交太少，暂无参考价');
  await hint.scrollIntoViewIfNeeded();
  await shotHere(page, 'assist-03-too-few');
});

test('智能托管: the seller switches it on; "最低多少" gets an automatic counter above the floor', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await sellerViaApi(page.request, 'hostseller');
  const itemId = await listViaApi(page.request, {
    title: '宜家 书桌 九成新', price: 40000, delivery: ['pickup'], category: 'furniture', condition: 'like_new',
    location: { lat: 31.2304, lng: 121.4737, label: '上海·静安' },
  });
  expect((await page.request.put(`/api/v1/items/${itemId}/floor-price`, { data: { floorPrice: 30000 } })).status()).toBe(200);

  await page.goto(`/items/${itemId}`);
  const tools = page.getByTestId('seller-tools');
  const hosting = tools.getByRole('switch', { name: /智能托管/ });
  await expect(hosting).not.toBeChecked();
  await hosting.click();
  await expect(hosting).toBeChecked();
  await shot(page, 'assist-04-hosting-switch', { bottom: true });
  // The item says so to everyone, through the API.
  expect(((await (await page.request.get(`/api/v1/items/${itemId}`)).json()) as { hosting: boolean }).hosting).toBe(true);

  const buyer = await secondMember(browser, baseURL as string);
  const errors = watchErrors(buyer.page);
  const bp = buyer.page;
  await registerViaApi(bp.request, 'hostbuyer');
  await bp.goto(`/items/${itemId}`);
  await bp.getByRole('button', { name: '聊一聊' }).click();
  await expect(bp).toHaveURL(/\/messages\/[0-9a-f]{16}$/);
  const path = new URL(bp.url()).pathname;
  await bp.getByLabel('消息', { exact: true }).fill('最低多少');
  await bp.getByRole('button', { name: '发送', exact: true }).click();

  // Within a few seconds, from the seller's side, marked automatic; the price is above the floor.
  const convo = bp.getByTestId('conversation');
  const auto = convo.getByTestId('chat-message').filter({ has: bp.getByTestId('auto-reply-badge') });
  await expect(auto).toHaveCount(1, { timeout: 15_000 });
  await expect(auto).toContainText('自动回复');
  const text = (await auto.textContent()) ?? '';
  const prices = [...text.matchAll(/¥(\d+)/g)].map((m) => Number(m[1]));
  expect(prices.length).toBeGreaterThan(0);
  for (const p of prices) {
    expect(p).toBeGreaterThan(300);
    expect(p).toBeLessThanOrEqual(400);
  }
  expect(text).not.toContain('¥300');
  await shot(bp, 'assist-05-automatic-counter');

  // The seller sees the same answer, and the switch above the conversation.
  await page.goto(path);
  await expect(page.getByTestId('conversation').getByTestId('auto-reply-badge')).toHaveCount(1);
  await expect(page.getByTestId('hosting-switch').getByRole('switch')).toBeChecked();
  await shot(page, 'assist-06-seller-chat');
  expect(errors).toEqual([]);
  await buyer.ctx.close();
});
