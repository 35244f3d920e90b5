// 私信 (SPEC C6, C7): a buyer asks about an item from its page (聊一聊); the seller, with the
// inbox open, sees it arrive live with the unread badge; the seller sends an item card, the
// buyer sees it live and buys from it; a lure ("加我微信…先付定金") reaches the seller with a
// clear warning card, and its sender with a gentle reminder. Two members, two browsers.
import { expect, registerViaApi, shot, test } from './helpers.ts';
import { listViaApi, photoPng, secondMember, sellerViaApi, uploadViaApi, watchErrors } from './sell-helpers.ts';

test('ask from the item page → live inbox → item card → buy → lure warning', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  await sellerViaApi(page.request, 'chatseller');
  const chair = await listViaApi(page.request, {
    title: '宜家 POÄNG 扶手椅',
    price: 18000,
    delivery: ['pickup'],
    category: 'furniture',
    condition: 'light_wear',
    imageIds: [await uploadViaApi(page.request, await photoPng('#c9a27e'))],
  });
  const lamp = await listViaApi(page.request, {
    title: '北欧风落地灯',
    price: 4900,
    delivery: ['pickup', 'shipping'],
    shippingFee: 1000,
    category: 'furniture',
    condition: 'like_new',
    imageIds: [await uploadViaApi(page.request, await photoPng('#f6d365'))],
  });

  // The seller waits on the inbox.
  await page.goto('/messages');
  const tabs = page.getByRole('navigation', { name: '主导航' });
  await expect(tabs.getByRole('link', { name: '消息' })).toBeVisible();
  await expect(page.getByText('还没有消息').first()).toBeVisible();
  await shot(page, 'chat-01-inbox-empty');

  // The buyer asks from the item page.
  const buyer = await secondMember(browser, baseURL as string);
  const buyerErrors = watchErrors(buyer.page);
  const bp = buyer.page;
  await registerViaApi(bp.request, 'chatbuyer');
  await bp.goto(`/items/${chair}`);
  await shot(bp, 'chat-02-item-page');
  await bp.getByRole('button', { name: '聊一聊' }).click();
  await expect(bp).toHaveURL(/\/messages\/[0-9a-f]{16}$/);
  const convo = bp.getByTestId('conversation');
  await expect(convo.getByTestId('chat-item-strip')).toContainText('宜家 POÄNG 扶手椅');
  await expect(convo.getByTestId('chat-item-strip')).toContainText('¥180.00');
  await bp.getByLabel('消息', { exact: true }).fill('还在吗？周六可以自提吗');
  await bp.getByRole('button', { name: '发送', exact: true }).click();
  await expect(convo.getByTestId('chat-message').last()).toContainText('还在吗？周六可以自提吗');
  await expect(bp.getByLabel('消息', { exact: true })).toHaveValue('');
  await shot(bp, 'chat-03-buyer-asked');

  // Live on the seller's inbox: no reload.
  await expect(page.getByTestId('tab-badge-messages')).toHaveText('1');
  const row = page.getByTestId('inbox-row').first();
  await expect(row).toContainText('还在吗？周六可以自提吗');
  await expect(row.getByTestId('inbox-unread')).toHaveText('1');
  await shot(page, 'chat-04-seller-inbox-live');

  // The seller opens it (read: the badge goes) and sends another item's card.
  await row.click();
  const sconvo = page.getByTestId('conversation');
  await expect(sconvo.getByTestId('chat-message').last()).toContainText('还在吗？周六可以自提吗');
  await page.getByLabel('消息', { exact: true }).fill('在的，周六下午可以。顺便看看这个灯？');
  await page.getByLabel('消息', { exact: true }).press('Enter');
  await page.getByRole('button', { name: '更多：照片、闲置、出价' }).click();
  await page.getByRole('button', { name: '我的闲置' }).click();
  const picker = page.getByRole('dialog', { name: '发送我的闲置' });
  await picker.getByRole('button', { name: '发送 北欧风落地灯' }).click();
  await expect(picker).toBeHidden();
  await expect(sconvo.getByTestId('chat-item-card').last()).toContainText('北欧风落地灯');
  await expect(sconvo.getByTestId('chat-item-card').last()).toContainText('我的闲置');
  await shot(page, 'chat-05-seller-sent-card');

  // The buyer sees both live and buys the lamp from the card.
  const card = convo.getByTestId('chat-item-card').last();
  await expect(convo.getByText('在的，周六下午可以。顺便看看这个灯？')).toBeVisible();
  await expect(card).toContainText('北欧风落地灯');
  await expect(card).toContainText('¥49.00');
  await shot(bp, 'chat-06-buyer-card-live');
  await card.getByRole('link', { name: '立即购买' }).click();
  await expect(bp).toHaveURL(new RegExp(`/checkout/${lamp}$`));
  await expect(bp.getByText('北欧风落地灯').first()).toBeVisible();
  await shot(bp, 'chat-07-checkout');

  // Back in the chat, a lure: delivered, warned about on the seller's side.
  await bp.goBack();
  await bp.getByLabel('消息', { exact: true }).fill('加我微信 abc12345，先付定金');
  await bp.getByRole('button', { name: '发送', exact: true }).click();
  await expect(convo.getByTestId('scam-notice')).toContainText('为保障交易安全，请在集市内沟通和付款');
  await expect(convo.getByTestId('scam-warning')).toHaveCount(0);
  await shot(bp, 'chat-08-buyer-notice');

  const warning = sconvo.getByTestId('scam-warning');
  await expect(sconvo.getByText('加我微信 abc12345，先付定金')).toBeVisible();
  await expect(warning).toContainText('对方可能在引导你站外交易/先付定金，请勿添加微信或私下转账');
  await expect(warning).toContainText('要求先付定金');
  await expect(warning.getByRole('button', { name: '举报' })).toBeVisible();
  await shot(page, 'chat-09-seller-warning');

  // Reported from the warning, with the reason already chosen.
  await warning.getByRole('button', { name: '举报' }).click();
  const report = page.getByRole('dialog', { name: '举报' });
  await expect(report.getByLabel('引导站外交易')).toBeChecked();
  await report.getByRole('button', { name: '提交举报' }).click();
  await expect(report).toContainText('已收到举报');
  await report.getByRole('button', { name: '关闭' }).first().click();
  await expect(warning.getByRole('button', { name: '已举报' })).toBeDisabled();

  // Read on screen: back on the inbox nothing is unread.
  await page.goto('/messages');
  await expect(page.getByTestId('inbox-row').first()).toContainText('[谨防受骗]');
  await expect(page.getByTestId('tab-badge-messages')).toHaveCount(0);
  await shot(page, 'chat-10-seller-inbox-read');

  expect(buyerErrors, 'errors in the buyer browser').toEqual([]);
  await buyer.ctx.close();
});
