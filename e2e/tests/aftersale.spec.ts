// After-sale and the community jury (SPEC C7) with three browsers: the buyer opens a case with a
// photo, the seller rejects it, the buyer takes it to the jury, a juror votes in the browser and
// the others through the API; the majority refunds the buyer (from the seller's balance: the
// order had completed), the seller's statement shows it, and the public case log the votes.
//
// Jurors need a credit of JURY_MIN_CREDIT (700): a verified member of a day has 600, and ten
// completed sales add 100 (trust/credit.ts). The spec gives seven members ten sales each, all
// to one shopper who plays no part in the case, so they are the only eligible members here.
import { type APIRequestContext, request as playwrightRequest } from '@playwright/test';
import { expect, registerViaApi, shot, test, validIdNumber } from './helpers.ts';
import { listViaApi, photoPng, secondMember, sellerViaApi, uploadViaApi, watchErrors } from './sell-helpers.ts';

const JURY_SIZE = 7;

async function apiMember(baseURL: string, prefix: string, verified: boolean) {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const creds = await registerViaApi(ctx, prefix);
  if (verified) {
    const v = await ctx.post('/api/v1/me/verification', { data: { realName: '陈陪审', idNumber: validIdNumber() } });
    expect(v.status(), await v.text()).toBe(200);
  }
  const me = (await (await ctx.get('/api/v1/me')).json()) as { id: string };
  return { ctx, id: me.id, ...creds };
}

async function ok(res: Promise<import('@playwright/test').APIResponse>, status = 200) {
  const r = await res;
  expect(r.status(), await r.text()).toBe(status);
  return r.json();
}

/** Ten completed online sales from `seller` to `shopper`. */
async function tenSales(seller: APIRequestContext, shopper: APIRequestContext) {
  const itemId = await listViaApi(seller, { title: '手绘头像约稿', price: 100, quantity: 10, delivery: ['online'], category: 'services' });
  for (let i = 0; i < 10; i++) {
    const o = (await ok(shopper.post('/api/v1/orders', { data: { itemId, delivery: 'online' } }), 201)) as { id: string };
    await ok(shopper.post(`/api/v1/orders/${o.id}/pay`));
    await ok(seller.post(`/api/v1/orders/${o.id}/deliver`));
    await ok(shopper.post(`/api/v1/orders/${o.id}/confirm`));
  }
}

