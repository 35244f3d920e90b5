// 议价 (SPEC C3): a lowball under the seller's private floor is declined at once; a fair offer
// is countered by the seller, the buyer accepts and buys at the agreed price.
import { expect, registerViaApi, shot, test } from './helpers.ts';
import { listViaApi, photoPng, secondMember, sellerViaApi, uploadViaApi, watchErrors } from './sell-helpers.ts';

test('offer → floor decline → counter → accept → buy at the agreed price', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  await sellerViaApi(page.request, 'offerseller');
  const itemId = await listViaApi(page.request, {
    title: '任天堂 Switch 续航版',
    price: 10000,
    delivery: ['pickup'],
    category: 'digital',
    condition: 'like_new',
    imageIds: [await uploadViaApi(page.request, await photoPng('#6fa8dc'))],
  });
  const floor = await page.request.put(`/api/v1/items/${itemId}/floor-price`, { data: { floorPrice: 6000 } });
  expect(floor.status(), await floor.text()).toBe(200);

  const buyer = await secondMember(browser, baseURL as string);
  const buyerErrors = watchErrors(buyer.page);
  const bp = buyer.page;
  await registerViaApi(bp.request, 'offerbuyer');
  await bp.goto(`/items/${itemId}`);

  // A lowball: declined by the floor, without revealing it.
  await bp.getByRole('button', { name: '议价' }).click();
  let sheet = bp.getByRole('dialog', { name: '议价' });
  await sheet.getByLabel('你的出价（元）').fill('120');
  await sheet.getByRole('button', { name: '发送出价' }).click();
  await expect(sheet.getByLabel('你的出价（元）')).toHaveAccessibleDescription(/出价需要低于售价 ¥100.00/);
  await sheet.getByLabel('你的出价（元）').fill('50');
  await shot(bp, 'buy-offer-01-sheet');
  await sheet.getByRole('button', { name: '发送出价' }).click();
  const mine = bp.getByTestId('my-offer');
  await expect(mine).toContainText('已拒绝');
  await expect(mine).not.toContainText('60');

  // A fair offer, countered by the seller.
  await bp.getByRole('button', { name: '议价' }).click();
  sheet = bp.getByRole('dialog', { name: '议价' });
  await sheet.getByLabel('你的出价（元）').fill('80');
  await sheet.getByRole('button', { name: '发送出价' }).click();
  await expect(mine).toContainText('待回复');
  await expect(bp.getByRole('button', { name: '议价' })).toBeDisabled();
  await shot(bp, 'buy-offer-02-pending');

  await page.goto('/offers?role=seller');
  await expect(page.getByTestId('offer-card')).toHaveCount(2);
  await expect(page.getByTestId('offer-card').last()).toContainText('低于底价，已自动拒绝');
  await shot(page, 'buy-offer-03-received');
  await page.goto(`/items/${itemId}`);
  const offers = page.getByTestId('item-offers');
  await expect(offers).toContainText('收到的议价（1 个待处理）');
  await offers.getByRole('button', { name: '还价' }).click();
  const counter = page.getByRole('dialog', { name: '还价' });
  await counter.getByLabel('你的还价（元）').fill('90');
  await counter.getByRole('button', { name: '发送还价' }).click();
  await expect(offers).toContainText('你还价 ¥90.00');
  await shot(page, 'buy-offer-04-countered');

  await bp.reload();
  await expect(mine).toContainText('卖家还价 ¥90.00');
  await mine.getByRole('button', { name: '接受还价' }).click();
  await expect(mine).toContainText('已议定 ¥90.00');
  await shot(bp, 'buy-offer-05-agreed');
  // 议价 lists both offers under 我发出的 (it opens on offers received); the agreed one can be bought from there.
  await bp.goto('/offers');
  await expect(bp.getByRole('tab', { name: /我收到的/ })).toHaveAttribute('aria-selected', 'true');
  await bp.getByRole('tab', { name: /我发出的/ }).click();
  await expect(bp.getByTestId('offer-card')).toHaveCount(2);
  const agreed = bp.getByTestId('offer-card').filter({ hasText: '已议定 ¥90.00' });
  await expect(bp.getByTestId('offer-card').filter({ hasText: '卖家没有接受这个价格' })).toHaveCount(1);
  await shot(bp, 'buy-offer-05b-list');
  await agreed.getByRole('link', { name: '按议定价 ¥90.00 购买' }).click();
  await expect(bp).toHaveURL(/\/checkout\/[0-9a-f]{16}\?offerId=/);
  await expect(bp.getByTestId('checkout-total')).toHaveText('¥90.00');
  await expect(bp.getByRole('button', { name: '增加一件' })).toBeDisabled();
  await shot(bp, 'buy-offer-06-checkout');
  await bp.getByRole('button', { name: '提交订单' }).click();
  await bp.getByRole('dialog', { name: '沙箱支付' }).getByRole('button', { name: '确认支付' }).click();
  await expect(bp.getByTestId('order-status')).toContainText('待自提');
  await expect(bp.getByTestId('money')).toContainText('¥90.00');

  expect(buyerErrors, 'errors in the buyer browser').toEqual([]);
  await buyer.ctx.close();
});
