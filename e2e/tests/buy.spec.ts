// The money path (SPEC C4, C5) with two members in two browsers: buy with shipping, pay into
// escrow in the sandbox sheet, ship, confirm, see the proceeds (total − 0.6%) and withdraw;
// and a local pickup completed with the buyer's 6-digit code.
import { expect, registerViaApi, shot, test } from './helpers.ts';
import { listViaApi, photoPng, secondMember, sellerViaApi, uploadViaApi, watchErrors } from './sell-helpers.ts';

test('shipping: buy → pay → ship → confirm → the seller is paid and withdraws', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  // Seller: this page. Buyer: a second browser.
  await sellerViaApi(page.request, 'shipseller');
  const imageIds = [
    await uploadViaApi(page.request, await photoPng('#c98bb9')),
    await uploadViaApi(page.request, await photoPng('#8bc9a3')),
  ];
  const itemId = await listViaApi(page.request, {
    title: '复古胶片相机 Olympus',
    description: '功能正常，送一卷过期胶卷。',
    price: 3000,
    quantity: 2,
    delivery: ['pickup', 'shipping'],
    shippingFee: 600,
    category: 'digital',
    condition: 'light_wear',
    imageIds,
  });

  const buyer = await secondMember(browser, baseURL as string);
  const buyerErrors = watchErrors(buyer.page);
  const bp = buyer.page;
  await registerViaApi(bp.request, 'shipbuyer');
  await bp.goto(`/items/${itemId}`);
  await expect(bp.getByTestId('item-price')).toHaveText('¥30.00');
  await shot(bp, 'buy-01-item');
  await bp.getByRole('button', { name: '立即购买' }).click();

  // Checkout: shipping, a new address, the summary.
  await expect(bp).toHaveURL(new RegExp(`/checkout/${itemId}$`));
  await bp.getByRole('radio', { name: /邮寄/ }).click();
  await bp.getByLabel('收货人').fill('李买家');
  await bp.getByLabel('手机号').fill('13800001234');
  await bp.getByLabel('详细地址').fill('上海市徐汇区漕溪北路 100 号 3 楼');
  // No separate save step: 提交订单 ships to what is filled in (issue 15, 1), saving it when ticked.
  await expect(bp.getByLabel('保存到地址簿，下次直接选')).toBeChecked();
  await expect(bp.getByTestId('checkout-total')).toHaveText('¥36.00');
  await shot(bp, 'buy-02-checkout');
  await shot(bp, 'buy-02b-checkout-bottom', { bottom: true });
  await bp.getByRole('button', { name: '提交订单' }).click();

  const sheet = bp.getByRole('dialog', { name: '沙箱支付' });
  await expect(sheet).toContainText('担保交易：钱先放在平台，确认收货后才给卖家');
  await expect(sheet.getByTestId('pay-amount')).toHaveText('¥36.00');
  await shot(bp, 'buy-03-pay-sheet');
  await sheet.getByRole('button', { name: '确认支付' }).click();

  await expect(bp).toHaveURL(/\/orders\/[0-9a-f]{16}$/);
  const orderUrl = bp.url();
  await expect(bp.getByTestId('order-status')).toContainText('待发货');
  await expect(bp.getByTestId('timeline')).toContainText('付款成功，钱已托管');
  await shot(bp, 'buy-04-order-paid');

  // Seller: the order in 我卖出的, ship it.
  await page.goto('/orders');
  await page.getByRole('tab', { name: '我卖出的' }).click();
  await page.getByRole('button', { name: '待发货' }).click();
  await expect(page.getByTestId('order-card')).toHaveCount(1);
  await shot(page, 'buy-05-seller-orders');
  await page.getByTestId('order-card').click();
  const money = page.getByTestId('money');
  await expect(money).toContainText('服务费');
  await expect(money).toContainText('-¥0.22');
  await expect(money).toContainText('¥35.78');
  await page.getByRole('button', { name: '发货' }).click();
  const ship = page.getByRole('dialog', { name: '发货' });
  await expect(ship).toContainText('李买家');
  await ship.getByLabel('快递公司').fill('顺丰速运');
  await ship.getByLabel('快递单号').fill('SF1234567890');
  await shot(page, 'buy-06-ship');
  await ship.getByRole('button', { name: '确认发货' }).click();
  await expect(page.getByTestId('order-status')).toContainText('待收货');
  await expect(page.getByTestId('tracking')).toContainText('顺丰速运 · 单号 SF1234567890');
  await shot(page, 'buy-07-seller-shipped');

  // Buyer confirms receipt.
  await bp.goto(orderUrl);
  await expect(bp.getByTestId('order-status')).toContainText('待收货');
  await bp.getByRole('button', { name: '确认收货' }).click();
  const confirm = bp.getByRole('dialog', { name: '确认收货？' });
  await expect(confirm).toContainText('¥36.00 将从平台托管转给卖家');
  await shot(bp, 'buy-08-confirm');
  await confirm.getByRole('button', { name: '确认收货' }).click();
  await expect(bp.getByTestId('order-status')).toContainText('已完成');
  await shot(bp, 'buy-09-completed');

  // Seller: proceeds in the wallet, then a withdrawal of ¥10.
  await page.goto('/me');
  await page.getByTestId('trade-links').getByRole('link', { name: /钱包/ }).click();
  await expect(page.getByTestId('wallet-available')).toHaveText('¥35.78');
  await expect(page.getByTestId('wallet-pending')).toHaveText('¥0.00');
  await expect(page.getByTestId('statement')).toContainText('货款结算（已扣服务费）');
  await expect(page.getByTestId('statement')).toContainText('+¥35.78');
  await shot(page, 'wallet-01-proceeds');
  // A payout account first (issue 15, 2): Alipay, verified by the sandbox provider.
  await page.getByRole('button', { name: '去添加收款账户' }).click();
  const account = page.getByTestId('add-payout-method');
  await account.getByLabel('支付宝账号').fill('seller.wang@qq.com');
  await account.getByLabel('账户姓名').fill('王小明');
  await account.getByRole('button', { name: '验证并添加' }).click();
  await expect(page.getByTestId('withdraw-to').getByRole('radio', { name: '支付宝 s***@qq.com' })).toBeChecked();
  await page.getByLabel('提现金额（元）').fill('10');
  await page.getByRole('button', { name: '提现', exact: true }).click();
  await expect(page.getByTestId('withdraw-result')).toHaveText('已提现 ¥10.00，已打款到 支付宝 s***@qq.com');
  await expect(page.getByTestId('wallet-available')).toHaveText('¥25.78');
  await expect(page.getByTestId('wallet-withdrawn')).toHaveText('¥10.00');
  await expect(page.getByTestId('statement')).toContainText('-¥10.00');
  await shot(page, 'wallet-02-withdrawn');
  await shot(page, 'wallet-02b-statement', { bottom: true });

  expect(buyerErrors, 'errors in the buyer browser').toEqual([]);
  await buyer.ctx.close();
});

