// Quick sell (SPEC C3): an eligible member lists an item with photos through 发布 → 卖闲置;
// a member who is not verified yet is told exactly why they cannot.
import sharp from 'sharp';
import { expect, registerViaApi, shot, test } from './helpers.ts';
import { photoPng, sellerViaApi } from './sell-helpers.ts';

let photos: { name: string; mimeType: string; buffer: Buffer }[] = [];

test.beforeAll(async () => {
  photos = [
    { name: 'sofa-1.png', mimeType: 'image/png', buffer: await photoPng('#d9a47a') },
    { name: 'sofa-2.png', mimeType: 'image/png', buffer: await photoPng('#7aa6d9') },
  ];
});

test('an eligible member lists an item with two photos', async ({ page }) => {
  await sellerViaApi(page.request, 'seller');
  await page.goto('/');
  const tabs = page.getByRole('navigation', { name: '主导航' });
  await tabs.getByRole('link', { name: '发布' }).click();
  await expect(page).toHaveURL(/\/publish$/);
  await expect(page.getByRole('link', { name: /发笔记/ })).toHaveAttribute('href', '/publish/note');
  await shot(page, 'sell-01-chooser');
  await page.getByRole('link', { name: /卖闲置/ }).click();
  await expect(page).toHaveURL(/\/sell$/);

  // Nothing filled in: the form explains itself before asking the server.
  await page.getByRole('button', { name: '发布闲置' }).click();
  await expect(page.getByLabel('标题')).toHaveAccessibleDescription('请填写标题');
  await expect(page.getByText('请至少选择一种交易方式')).toBeVisible();
  await shot(page, 'sell-02-errors');

  await page.locator('input[type=file]').setInputFiles(photos);
  const grid = page.getByTestId('photo-grid');
  await expect(grid.getByRole('img')).toHaveCount(2);
  await expect(grid.getByRole('progressbar')).toHaveCount(0, { timeout: 20_000 });
  await expect(grid.getByText('封面')).toBeVisible();
  // The second photo becomes the cover.
  await page.getByRole('button', { name: '第 2 张照片前移' }).click();

  await page.getByLabel('标题').fill('九成新宜家布艺沙发');
  await page.getByLabel('描述').fill('搬家出，坐垫可拆洗，无破损。周末可自提，也可以邮寄。');
  await page.getByLabel('价格（元）').fill('30');
  await page.getByLabel('数量').fill('2');
  await page.getByRole('radio', { name: '家具' }).click();
  await page.getByRole('radio', { name: '几乎全新' }).click();
  await page.getByRole('checkbox', { name: '自提' }).click();
  await page.getByRole('checkbox', { name: '邮寄' }).click();
  await page.getByLabel('运费（元）').fill('6');
  // Where, by name only: the location button is optional.
  await page.getByRole('textbox', { name: /^地点/ }).fill('上海·静安');
  await page.getByLabel('底价（仅自己可见）').fill('20');
  await shot(page, 'sell-03-form');
  await shot(page, 'sell-03b-form-bottom', { bottom: true });
  await page.getByRole('button', { name: '发布闲置' }).click();

  await expect(page).toHaveURL(/\/items\/[0-9a-f]{16}$/);
  await expect(page.getByRole('status').filter({ hasText: '发布成功' })).toBeVisible();
  await expect(page.getByTestId('item-price')).toHaveText('¥30.00');
  await expect(page.getByRole('heading', { name: '九成新宜家布艺沙发' })).toBeVisible();
  await expect(page.getByTestId('item-stock')).toHaveText('剩 2 件 / 共 2 件');
  await expect(page.getByText('¥6.00')).toBeVisible();
  await expect(page.getByText('上海·静安')).toBeVisible();
  const listed = await page.request.get(`/api/v1/items/${page.url().split('/').pop()}`);
  expect(((await listed.json()) as { location: unknown }).location).toEqual({
    lat: null,
    lng: null,
    label: '上海·静安',
  });
  await expect(page.getByRole('list', { name: '照片' }).getByRole('img')).toHaveCount(2);
  await expect(page.getByTestId('seller-tools')).toContainText('底价 ¥20.00');
  await shot(page, 'sell-04-item');
  await shot(page, 'sell-04b-item-bottom', { bottom: true });

  // The seller withdraws it and puts it back.
  await page.getByRole('button', { name: '下架' }).click();
  await expect(page.getByTestId('item-state')).toHaveText('已下架：卖家暂时不卖了');
  await page.getByRole('button', { name: '重新上架' }).click();
  await expect(page.getByTestId('item-state')).toHaveCount(0);

  // An edit: the form comes back filled in; the page shows the new terms.
  await page.getByRole('link', { name: '编辑' }).click();
  await expect(page.getByLabel('标题')).toHaveValue('九成新宜家布艺沙发');
  await expect(page.getByLabel('运费（元）')).toHaveValue('6');
  await expect(page.getByTestId('photo-grid').getByRole('img')).toHaveCount(2);
  await page.getByLabel('价格（元）').fill('28.5');
  await page.getByLabel('底价（仅自己可见）').fill('30');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByLabel('底价（仅自己可见）')).toHaveAccessibleDescription('底价不能高于售价');
  await page.getByLabel('底价（仅自己可见）').fill('25');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('item-price')).toHaveText('¥28.50');
  await expect(page.getByTestId('seller-tools')).toContainText('底价 ¥25.00');

  await page.goto('/me/items');
  await expect(page.getByTestId('my-item')).toContainText('九成新宜家布艺沙发');
  await shot(page, 'sell-05-my-items');
});

