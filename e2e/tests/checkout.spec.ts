// Issue 15, 1: the checkout's address is what is chosen or filled in. 提交订单 with a new
// address filled goes straight to payment (saved to the address book when ticked); next time
// the last used address is preselected — a single saved one too. Phone and desktop.
import type { Browser, Page } from '@playwright/test';
import { expect, registerViaApi, shot, test } from './helpers.ts';
import { listViaApi, sellerViaApi } from './sell-helpers.ts';

type Addr = { name: string; phone: string; line: string };

/** A seller's item that ships (¥30 + ¥6), listed from a context of its own; the page is a fresh buyer. */
async function shippingItemAndBuyer(page: Page, browser: Browser, baseURL: string | undefined, prefix: string) {
  const seller = await browser.newContext({ baseURL });
  await sellerViaApi(seller.request, `${prefix}s`);
  const itemId = await listViaApi(seller.request, { title: '帆布托特包', price: 3000, quantity: 5, delivery: ['shipping'], shippingFee: 600, category: 'other' });
  await seller.close();
  await registerViaApi(page.request, `${prefix}b`);
  return itemId;
}

const addresses = async (p: Page) => ((await (await p.request.get('/api/v1/me/addresses')).json()).items as Addr[]).map((a) => a.line);

async function pay(p: Page) {
  const sheet = p.getByRole('dialog', { name: '沙箱支付' });
  await expect(sheet.getByTestId('pay-amount')).toHaveText('¥36.00');
  await sheet.getByRole('button', { name: '确认支付' }).click();
  await expect(p).toHaveURL(/\/orders\/[0-9a-f]{16}$/);
}

test('phone: a filled-in address is used and saved at 提交订单; next time it is preselected', async ({ page, browser, baseURL }) => {
  const itemId = await shippingItemAndBuyer(page, browser, baseURL, 'ck');
  const bp = page;
  await bp.goto(`/checkout/${itemId}`);
  // The only delivery is preselected; no address yet: the form is open, saving is ticked.
  const form = bp.getByTestId('new-address');
  await expect(form).toBeVisible();
  await expect(form.getByLabel('保存到地址簿，下次直接选')).toBeChecked();
  // Half filled: said on the fields, nothing placed.
  await form.getByLabel('收货人').fill('李买家');
  await bp.getByRole('button', { name: '提交订单' }).click();
  await expect(form.getByLabel('手机号')).toHaveAccessibleDescription('请填写有效的手机号');
  await expect(form.getByLabel('详细地址')).toHaveAccessibleDescription('请填写详细地址');
  await expect(bp.getByRole('dialog', { name: '沙箱支付' })).toBeHidden();
  await shot(bp, 'checkout-01-fields', { bottom: true });

  await form.getByLabel('手机号').fill('13800001234');
  await form.getByLabel('详细地址').fill('上海市徐汇区漕溪北路 100 号 3 楼');
  await bp.getByRole('button', { name: '提交订单' }).click();
  await pay(bp);
  await expect(bp.getByText('上海市徐汇区漕溪北路 100 号 3 楼')).toBeVisible();
  expect(await addresses(bp)).toEqual(['上海市徐汇区漕溪北路 100 号 3 楼']);

  // Again: the single saved address is chosen already; 提交订单 goes straight to payment.
  await bp.goto(`/checkout/${itemId}`);
  await expect(bp.getByRole('radio', { name: /李买家/ })).toBeChecked();
  await expect(bp.getByTestId('new-address')).toBeHidden();
  await shot(bp, 'checkout-02-preselected', { bottom: true });

  // A newer address in the book does not win over the one last shipped to.
  expect((await bp.request.post('/api/v1/me/addresses', { data: { name: '李买家', phone: '13800001234', line: '上海市浦东新区世纪大道 8 号' } })).status()).toBe(201);
  await bp.reload();
  await expect(bp.getByRole('radio', { name: /漕溪北路/ })).toBeChecked();
  await expect(bp.getByRole('radio', { name: /世纪大道/ })).not.toBeChecked();
  await bp.getByRole('radio', { name: /世纪大道/ }).check();
  await bp.getByRole('button', { name: '提交订单' }).click();
  await pay(bp);
  await expect(bp.getByText('上海市浦东新区世纪大道 8 号')).toBeVisible();
  // Now that one was used last.
  await bp.goto(`/checkout/${itemId}`);
  await expect(bp.getByRole('radio', { name: /世纪大道/ })).toBeChecked();
});

test.describe('desktop 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });

  test('an address used once without saving ships the order and stays out of the book', async ({ page, browser, baseURL }) => {
    const itemId = await shippingItemAndBuyer(page, browser, baseURL, 'ckd');
    const bp = page;
    await bp.goto(`/checkout/${itemId}`);
    const form = bp.getByTestId('new-address');
    await form.getByLabel('收货人').fill('王同学');
    await form.getByLabel('手机号').fill('13900001111');
    await form.getByLabel('详细地址').fill('北京市海淀区颐和园路 5 号 32 楼');
    await form.getByLabel('保存到地址簿，下次直接选').uncheck();
    await shot(bp, 'checkout-03-desktop');
    await bp.getByRole('button', { name: '提交订单' }).click();
    await pay(bp);
    await expect(bp.getByText('北京市海淀区颐和园路 5 号 32 楼')).toBeVisible();
    expect(await addresses(bp)).toEqual([]);
    });
});
