// A member's public profile (SPEC C1): besides notes, the items they have on sale, and 私信 to
// start a conversation from there.
import { meViaApi } from './community-helpers.ts';
import { expect, registerViaApi, shot, test } from './helpers.ts';
import { listViaApi, photoPng, secondMember, sellerViaApi, uploadViaApi, watchErrors } from './sell-helpers.ts';

test('在售 lists what a member sells; 私信 opens a conversation with them', async ({ page, browser, baseURL }) => {
  await sellerViaApi(page.request, 'profseller');
  const seller = await meViaApi(page.request);
  const photo = await uploadViaApi(page.request, await photoPng('#9ad0c2'));
  const on = await listViaApi(page.request, {
    title: '索尼降噪耳机',
    price: 42000,
    delivery: ['shipping'],
    shippingFee: 0,
    category: 'digital',
    imageIds: [photo],
  });
  const gone = await listViaApi(page.request, { title: '旧台灯', price: 1000, delivery: ['pickup'], category: 'home' });
  expect((await page.request.post(`/api/v1/items/${gone}/withdraw`)).status()).toBe(200);

  // The seller's own 在售 tab.
  await page.goto(`/u/${seller.id}?tab=items`);
  await expect(page.getByTestId('profile-items').getByTestId('stall-item')).toHaveCount(1);
  await expect(page.getByTestId('message-button')).toHaveCount(0);

  const visitor = await secondMember(browser, baseURL as string);
  const errors = watchErrors(visitor.page);
  const vp = visitor.page;
  await registerViaApi(vp.request, 'profvisitor');
  await vp.goto(`/u/${seller.id}`);
  await vp.getByRole('tab', { name: '在售' }).click();
  await expect(vp).toHaveURL(/\?tab=items$/);
  const tiles = vp.getByTestId('profile-items').getByTestId('stall-item');
  await expect(tiles).toHaveCount(1);
  await expect(tiles.first()).toContainText('索尼降噪耳机');
  await expect(tiles.first()).toContainText('¥420.00');
  await shot(vp, 'profile-01-items');
  await tiles.first().click();
  await expect(vp).toHaveURL(new RegExp(`/items/${on}$`));

  await vp.goBack();
  await vp.getByTestId('message-button').click();
  await expect(vp).toHaveURL(/\/messages\/[0-9a-f]{16}$/);
  await expect(vp.getByRole('heading', { level: 1 })).toContainText(seller.displayName);

  // In English the two buttons still fit the phone's width.
  await vp.evaluate(() => localStorage.setItem('jishi.lang', 'en'));
  await vp.goto(`/u/${seller.id}`);
  const follow = vp.getByTestId('follow-button');
  await expect(follow).toHaveText(/Follow/);
  const box = await follow.boundingBox();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
  await shot(vp, 'profile-02-en');
  expect(errors, 'errors in the visitor browser').toEqual([]);
  await visitor.ctx.close();
});