test('a photo that cannot be used says why, in words', async ({ page }) => {
  await sellerViaApi(page.request, 'badphoto');
  // A proxy in front of the API refusing a big body answers with its own page, not JSON.
  await page.route('**/api/v1/media', async (route) => {
    if (route.request().postDataBuffer()?.includes('proxied.jpg')) {
      await route.fulfill({ status: 413, contentType: 'text/html', body: '<h1>413 Request Entity Too Large</h1>' });
    } else await route.continue();
  });
  const huge = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#8ac' } })
    .png()
    .toBuffer();
  await page.goto('/sell');
  await page.locator('input[type=file]').setInputFiles([
    photos[0] as (typeof photos)[number],
    { name: 'scan.png', mimeType: 'image/png', buffer: Buffer.from('not a picture at all') }, // 415 from the server
    { name: 'anim.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') }, // refused before uploading
    { name: 'raw.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(10 * 1024 * 1024 + 1) }, // over 10 MB, ditto
    { name: 'pano.png', mimeType: 'image/png', buffer: huge }, // 422: more than 40 megapixels
    { name: 'proxied.jpg', mimeType: 'image/jpeg', buffer: photos[1]?.buffer ?? Buffer.alloc(1) },
  ]);
  const problems = page.getByTestId('photo-problems');
  await expect(problems.getByRole('listitem')).toHaveCount(5, { timeout: 20_000 });
  await expect(problems.getByRole('listitem')).toHaveText([
    '第 2 张没有上传：只支持 JPEG、PNG、WebP 格式的照片',
    '第 3 张没有上传：只支持 JPEG、PNG、WebP 格式的照片',
    '第 4 张没有上传：照片太大了，单张最多 10 MB',
    '第 5 张没有上传：照片像素太高（最多 4000 万像素）',
    '第 6 张没有上传：照片太大了，单张最多 10 MB',
  ]);
  const grid = page.getByTestId('photo-grid');
  await expect(grid.getByText('格式不支持')).toHaveCount(2);
  await expect(grid.getByText('超过 10 MB')).toHaveCount(2);
  await expect(grid.getByText('像素太高')).toHaveCount(1);
  await shot(page, 'sell-09-photo-errors');
  // Removing them leaves the good one, and nothing to explain.
  for (const n of [6, 5, 4, 3, 2]) await page.getByRole('button', { name: `删除第 ${n} 张照片` }).click();
  await expect(problems).toHaveCount(0);
  await expect(grid.getByRole('img')).toHaveCount(1);
});

test('a member who is not verified learns why they cannot sell', async ({ page }) => {
  await registerViaApi(page.request, 'notyet');
  await page.goto('/publish');
  await page.getByRole('link', { name: /卖闲置/ }).click();
  const why = page.getByTestId('eligibility');
  await expect(why).toContainText('暂时还不能快捷售卖');
  await expect(why).toContainText('尚未完成实名认证');
  await expect(why).toContainText('账号注册时间已满足');
  await expect(why.getByRole('link', { name: '去认证' })).toHaveAttribute('href', '/me/verification');
  await expect(page.getByLabel('标题')).toHaveCount(0);
  await shot(page, 'sell-06-not-eligible');
});

test('an account that is too new is told the date it may sell', async ({ page }) => {
  await sellerViaApi(page.request, 'newbie');
  // This server runs with QUICKSELL_MIN_ACCOUNT_DAYS=0; show what the 180-day rule looks like.
  await page.route('**/api/v1/session', async (route) => {
    const res = await route.fetch();
    const session = await res.json();
    session.user.quickSell = { eligible: false, unmet: ['account_age'], eligibleAt: '2026-12-01T04:00:00.000Z' };
    await route.fulfill({ response: res, json: session });
  });
  await page.goto('/sell');
  const why = page.getByTestId('eligibility');
  await expect(why).toContainText('账号注册时间还不够，2026年12月1日 起满足条件');
  await expect(why).toContainText('已完成实名认证');
  await expect(why.getByRole('link', { name: '去认证' })).toHaveCount(0);
  await shot(page, 'sell-08-account-age');
});

test.describe('desktop', () => {
  test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });

  test('the sell form sits centred beside the side navigation', async ({ page }) => {
    await sellerViaApi(page.request, 'deskseller');
    await page.goto('/sell');
    await expect(page.getByRole('button', { name: '发布闲置' })).toBeVisible();
    const nav = await page.getByTestId('side-nav').boundingBox();
    const form = await page.locator('main.page').boundingBox();
    const navRight = (nav?.x ?? 0) + (nav?.width ?? 0);
    expect(form?.width).toBeLessThanOrEqual(760);
    expect(form?.x).toBeGreaterThanOrEqual(navRight);
    // Centred in what the side navigation leaves of the 1280 px.
    expect(Math.abs((form?.x ?? 0) - navRight - (1280 - (form?.x ?? 0) - (form?.width ?? 0)))).toBeLessThan(4);
    await shot(page, 'sell-07-desktop');
  });
});
