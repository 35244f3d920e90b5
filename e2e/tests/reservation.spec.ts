// Reservation deposit (定金托管, SPEC C4) with two members in two browsers: the buyer reserves a
// pickup item with a deposit paid into escrow (the order page counts the hold down), the seller
// cancels, and the deposit comes back in full; the item is on sale again.
import { expect, registerViaApi, shot, test } from './helpers.ts';
import { listViaApi, photoPng, secondMember, sellerViaApi, uploadViaApi, watchErrors } from './sell-helpers.ts';

test('a reservation made, the deposit refunded when the seller cancels', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  await sellerViaApi(page.request, 'rsvseller');
  const imageIds = [await uploadViaApi(page.request, await photoPng('#9bb7d4'))];
  const itemId = await listViaApi(page.request, {
    title: '宜家书桌 白色 120cm',
    description: '自提，楼下就能看货。',
    price: 3000,
    quantity: 1,
    delivery: ['pickup'],
    category: 'furniture',
    condition: 'light_wear',
    imageIds,
  });

  const buyer = await secondMember(browser, baseURL as string);
  const buyerErrors = watchErrors(buyer.page);
  const bp = buyer.page;
  await registerViaApi(bp.request, 'rsvbuyer');
  await bp.goto(`/items/${itemId}`);
  const entry = bp.getByTestId('reserve-entry');
  await expect(entry).toContainText('钱由平台托管');
  await shot(bp, 'reservation-01-item', { bottom: true });
  await entry.getByRole('button', { name: '付定金预约' }).click();

  // Checkout: pickup and the deposit preselected; more than 30% is refused before paying.
  await expect(bp).toHaveURL(new RegExp(`/checkout/${itemId}\\?reserve=1$`));
  await expect(bp.getByLabel('付定金预约')).toBeChecked();
  const amount = bp.getByTestId('deposit-input');
  await amount.fill('9.01');
  await bp.getByRole('button', { name: '付定金预约' }).click();
  await expect(bp.getByTestId('reserve')).toContainText('定金为 ¥0.01 至 ¥9.00');
  await amount.fill('9');
  await expect(bp.getByTestId('reserve')).toContainText('¥0.01 至 ¥9.00（总价的 30%）');
  await expect(bp.getByTestId('checkout-total')).toHaveText('¥9.00');
  await shot(bp, 'reservation-02-checkout');
  await bp.getByRole('button', { name: '付定金预约' }).click();
  const sheet = bp.getByRole('dialog', { name: '沙箱支付' });
  await expect(sheet.getByTestId('pay-amount')).toHaveText('¥9.00');
  await sheet.getByRole('button', { name: '确认支付' }).click();

  // The order: reserved, the deposit held, the hold counting down.
  await expect(bp).toHaveURL(/\/orders\/[0-9a-f]{16}$/);
  const orderUrl = bp.url();
  await expect(bp.getByTestId('order-status')).toContainText('已预约');
  const card = bp.getByTestId('reservation');
  await expect(card).toContainText('定金（平台托管）');
  await expect(card).toContainText('¥9.00');
  await expect(card).toContainText('¥21.00');
  await expect(bp.getByTestId('reservation-countdown')).toContainText(/保留剩余 4[78] 小时/);
  await expect(bp.getByTestId('timeline')).toContainText('付定金预约，钱已托管');
  await expect(bp.getByRole('button', { name: '付尾款 ¥21.00' })).toBeVisible();
  await shot(bp, 'reservation-03-buyer-reserved');

  // The seller: 买家未到 and cancel; cancelling refunds the deposit.
  await page.goto(orderUrl.replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.getByTestId('order-status')).toContainText('已预约');
  await expect(page.getByRole('button', { name: '买家未到' })).toBeVisible();
  await shot(page, 'reservation-04-seller-reserved');
  await page.getByRole('button', { name: '取消订单' }).click();
  const cancel = page.getByRole('dialog', { name: '取消订单' });
  await expect(cancel).toContainText('定金会全额退回给买家');
  await cancel.getByLabel('取消原因').fill('家里人要用，不卖了');
  await shot(page, 'reservation-05-seller-cancel');
  await cancel.getByRole('button', { name: '确认取消' }).click();
  await expect(page.getByTestId('order-status')).toContainText('已取消');
  await expect(page.getByTestId('order-status')).toContainText('预约已取消，定金已全额退回');

  await bp.reload();
  await expect(bp.getByTestId('order-status')).toContainText('预约已取消，定金已全额退回');
  await expect(bp.getByTestId('timeline')).toContainText('定金已全额退回');
  await expect(bp.getByTestId('reservation')).toHaveCount(0);
  await shot(bp, 'reservation-06-buyer-refunded');
  await shot(bp, 'reservation-07-buyer-timeline', { bottom: true });

  // The item is on sale again.
  await bp.goto(`/items/${itemId}`);
  await expect(bp.getByTestId('reserve-entry')).toBeVisible();
  expect(buyerErrors).toEqual([]);
  await buyer.ctx.close();
});