test('pickup: the buyer shows the code, the seller types it, the trade completes', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await sellerViaApi(page.request, 'pickseller');
  const itemId = await listViaApi(page.request, {
    title: '宜家落地灯',
    price: 4500,
    delivery: ['pickup'],
    category: 'home',
    imageIds: [await uploadViaApi(page.request, await photoPng('#e8c468'))],
    location: { lat: 31.19, lng: 121.44, label: '上海·徐汇' },
  });

  const buyer = await secondMember(browser, baseURL as string);
  const buyerErrors = watchErrors(buyer.page);
  const bp = buyer.page;
  await registerViaApi(bp.request, 'pickbuyer');
  await bp.goto(`/checkout/${itemId}`);
  await expect(bp.getByRole('radio', { name: '自提' })).toBeChecked();
  await expect(bp.getByTestId('checkout-total')).toHaveText('¥45.00');
  await bp.getByRole('button', { name: '提交订单' }).click();
  await bp.getByRole('dialog', { name: '沙箱支付' }).getByRole('button', { name: '确认支付' }).click();
  await expect(bp).toHaveURL(/\/orders\/[0-9a-f]{16}$/);
  const orderUrl = bp.url();
  await expect(bp.getByTestId('order-status')).toContainText('待自提');
  const pickup = bp.getByTestId('pickup-code');
  await expect(pickup.getByRole('img', { name: '取件码二维码' })).toBeVisible();
  const code = (await pickup.locator('.pickup-digits').textContent())?.trim() ?? '';
  expect(code).toMatch(/^\d{6}$/);
  // Who to meet and where: the seller, a way to message them, and the item's pickup spot.
  const party = bp.getByTestId('order-party');
  await expect(party.getByRole('heading', { name: '卖家' })).toBeVisible();
  await expect(bp.getByTestId('pickup-spot')).toHaveText('自提地点：上海·徐汇');
  await shot(bp, 'buy-10-pickup-code');

  // The seller never sees the code; a wrong one is refused in words.
  await page.goto(orderUrl);
  await expect(page.getByTestId('order-status')).toContainText('待自提');
  await expect(page.getByTestId('pickup-code')).toHaveCount(0);
  await expect(page.getByTestId('order-party').getByRole('heading', { name: '买家' })).toBeVisible();
  await page.getByRole('button', { name: '输入取件码' }).click();
  const handover = page.getByRole('dialog', { name: '输入取件码' });
  const wrong = code === '000000' ? '111111' : '000000';
  await handover.getByLabel('6 位取件码').fill(wrong);
  await handover.getByRole('button', { name: '确认交货' }).click();
  await expect(handover.getByLabel('6 位取件码')).toHaveAccessibleDescription('取件码不正确，请向买家核对');
  await shot(page, 'buy-11-handover-wrong');
  await handover.getByLabel('6 位取件码').fill(code);
  await handover.getByRole('button', { name: '确认交货' }).click();
  await expect(page.getByTestId('order-status')).toContainText('已完成');
  await expect(page.getByTestId('order-status')).toContainText('¥44.73 已转入你的钱包');
  await shot(page, 'buy-12-pickup-completed');

  await bp.reload();
  await expect(bp.getByTestId('order-status')).toContainText('已完成');
  await expect(bp.getByTestId('pickup-code')).toHaveCount(0);
  // 联系卖家 opens the one conversation with the seller, with the order's cards in it.
  await bp.getByTestId('order-party').getByRole('button', { name: '联系卖家' }).click();
  await expect(bp).toHaveURL(/\/messages\/[0-9a-f]{16}$/);
  await expect(bp.getByTestId('chat-order-card').first()).toBeVisible();
  expect(buyerErrors, 'errors in the buyer browser').toEqual([]);
  await buyer.ctx.close();
});