test('a buyer opens a case with a photo, the seller rejects, the jury refunds', async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  const base = baseURL as string;

  // The jury pool.
  const shopper = await apiMember(base, 'shopper', true);
  const jurors = [];
  for (let i = 0; i < JURY_SIZE; i++) {
    const j = await apiMember(base, `juror${i}`, true);
    await tenSales(j.ctx, shopper.ctx);
    jurors.push(j);
  }

  // The trade: seller on this page, buyer in a second browser; bought, paid and shipped.
  await sellerViaApi(page.request, 'caseseller');
  const itemId = await listViaApi(page.request, {
    title: '全新 AirPods Pro 二代',
    description: '全新未拆封，专柜购入。',
    price: 3000,
    delivery: ['shipping'],
    shippingFee: 600,
    category: 'digital',
    condition: 'new',
    imageIds: [await uploadViaApi(page.request, await photoPng('#dfe6ee'))],
  });
  const buyer = await secondMember(browser, base);
  const buyerErrors = watchErrors(buyer.page);
  const bp = buyer.page;
  await registerViaApi(bp.request, 'casebuyer');
  const address = { name: '李买家', phone: '13800001234', line: '上海市徐汇区漕溪北路 100 号' };
  const order = (await ok(bp.request.post('/api/v1/orders', { data: { itemId, delivery: 'shipping', address } }), 201)) as { id: string };
  await ok(bp.request.post(`/api/v1/orders/${order.id}/pay`));
  await ok(page.request.post(`/api/v1/orders/${order.id}/ship`, { data: { carrier: '顺丰速运', trackingNumber: 'SF7788990011' } }));
  // Received and confirmed: the seller has been paid; the after-sale window is open for 7 days.
  await ok(bp.request.post(`/api/v1/orders/${order.id}/confirm`));
  await page.goto('/wallet');
  await expect(page.getByTestId('wallet-available')).toHaveText('¥35.78');

  // The buyer: 申请售后 with a photo of the problem.
  await bp.goto(`/orders/${order.id}`);
  await bp.getByTestId('after-sale-entry').getByRole('link', { name: '申请售后' }).click();
  await expect(bp).toHaveURL(new RegExp(`/orders/${order.id}/after-sale$`));
  await bp.getByRole('radio', { name: '疑似假货' }).check();
  await bp.getByLabel('问题描述').fill('序列号在官网查不到，做工粗糙，应该是高仿。');
  await bp.locator('input[type=file]').setInputFiles({ name: 'serial.png', mimeType: 'image/png', buffer: await photoPng('#f2b8a0') });
  await expect(bp.getByTestId('photo-grid').locator('.photo-progress')).toHaveCount(0);
  await shot(bp, 'aftersale-01-open');
  await bp.getByRole('button', { name: '提交申请' }).click();
  await expect(bp).toHaveURL(/\/after-sales\/[0-9a-f]{16}$/);
  const caseUrl = bp.url();
  const caseId = caseUrl.split('/').pop() as string;
  await expect(bp.getByTestId('case-status')).toContainText('等待卖家处理');
  await expect(bp.getByTestId('case-countdown')).toContainText(/卖家处理剩余 1 天 23 小时/);
  await expect(bp.getByTestId('buyer-evidence').locator('img')).toHaveCount(1);
  await shot(bp, 'aftersale-02-case-open');

  // The seller sees the photo and rejects, with words.
  await page.goto(caseUrl);
  await expect(page.getByTestId('case-status')).toContainText('等待卖家处理');
  const photo = page.getByTestId('buyer-evidence').locator('img');
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await page.getByRole('button', { name: '拒绝' }).click();
  const reject = page.getByRole('dialog', { name: '拒绝售后' });
  await reject.getByLabel('拒绝理由').fill('发货前拍了序列号和包装，都是正品，可以查验。');
  await shot(page, 'aftersale-03-reject');
  await reject.getByRole('button', { name: '拒绝' }).click();
  await expect(page.getByTestId('case-status')).toContainText('卖家拒绝了售后');
  await expect(page.getByTestId('seller-response')).toContainText('发货前拍了序列号');

  // The buyer takes it to the jury.
  await bp.reload();
  await expect(bp.getByTestId('case-countdown')).toContainText(/申请小法庭剩余 2 天 23 小时/);
  await bp.getByRole('button', { name: '申请小法庭' }).click();
  await bp.getByRole('dialog', { name: '申请小法庭' }).getByRole('button', { name: '申请小法庭' }).click();
  await expect(bp.getByTestId('case-status')).toContainText('小法庭审理中');
  await expect(bp.getByTestId('case-outcome')).toContainText(`陪审团 0/${JURY_SIZE} 人已投票`);
  await shot(bp, 'aftersale-04-in-jury');

  // Every juror drawn; one votes in a third browser, the parties nowhere to be seen.
  const drawn = [];
  for (const j of jurors) {
    const duties = (await ok(j.ctx.get('/api/v1/jury/cases'))) as { items: { id: string }[] };
    if (duties.items.some((c) => c.id === caseId)) drawn.push(j);
  }
  expect(drawn).toHaveLength(JURY_SIZE);
  const first = drawn[0] as (typeof drawn)[number];
  const juror = await secondMember(browser, base);
  const jurorErrors = watchErrors(juror.page);
  const jp = juror.page;
  await jp.goto('/login');
  await jp.getByLabel('用户名').fill(first.username);
  await jp.getByLabel('密码').fill(first.password);
  await jp.getByRole('button', { name: '登录', exact: true }).click();
  await expect(jp).not.toHaveURL(/login/);
  await jp.goto('/me');
  await jp.getByTestId('jury-links').getByRole('link', { name: /我的陪审/ }).click();
  await expect(jp.getByTestId('jury-duty')).toHaveCount(1);
  await expect(jp.getByTestId('jury-duty')).toContainText('待投票');
  await shot(jp, 'aftersale-05-jury-inbox');
  await jp.getByTestId('jury-duty').click();
  await expect(jp).toHaveURL(new RegExp(`/jury/${caseId}$`));
  await expect(jp.getByTestId('case-description')).toContainText('序列号在官网查不到');
  await expect(jp.getByTestId('seller-response')).toContainText('发货前拍了序列号');
  const evidence = jp.getByTestId('buyer-evidence').locator('img');
  await expect(evidence).toBeVisible();
  await expect.poll(() => evidence.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const seen = await jp.locator('main, body').first().innerText();
  expect(seen).not.toContain('casebuyer');
  expect(seen).not.toContain('caseseller');
  await jp.getByRole('radio', { name: '支持退款给买家' }).check();
  await jp.getByLabel('理由').fill('卖家只有文字说明，买家的照片显示序列号异常。');
  await shot(jp, 'aftersale-06-juror-vote', { bottom: true });
  await jp.getByRole('button', { name: '提交投票' }).click();
  await expect(jp.getByTestId('my-vote')).toContainText('你已投票：退款给买家');
  await shot(jp, 'aftersale-07-juror-voted');

  // Three more refunds make the majority.
  for (const j of drawn.slice(1, 4)) {
    await ok(j.ctx.post(`/api/v1/jury/cases/${caseId}/vote`, { data: { verdict: 'refund', reason: '证据更支持买家' } }));
  }

  // Both sides see the refund.
  await bp.reload();
  await expect(bp.getByTestId('case-status')).toContainText('已退款');
  await expect(bp.getByTestId('case-verdict')).toHaveText('裁决：退款给买家');
  await expect(bp.getByTestId('case-refund')).toContainText('¥36.00');
  await shot(bp, 'aftersale-08-refunded');
  await bp.goto(`/orders/${order.id}`);
  await expect(bp.getByTestId('order-status')).toContainText('已退款');
  await expect(bp.getByTestId('timeline')).toContainText('买家申请小法庭');
  await shot(bp, 'aftersale-09-order-refunded');
  // The refund came back out of the seller's balance (the 0.6% fee returned by the platform).
  await page.goto('/wallet');
  await expect(page.getByTestId('wallet-available')).toHaveText('¥0.00');
  await expect(page.getByTestId('statement')).toContainText('售后退款');
  await expect(page.getByTestId('statement')).toContainText('-¥35.78');
  await shot(page, 'aftersale-10-seller-wallet');

  // The public log: anonymised, with the vote count.
  const visitor = await secondMember(browser, base);
  await visitor.page.goto('/jury/log');
  const entry = visitor.page.locator(`[data-testid=jury-log-entry][data-case="${caseId}"]`);
  await expect(entry).toContainText('全新 AirPods Pro 二代');
  await expect(entry).toContainText('退款给买家');
  await expect(entry.getByTestId('jury-votes')).toContainText('退款 4 票 · 放款 0 票');
  await shot(visitor.page, 'aftersale-11-case-log');

  expect(buyerErrors, 'errors in the buyer browser').toEqual([]);
  expect(jurorErrors, 'errors in the juror browser').toEqual([]);
  await Promise.all([buyer.ctx.close(), juror.ctx.close(), visitor.ctx.close(), shopper.ctx.dispose(), ...jurors.map((j) => j.ctx.dispose())]);
});
