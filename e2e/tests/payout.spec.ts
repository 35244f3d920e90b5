// Issue 15, 2: a withdrawal goes to a payout account the member added — verified by the
// sandbox payout provider, shown masked — and says which; without one the wallet shows the way
// to add one. Phone (390×844) and desktop (1280×800).
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { expect, registerViaApi, shot, test } from './helpers.ts';
import { listViaApi, sellerViaApi } from './sell-helpers.ts';

/** A seller with ¥49.70 available: listed, bought, paid and handed over through the API. */
async function sellerWithMoney(page: Page, browser: Browser, baseURL: string | undefined, prefix: string) {
  const buyer = await browser.newContext({ baseURL });
  await registerViaApi(buyer.request, `${prefix}b`);
  await sellerViaApi(page.request, `${prefix}s`);
  const itemId = await listViaApi(page.request, { title: '旧台灯', price: 5000, delivery: ['pickup'], category: 'other' });
  const order = await (await buyer.request.post('/api/v1/orders', { data: { itemId, delivery: 'pickup' } })).json();
  expect((await buyer.request.post(`/api/v1/orders/${order.id}/pay`)).status()).toBe(200);
  await buyer.close();
  const done = await page.request.post(`/api/v1/orders/${order.id}/handover`, { data: { pickupCode: order.pickupCode } });
  expect(done.status()).toBe(200);
}

async function addCard(page: Page, number: string) {
  const form = page.getByTestId('add-payout-method');
  await form.getByRole('radio', { name: '银行卡' }).check();
  await form.getByLabel('开户银行').selectOption({ label: '招商银行' });
  await form.getByLabel('银行卡号').fill(number);
  await form.getByLabel('账户姓名').fill('王小明');
  await form.getByRole('button', { name: '验证并添加' }).click();
}

const methodsOf = (request: APIRequestContext) =>
  request.get('/api/v1/me/payout-methods').then(async (r) => (await r.json()).items as { masked: string }[]);

test('phone: no account → the way to add one; the provider refuses bad cards; the withdrawal names the card', async ({ page, browser, baseURL }) => {
  await sellerWithMoney(page, browser, baseURL, 'po');
  await page.goto('/wallet');
  await expect(page.getByTestId('wallet-available')).toHaveText('¥49.70');
  await expect(page.getByTestId('withdraw-to')).toContainText('还没有收款账户');
  await page.getByLabel('提现金额（元）').fill('20');
  await page.getByRole('button', { name: '提现', exact: true }).click();
  await expect(page.getByTestId('withdraw-to').getByRole('alert')).toHaveText('请先添加收款账户');
  await expect(page.getByTestId('wallet-available')).toHaveText('¥49.70');
  await shot(page, 'payout-01-no-account');

  await page.getByRole('button', { name: '去添加收款账户' }).click();
  const form = page.getByTestId('add-payout-method');
  await expect(form).toBeVisible();
  // A wrong check digit: the provider's Luhn check refuses it, on the field.
  await addCard(page, '6225 8800 1234 5676');
  await expect(form.getByLabel('银行卡号')).toHaveAccessibleDescription('银行卡号无效，请核对后重新输入');
  // A well-formed card the sandbox knows as closed.
  await form.getByLabel('银行卡号').fill('6217000000000000004');
  await form.getByRole('button', { name: '验证并添加' }).click();
  await expect(form.getByLabel('银行卡号')).toHaveAccessibleDescription(/收款渠道无法验证这个账户/);
  await shot(page, 'payout-02-refused', { bottom: true });
  expect(await methodsOf(page.request)).toEqual([]);

  await form.getByLabel('银行卡号').fill('6225 8800 1234 5675');
  await form.getByRole('button', { name: '验证并添加' }).click();
  const row = page.getByTestId('payout-method');
  await expect(row).toHaveText(/招商银行 ••••5675\s*默认/);
  await expect(form).toBeHidden();
  // The number is nowhere on the page, only its last four digits.
  await expect(page.locator('body')).not.toContainText('6225880012345675');

  await page.getByLabel('提现金额（元）').fill('20');
  await expect(page.getByTestId('withdraw-to').getByRole('radio', { name: '招商银行 ••••5675' })).toBeChecked();
  await page.getByRole('button', { name: '提现', exact: true }).click();
  await expect(page.getByTestId('withdraw-result')).toHaveText('已提现 ¥20.00，已打款到 招商银行 ••••5675');
  await expect(page.getByTestId('wallet-available')).toHaveText('¥29.70');
  await expect(page.getByTestId('withdrawal')).toContainText('到 招商银行 ••••5675');
  await shot(page, 'payout-03-withdrawn');
});

test.describe('desktop 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });

  test('Alipay and a card: the chosen one gets the money; removing one asks first', async ({ page, browser, baseURL }) => {
    await sellerWithMoney(page, browser, baseURL, 'pod');
    const card = { kind: 'bank_card', bank: 'CMB', account: '6225880012345675', holderName: '王小明' };
    expect((await page.request.post('/api/v1/me/payout-methods', { data: card })).status()).toBe(201);
    await page.goto('/wallet');
    await page.getByRole('button', { name: '添加收款账户' }).click();
    const form = page.getByTestId('add-payout-method');
    await form.getByLabel('支付宝账号').fill('alice.w@qq.com');
    await form.getByLabel('账户姓名').fill('王小明');
    await form.getByRole('button', { name: '验证并添加' }).click();
    await expect(page.getByTestId('payout-method')).toHaveCount(2);
    await expect(page.getByTestId('payout-method').first()).toHaveText(/支付宝 a\*\*\*@qq\.com\s*默认/);

    const choice = page.getByTestId('withdraw-to');
    await expect(choice.getByRole('radio', { name: '支付宝 a***@qq.com' })).toBeChecked();
    await choice.getByRole('radio', { name: '招商银行 ••••5675' }).check();
    await page.getByLabel('提现金额（元）').fill('10');
    await page.getByRole('button', { name: '提现', exact: true }).click();
    await expect(page.getByTestId('withdraw-result')).toHaveText('已提现 ¥10.00，已打款到 招商银行 ••••5675');
    await shot(page, 'payout-04-desktop');

    // The card was used last: it is the default now. Removing it asks, then it is gone.
    await expect(page.getByTestId('payout-method').first()).toHaveText(/招商银行 ••••5675\s*默认/);
    await page.getByRole('button', { name: '删除收款账户 招商银行 ••••5675' }).click();
    const sheet = page.getByRole('dialog');
    await expect(sheet).toContainText('删除 招商银行 ••••5675？之前的提现记录不受影响。');
    await sheet.getByRole('button', { name: '删除', exact: true }).click();
    await expect(page.getByTestId('payout-method')).toHaveCount(1);
    await expect(page.getByTestId('withdrawal')).toContainText('到 招商银行 ••••5675');
    expect((await methodsOf(page.request)).map((m) => m.masked)).toEqual(['a***@qq.com']);
  });
});
