// Two-way reviews and the credit page (issue 13): after a trade both sides review on the order
// page; neither review shows on a profile until the second one is written; the credit page
// lists every factor and draws the history.
import { expect, registerViaApi, shot, test } from './helpers.ts';
import { listViaApi, secondMember, sellerViaApi, watchErrors } from './sell-helpers.ts';

test('both sides review; the reviews appear on both profiles only after the second', async ({ page, browser, baseURL }) => {
  const seller = await sellerViaApi(page.request, 'revseller');
  const itemId = await listViaApi(page.request, { title: '宜家书桌 九成新', price: 12000, delivery: ['pickup'], category: 'furniture', condition: 'like_new' });
  const sellerMe = (await (await page.request.get('/api/v1/me')).json()) as { id: string };

  const b = await secondMember(browser, baseURL as string);
  const buyerErrors = watchErrors(b.page);
  await registerViaApi(b.ctx.request, 'revbuyer');
  const buyerMe = (await (await b.ctx.request.get('/api/v1/me')).json()) as { id: string };
  const order = await (await b.ctx.request.post('/api/v1/orders', { data: { itemId, delivery: 'pickup' } })).json();
  expect((await b.ctx.request.post(`/api/v1/orders/${order.id}/pay`)).status()).toBe(200);
  const handed = await page.request.post(`/api/v1/orders/${order.id}/handover`, { data: { pickupCode: order.pickupCode } });
  expect(handed.status()).toBe(200);

  // The buyer reviews the seller on the order page.
  await b.page.goto(`/orders/${order.id}`);
  const form = b.page.getByTestId('review-form');
  await expect(form).toBeVisible();
  await form.getByRole('radio', { name: '4 星' }).check();
  await form.getByRole('button', { name: '描述相符' }).click();
  await form.getByRole('button', { name: '沟通愉快' }).click();
  await form.getByLabel('想说的话').fill('桌子很稳，卖家很守时');
  await shot(b.page, 'reviews-01-form', { bottom: true });
  await form.getByRole('button', { name: '提交评价' }).click();
  await expect(b.page.getByText('我的评价')).toBeVisible();
  await expect(b.page.getByTestId('theirs-status')).toHaveText('对方还没有评价');

  // Blind: nobody sees it on the seller's profile yet.
  await page.goto(`/u/${sellerMe.id}`);
  await expect(page.getByTestId('user-reviews')).toContainText('还没有公开的评价');
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByTestId('theirs-status')).toHaveText('对方已评价，你评价后即可看到');

  // The seller reviews back; both become visible.
  const sellerForm = page.getByTestId('review-form');
  await sellerForm.getByRole('radio', { name: '5 星' }).check();
  await sellerForm.getByRole('button', { name: '付款爽快' }).click();
  await sellerForm.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByText('对方的评价')).toBeVisible();
  await expect(page.getByTestId('order-reviews')).toContainText('桌子很稳，卖家很守时');

  await page.goto(`/u/${sellerMe.id}`);
  const onSeller = page.getByTestId('user-reviews');
  await expect(onSeller.getByTestId('review')).toHaveCount(1);
  await expect(onSeller).toContainText('桌子很稳，卖家很守时');
  await expect(onSeller).toContainText('描述相符 1');
  await shot(page, 'reviews-02-seller-profile', { bottom: true });

  await b.page.goto(`/u/${buyerMe.id}`);
  await expect(b.page.getByTestId('user-reviews').getByTestId('review')).toHaveCount(1);
  await expect(b.page.getByTestId('user-reviews')).toContainText('付款爽快');

  // The seller replies once from their profile.
  await page.getByRole('button', { name: '回复' }).click();
  await page.getByLabel('回复这条评价').fill('谢谢，欢迎再来');
  await page.getByRole('button', { name: '发送回复' }).click();
  await expect(onSeller).toContainText('谢谢，欢迎再来');

  // The credit page: every factor with its points, and the history chart.
  await page.getByTestId('public-credit').click();
  await expect(page.getByTestId('credit-page')).toBeVisible();
  const factors = page.getByTestId('credit-factors');
  await expect(factors.locator('li')).toHaveCount(11);
  await expect(factors.locator('[data-factor="sales"]')).toContainText('完成卖出 1 笔');
  await expect(factors.locator('[data-factor="sales"]')).toContainText('+10');
  await expect(factors.locator('[data-factor="reviews"]')).toContainText('收到评价 1 条');
  await expect(page.getByTestId('credit-chart')).toBeVisible();
  await shot(page, 'reviews-03-credit');
  await page.setViewportSize({ width: 1280, height: 800 });
  await shot(page, 'reviews-04-credit-desktop');
  expect(buyerErrors).toEqual([]);
  await b.ctx.close();
  expect(seller.username).toBeTruthy();
});
