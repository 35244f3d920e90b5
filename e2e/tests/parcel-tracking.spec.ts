// Parcel tracking on a shipped order (issue 15 item 11): the buyer and the seller see the
// carrier's story on the order page — here just after the hand-over (等待快递员揽收) and for a
// number the carrier does not know. The events over time are tested on the API's test clock
// (modules/tracking/tracking.test.ts). At 390×844 and 1280×800.
import type { Page } from '@playwright/test';
import { expect, shot, test } from './helpers.ts';
import { listViaApi, secondMember, sellerViaApi } from './sell-helpers.ts';

const address = { name: '王小明', phone: '13800000000', line: '上海市徐汇区漕溪北路 1 号' };

async function ok(res: import('@playwright/test').APIResponse, status = 200) {
  expect(res.status(), await res.text()).toBe(status);
  return res.json();
}

async function journey(page: Page, browser: import('@playwright/test').Browser, baseURL: string, size: string) {
  const seller = await secondMember(browser, baseURL);
  await sellerViaApi(seller.page.request, 'parcelshop');
  await sellerViaApi(page.request, 'parcelbuy');
  const order = async (trackingNumber: string) => {
    const itemId = await listViaApi(seller.page.request, { title: `复古台灯 ${trackingNumber}`, price: 5900, delivery: ['shipping'], shippingFee: 1000, category: 'home', condition: 'light_wear' });
    const o = (await ok(await page.request.post('/api/v1/orders', { data: { itemId, delivery: 'shipping', address } }), 201)) as { id: string };
    await ok(await page.request.post(`/api/v1/orders/${o.id}/pay`));
    await ok(await seller.page.request.post(`/api/v1/orders/${o.id}/ship`, { data: { carrier: '顺丰速运', trackingNumber } }));
    return o.id;
  };
  const known = await order('SF1300000123');
  await page.goto(`/orders/${known}`);
  const card = page.getByTestId('parcel-tracking');
  await expect(card).toContainText('物流跟踪');
  await expect(card).toContainText('顺丰速运 SF1300000123');
  await expect(page.getByTestId('parcel-status')).toHaveText('等待快递员揽收');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: new URL(`../screenshots/parcel-tracking-${size}.png`, import.meta.url).pathname, animations: 'disabled' });
  // The seller reads the same parcel on their side of the order.
  if (size === 'desktop') await seller.page.setViewportSize({ width: 1280, height: 800 });
  await seller.page.goto(`/orders/${known}`);
  await expect(seller.page.getByTestId('parcel-status')).toHaveText('等待快递员揽收');
  // A number the carrier never issued: said plainly, no error page.
  const unknown = await order('SF01');
  await page.goto(`/orders/${unknown}`);
  await expect(page.getByTestId('parcel-status')).toContainText('快递公司暂时查不到这个单号');
  await shot(page, `parcel-unknown-${size}`);
  await seller.ctx.close();
}

test('a shipped order shows its parcel — phone', async ({ page, browser, baseURL }) => {
  await journey(page, browser, baseURL as string, 'phone');
});

test.describe('desktop', () => {
  test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });
  test('a shipped order shows its parcel — desktop', async ({ page, browser, baseURL }) => {
    await journey(page, browser, baseURL as string, 'desktop');
  });
});
