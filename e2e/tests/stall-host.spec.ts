// Stall hosts (电子地摊帖, issue 15 item 12): the host sets rules shown above the comments, an
// item comment that breaks one is refused with the rule in words, the host pins a comment and
// closes the stall (the page says so). At 390×844 and at 1280×800; screenshots of both.
import type { Page } from '@playwright/test';
import { expect, registerViaApi, shot, test } from './helpers.ts';
import { noteViaApi, setDisplayName } from './community-helpers.ts';
import { listViaApi, secondMember, sellerViaApi, watchErrors } from './sell-helpers.ts';

const DESKTOP = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false };

async function offerInComposer(page: Page, words: string, title: string) {
  await page.getByRole('button', { name: '说点什么…' }).click();
  await page.getByLabel('评论内容').fill(words);
  await page.getByRole('button', { name: '借楼卖闲置' }).click();
  await page.getByTestId('item-picker').getByRole('button', { name: new RegExp(title) }).click();
  await page.getByRole('button', { name: '发送' }).click();
}

async function hostJourney(page: Page, browser: import('@playwright/test').Browser, baseURL: string, size: string) {
  // The host (this page) opens a stall with a place, then sets the rules in the sheet.
  await registerViaApi(page.request, 'stallkeep');
  await setDisplayName(page.request, '摊主阿橙');
  const stallId = await noteViaApi(page.request, {
    title: '借楼出考研书｜周六五道口',
    body: '考研用过的书，欢迎大家一起摆 #考研 #电子地摊',
    kind: 'stall',
    location: { lat: 39.992, lng: 116.338, label: '五道口' },
  });
  await page.goto(`/notes/${stallId}`);
  const rules = page.getByTestId('stall-rules');
  await expect(rules).toContainText('摊主还没有设置摊规');
  await rules.getByRole('button', { name: '设置摊规' }).click();
  const form = page.getByTestId('stall-rules-form');
  await form.getByLabel('只收可自提的宝贝').check();
  await form.getByRole('button', { name: '五道口 3 公里内' }).click();
  await form.getByRole('button', { name: '图书' }).click();
  await form.getByLabel(/价格上限/).fill('50');
  await form.getByRole('button', { name: '保存摊规' }).click();
  await expect(form).toBeHidden();
  for (const words of ['只收可自提的宝贝', '只收五道口附近 3 公里内的宝贝', '只收图书', '价格不超过 ¥50']) {
    await expect(rules).toContainText(words);
  }

  // A seller in another browser: a book that ships only is refused with the rule in words;
  // a book for pickup nearby is set out.
  const seller = await secondMember(browser, baseURL);
  if (size === 'desktop') await seller.page.setViewportSize(DESKTOP.viewport);
  const sellerErrors = watchErrors(seller.page);
  await sellerViaApi(seller.page.request, 'stallbooks');
  await setDisplayName(seller.page.request, '小鹿');
  const near = { lat: 39.995, lng: 116.333, label: '清华东门' };
  await listViaApi(seller.page.request, { title: '考研英语真题 快递', price: 3000, delivery: ['shipping'], shippingFee: 800, category: 'books', condition: 'light_wear', location: near });
  await listViaApi(seller.page.request, { title: '考研数学全书', price: 2500, delivery: ['pickup'], category: 'books', condition: 'light_wear', location: near });
  await seller.page.goto(`/notes/${stallId}`);
  await expect(seller.page.getByTestId('stall-rules')).toContainText('只收可自提的宝贝');
  await offerInComposer(seller.page, '包邮出', '考研英语真题 快递');
  await expect(seller.page.getByText('不符合摊规：只收可自提的宝贝')).toBeVisible();
  await shot(seller.page, `stall-rule-refused-${size}`);
  await seller.page.getByTestId('item-picker').getByRole('button', { name: /考研数学全书/ }).click();
  await seller.page.getByRole('button', { name: '发送' }).click();
  await expect(seller.page.getByTestId('comments').getByTestId('item-card').filter({ hasText: '考研数学全书' })).toBeVisible();
  await expect(seller.page.getByTestId('stall-grid').getByTestId('stall-item')).toHaveCount(1);

  // The host pins the seller's comment and closes the stall.
  await page.reload();
  const comments = page.getByTestId('comments');
  await comments.getByRole('button', { name: '置顶', exact: true }).first().click();
  await expect(comments.getByTestId('pinned-badge')).toHaveCount(1);
  await expect(comments.getByRole('button', { name: '取消置顶' })).toBeVisible();
  await rules.getByRole('button', { name: '收摊' }).click();
  await expect(page.getByTestId('stall-closed')).toContainText('摊主已收摊');
  await expect(rules.getByRole('button', { name: '重新开摊' })).toBeVisible();
  await shot(page, `stall-host-${size}`);

  // The seller sees the closing; what was set out stays; a new item is refused.
  await seller.page.reload();
  await expect(seller.page.getByTestId('stall-closed')).toContainText('不再接受新的闲置');
  await expect(seller.page.getByTestId('stall-grid').getByTestId('stall-item')).toHaveCount(1);
  await expect(seller.page.getByTestId('pinned-badge')).toHaveCount(1);
  await listViaApi(seller.page.request, { title: '考研政治笔记', price: 1000, delivery: ['pickup'], category: 'books', condition: 'light_wear', location: near });
  await offerInComposer(seller.page, '再来一本', '考研政治笔记');
  await expect(seller.page.getByText('摊主已收摊，暂不接受新的闲置')).toBeVisible();
  await shot(seller.page, `stall-closed-${size}`);
  expect(sellerErrors).toEqual([]);
  await seller.ctx.close();
}

test('a stall host sets rules, pins and closes — phone', async ({ page, browser, baseURL }) => {
  await hostJourney(page, browser, baseURL as string, 'phone');
});

test.describe('desktop', () => {
  test.use(DESKTOP);
  test('a stall host sets rules, pins and closes — desktop', async ({ page, browser, baseURL }) => {
    await hostJourney(page, browser, baseURL as string, 'desktop');
  });
});
