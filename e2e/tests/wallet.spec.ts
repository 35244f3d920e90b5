// The wallet explains itself: empty balances, a withdrawal below ¥1 or above the balance is
// refused in words (client-side first; the server says the same).
import { expect, registerViaApi, shot, test } from './helpers.ts';
import { listViaApi, sellerViaApi } from './sell-helpers.ts';

test('an empty wallet refuses withdrawals in words', async ({ page }) => {
  await registerViaApi(page.request, 'wallet');
  await page.goto('/wallet');
  await expect(page.getByTestId('wallet-available')).toHaveText('¥0.00');
  await expect(page.getByText('还没有资金变动')).toBeVisible();
  const amount = page.getByLabel('提现金额（元）');
  await amount.fill('0.5');
  await page.getByRole('button', { name: '提现', exact: true }).click();
  await expect(amount).toHaveAccessibleDescription('最低提现 ¥1.00');
  await amount.fill('5');
  await page.getByRole('button', { name: '提现', exact: true }).click();
  await expect(amount).toHaveAccessibleDescription('超过可提现余额 ¥0.00');
  await shot(page, 'wallet-03-refused');

  // The server's own refusal reads the same way; without a payout account it says that first.
  const res = await page.request.post('/api/v1/wallet/withdrawals', { data: { amount: 500 } });
  expect(res.status()).toBe(422);
  expect(((await res.json()) as { code: string }).code).toBe('payout_method_required');
  const card = { kind: 'bank_card', bank: 'CMB', account: '6225880012345675', holderName: '王小明' };
  expect((await page.request.post('/api/v1/me/payout-methods', { data: card })).status()).toBe(201);
  const again = await page.request.post('/api/v1/wallet/withdrawals', { data: { amount: 500 } });
  expect(((await again.json()) as { code: string }).code).toBe('insufficient_funds');
});

test('the wallet and my orders read in English', async ({ page }) => {
  await registerViaApi(page.request, 'walleten');
  await page.goto('/me');
  await page.getByRole('button', { name: 'English' }).click();
  await page
    .getByTestId('trade-links')
    .getByRole('link', { name: /Wallet/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Wallet' })).toBeVisible();
  await expect(page.getByText('Pending (in escrow)')).toBeVisible();
  await shot(page, 'wallet-04-english');
  await page.goto('/orders');
  await expect(page.getByRole('tab', { name: 'Bought' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText("You haven't bought anything yet")).toBeVisible();
  await page.goto('/me');
  await page.getByRole('button', { name: '简体中文' }).click();
});

// Issue 9, 8: a withdrawal the payout channel has not confirmed is money that left the
// balance and has not arrived: the wallet shows it, with its state, until it is paid or back.
test('a withdrawal still processing shows in the wallet with its state', async ({ page, browser, baseURL }) => {
  // A real trade gives the seller money: listed, ordered, paid, handed over (all through the API).
  const buyer = await browser.newContext({ baseURL });
  await registerViaApi(buyer.request, 'walletbuyer');
  await sellerViaApi(page.request, 'walletseller');
  const itemId = await listViaApi(page.request, { title: '旧台灯', price: 5000, delivery: ['pickup'], category: 'other' });
  const order = await (await buyer.request.post('/api/v1/orders', { data: { itemId, delivery: 'pickup' } })).json();
  expect((await buyer.request.post(`/api/v1/orders/${order.id}/pay`)).status()).toBe(200);
  await buyer.close();
  const done = await page.request.post(`/api/v1/orders/${order.id}/handover`, { data: { pickupCode: order.pickupCode } });
  expect(done.status()).toBe(200);
  const card = { kind: 'bank_card', bank: 'CMB', account: '6225880012345675', holderName: '王小明' };
  expect((await page.request.post('/api/v1/me/payout-methods', { data: card })).status()).toBe(201);

  // The sandbox payout channel answers at once; here it has not yet (as when the provider is
  // down and the sweep retries): the withdrawal the server returns is shown as processing.
  let outage = true;
  const asProcessing = (w: Record<string, unknown>) => (outage ? { ...w, status: 'processing', attempts: 3 } : w);
  await page.route('**/api/v1/wallet/withdrawals*', async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    const json = route.request().method() === 'POST' ? asProcessing(body) : { ...body, items: body.items.map(asProcessing) };
    await route.fulfill({ response: res, json });
  });
  await page.route('**/api/v1/wallet', async (route) => {
    const res = await route.fetch();
    const w = await res.json();
    await route.fulfill({ response: res, json: outage ? { ...w, withdrawn: 0, processing: w.processing + w.withdrawn } : w });
  });

  await page.goto('/wallet');
  await expect(page.getByTestId('wallet-available')).toHaveText('¥49.70');
  await page.getByLabel('提现金额（元）').fill('20');
  await page.getByRole('button', { name: '提现', exact: true }).click();
  await expect(page.getByTestId('withdraw-result')).toHaveText(/提现 ¥20\.00 处理中/);
  await expect(page.getByTestId('wallet-available')).toHaveText('¥29.70');
  await expect(page.getByTestId('wallet-processing')).toHaveText('¥20.00');
  const row = page.getByTestId('withdrawal');
  await expect(row).toHaveAttribute('data-status', 'processing');
  await expect(row).toContainText('处理中');
  await expect(row).toContainText('已自动重试 2 次');
  await shot(page, 'wallet-05-processing');

  // The channel answers: paid out, no longer processing.
  outage = false;
  await page.reload();
  await expect(page.getByTestId('wallet-withdrawn')).toHaveText('¥20.00');
  await expect(page.getByTestId('wallet-processing')).toHaveCount(0);
  await expect(page.getByTestId('withdrawal')).toHaveAttribute('data-status', 'paid');
  await expect(page.getByTestId('withdrawal')).toContainText('已到账');
});
