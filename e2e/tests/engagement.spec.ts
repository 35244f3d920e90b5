// What a Xianyu / Xiaohongshu member expects (issue 15 item 11), at 390×844 and 1280×800:
// an item page with its view and 想要 counts, its note, share (copy link), report and
// 更多来自这位卖家; a seller's stats on their profile; a note edited with its photos (remove,
// reorder); clickable #话题 and the tag page; the avatar cropped in the browser.
import { type APIRequestContext, type Page, request as requestFactory } from '@playwright/test';
import { noteViaApi, uploadScene } from './community-helpers.ts';
import { expect, registerViaApi, shot, test } from './helpers.ts';
import { listViaApi, photoPng, sellerViaApi } from './sell-helpers.ts';

type World = { seller: APIRequestContext; itemId: string; otherId: string; noteId: string; tag: string };

async function world(baseURL: string, suffix: string): Promise<World> {
  const seller = await requestFactory.newContext({ baseURL });
  await sellerViaApi(seller, 'engseller');
  const tag = `露营装备${suffix}`;
  const itemId = await listViaApi(seller, {
    title: '双人帐篷 九成新',
    description: '只用过两次，配件齐全。',
    price: 26000,
    delivery: ['pickup'],
    category: 'sports',
    condition: 'like_new',
    imageIds: [await uploadScene(seller, '#84fab0', '#8fd3f4', 800, 800)],
  });
  const otherId = await listViaApi(seller, {
    title: '露营折叠椅',
    price: 4500,
    delivery: ['pickup'],
    category: 'sports',
    condition: 'light_wear',
    imageIds: [await uploadScene(seller, '#fddb92', '#d1fdff', 600, 600)],
  });
  const noteId = await noteViaApi(seller, {
    title: '周末露营装备清仓',
    body: `搬家了，装备便宜出 #${tag} 可自提`,
    imageIds: [await uploadScene(seller, '#a1c4fd', '#c2e9fb', 600, 800), await uploadScene(seller, '#fbc2eb', '#a6c1ee', 600, 800)],
    itemIds: [itemId],
  });
  return { seller, itemId, otherId, noteId, tag };
}

async function member(page: Page, prefix: string) {
  await registerViaApi(page.request, prefix);
}

for (const size of [
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
] as const) {
  test.describe(`at ${size.name} size`, () => {
    test.use({ viewport: size.viewport, isMobile: size.isMobile, hasTouch: size.hasTouch });

    test('item page: views, 想要, its note, share, report, more from the seller, seller stats', async ({ page, baseURL, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const w = await world(baseURL ?? '', size.name);
      await member(page, 'engbuyer');
      await page.goto(`/items/${w.itemId}`);
      await expect(page.getByTestId('item-views')).toHaveText('1 次浏览');
      await expect(page.getByTestId('item-wants')).toHaveText('0 人想要');
      // A reload the same day is the same viewer: still one view.
      await page.reload();
      await expect(page.getByTestId('item-views')).toHaveText('1 次浏览');

      await page.getByTestId('want-button').click();
      await expect(page.getByTestId('want-button')).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('item-wants')).toHaveText('1 人想要');
      await page.reload();
      await expect(page.getByTestId('item-wants')).toHaveText('1 人想要');
      await expect(page.getByTestId('want-button')).toContainText('已想要');

      await page.getByTestId('item-engage').getByTestId('share-button').click();
      await expect(page.getByTestId('share-toast')).toContainText('链接已复制');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${new URL(page.url()).origin}/items/${w.itemId}`);

      const more = page.getByTestId('more-from-seller');
      await expect(more).toContainText('更多来自这位卖家');
      await expect(more).toContainText('露营折叠椅');
      await expect(more).not.toContainText('双人帐篷');
      await shot(page, `engage-item-${size.name}`);
      await more.scrollIntoViewIfNeeded();
      await shot(page, `engage-item-more-${size.name}`, { bottom: true });

      await page.getByTestId('item-report').click();
      const sheet = page.getByRole('dialog');
      await sheet.getByText('假货', { exact: true }).click();
      await sheet.getByLabel('补充说明').fill('图片是网图');
      await sheet.getByRole('button', { name: '提交举报' }).click();
      await expect(sheet).toContainText('已收到举报');
      await shot(page, `engage-item-report-${size.name}`);
      await sheet.getByRole('button', { name: '关闭' }).first().click();

      await page.getByTestId('item-note-link').click();
      await expect(page).toHaveURL(new RegExp(`/notes/${w.noteId}$`));
      await expect(page.getByRole('heading', { name: '周末露营装备清仓' })).toBeVisible();

      await page.goto(`/u/${(await (await w.seller.get('/api/v1/me')).json()).id}`);
      const stats = page.getByTestId('seller-stats');
      await expect(stats).toContainText('已卖出');
      await expect(page.getByTestId('stat-sold')).toHaveText('0');
      await expect(page.getByTestId('stat-rate')).toHaveText('—');
      await shot(page, `engage-profile-stats-${size.name}`);
    });

    test('note: share, report, clickable #tag and the tag page', async ({ page, baseURL, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const w = await world(baseURL ?? '', `${size.name}n`);
      await member(page, 'engreader');
      await page.goto(`/notes/${w.noteId}`);
      await page.locator('.note-top').getByTestId('share-button').click();
      await expect(page.getByTestId('share-toast')).toContainText('链接已复制');
      await page.getByRole('button', { name: '举报这篇笔记' }).click();
      const sheet = page.getByRole('dialog');
      await sheet.getByText('广告/垃圾信息', { exact: true }).click();
      await sheet.getByRole('button', { name: '提交举报' }).click();
      await expect(sheet).toContainText('已收到举报');
      await sheet.getByRole('button', { name: '关闭' }).first().click();

      await page.getByTestId('note-body').getByRole('link', { name: `#${w.tag}` }).click();
      await expect(page).toHaveURL(new RegExp(`/tags/${encodeURIComponent(w.tag)}$`));
      await expect(page.getByRole('heading', { name: `#${w.tag}` })).toBeVisible();
      await expect(page.getByText('周末露营装备清仓')).toBeVisible();
      await shot(page, `engage-tag-notes-${size.name}`);
      await page.getByRole('tab', { name: '在售闲置' }).click();
      await expect(page.getByTestId('tag-items')).toContainText('双人帐篷');
      await expect(page.getByTestId('tag-items')).not.toContainText('露营折叠椅');
      await shot(page, `engage-tag-items-${size.name}`);
    });

    test('the author edits a note: words, a photo removed and the order changed', async ({ page, baseURL }) => {
      await member(page, 'engauthor');
      const a = await uploadScene(page.request, '#a1c4fd', '#c2e9fb', 600, 800);
      const b = await uploadScene(page.request, '#fbc2eb', '#a6c1ee', 600, 800);
      const c = await uploadScene(page.request, '#d4fc79', '#96e6a1', 600, 800);
      const noteId = await noteViaApi(page.request, { title: '三张图的笔记', body: '原来的文字', imageIds: [a, b, c] });
      expect(baseURL).toBeTruthy();
      await page.goto(`/notes/${noteId}`);
      await page.getByRole('button', { name: '笔记管理' }).click();
      await page.getByRole('button', { name: '编辑' }).click();
      const sheet = page.getByRole('dialog');
      await expect(sheet.getByTestId('photo-grid').locator('li img')).toHaveCount(3);
      await sheet.getByRole('button', { name: '删除第 1 张照片' }).click();
      await sheet.getByRole('button', { name: '第 2 张照片前移' }).click();
      await sheet.getByLabel('正文').fill('改过的文字 #周末好物');
      await shot(page, `engage-note-edit-${size.name}`);
      await sheet.getByRole('button', { name: '保存' }).click();
      await expect(sheet).toBeHidden();
      await expect(page.getByTestId('note-body')).toContainText('改过的文字');
      const note = await (await page.request.get(`/api/v1/notes/${noteId}`)).json();
      expect(note.images.map((i: { id: string }) => i.id)).toEqual([c, b]);
      expect(note.tags).toContain('周末好物');
    });

    test('the seller edits price, description and quantity; a member who wants the item hears of the drop', async ({ page, baseURL }) => {
      const fan = await requestFactory.newContext({ baseURL });
      await registerViaApi(fan, 'engfan');
      await sellerViaApi(page.request, 'engedit');
      const itemId = await listViaApi(page.request, {
        title: '九成新电饭煲',
        description: '搬家出',
        price: 12000,
        quantity: 1,
        delivery: ['pickup'],
        category: 'appliances',
        condition: 'like_new',
        imageIds: [await uploadScene(page.request, '#ffecd2', '#fcb69f', 600, 600)],
      });
      expect((await fan.put(`/api/v1/items/${itemId}/collect`)).status()).toBe(204);
      await page.goto(`/items/${itemId}`);
      await expect(page.getByTestId('item-wants')).toHaveText('1 人想要');
      await page.getByRole('link', { name: '编辑' }).click();
      await page.getByLabel('价格（元）').fill('99');
      await page.getByLabel('描述').fill('搬家出，送内胆');
      await page.getByLabel('数量').fill('2');
      await shot(page, `engage-item-edit-${size.name}`);
      await page.getByRole('button', { name: '保存' }).click();
      await expect(page.getByTestId('item-price')).toHaveText('¥99.00');
      await expect(page.getByText('搬家出，送内胆')).toBeVisible();
      await expect(page.getByText('剩 2 件 / 共 2 件')).toBeVisible();
      const told = (await (await fan.get('/api/v1/notifications')).json()).items.filter((n: { type: string }) => n.type === 'price_drop');
      expect(told).toHaveLength(1);
      expect(told[0].data).toMatchObject({ price: 9900, oldPrice: 12000 });
    });

    test('avatar: choose a photo, crop it square in the browser, see it on the profile', async ({ page }) => {
      await member(page, 'engavatar');
      await page.goto('/me/edit');
      await page.getByTestId('avatar-file').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: await photoPng('#ff9a9e') });
      const canvas = page.getByTestId('avatar-crop-canvas');
      await expect(canvas).toBeVisible();
      await page.getByRole('slider').fill('2');
      const box = await canvas.boundingBox();
      if (!box) throw new Error('no canvas');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 30, { steps: 4 });
      await page.mouse.up();
      await shot(page, `engage-avatar-crop-${size.name}`);
      await page.getByRole('button', { name: '使用这张头像' }).click();
      await expect(canvas).toBeHidden();
      const avatar = page.getByTestId('avatar-editor').locator('img.avatar');
      await expect(avatar).toHaveAttribute('src', /\/media\/.+avatar/);
      const me = await (await page.request.get('/api/v1/me')).json();
      await page.goto(`/u/${me.id}`);
      await expect(page.locator('img.avatar').first()).toHaveAttribute('src', /\/media\/.+avatar/);
      await shot(page, `engage-avatar-profile-${size.name}`);
    });
  });
}
