// Quick sell inside the community (SPEC C2/C3): item cards attached to notes (live state, price
// tags on feed cards), a stall thread whose comments become a grid of items, and the home
// feed at phone size with a few notes of every kind.
import { expect, registerViaApi, shot, test } from './helpers.ts';
import { noteViaApi, setDisplayName, uploadScene } from './community-helpers.ts';
import { listViaApi, sellerViaApi } from './sell-helpers.ts';

const item = (title: string, price: number, imageIds: string[]) => ({
  title,
  price,
  delivery: ['pickup'],
  category: 'home',
  condition: 'light_wear',
  imageIds,
});

test('a stall thread gathers the items offered in its comments', async ({ page, request }) => {
  // The host opens a stall; a seller (this page) sets out two items in the comments.
  await registerViaApi(request, 'stallhost');
  await setDisplayName(request, '橙子');
  const stallId = await noteViaApi(request, {
    title: '毕业季电子地摊｜楼下集合',
    body: '大家把闲置都摆出来吧 #毕业季 #电子地摊',
    kind: 'stall',
    imageIds: [await uploadScene(request, '#f6d365', '#fda085', 800, 600)],
  });
  await sellerViaApi(page.request, 'stallseller');
  await setDisplayName(page.request, '小鹿');
  await listViaApi(
    page.request,
    item('宜家台灯', 3500, [await uploadScene(page.request, '#fdfbfb', '#ebedee', 480, 480)]),
  );
  await listViaApi(
    page.request,
    item('收纳箱三个', 0, [await uploadScene(page.request, '#84fab0', '#8fd3f4', 480, 480)]),
  );

  await page.goto(`/notes/${stallId}`);
  const grid = page.getByTestId('stall-grid');
  await expect(grid).toContainText('还没有人摆摊');
  for (const [title, words] of [
    ['宜家台灯', '九成新，暖光'],
    ['收纳箱三个', '免费送，自己来拿'],
  ]) {
    await page.getByRole('button', { name: '说点什么…' }).click();
    await page.getByLabel('评论内容').fill(words as string);
    await page.getByRole('button', { name: '借楼卖闲置' }).click();
    await page
      .getByTestId('item-picker')
      .getByRole('button', { name: new RegExp(title as string) })
      .click();
    await page.getByRole('button', { name: '发送' }).click();
    await expect(
      page
        .getByTestId('comments')
        .getByTestId('item-card')
        .filter({ hasText: title as string }),
    ).toBeVisible();
  }
  await expect(grid.getByTestId('stall-item')).toHaveCount(2);
  await expect(grid).toContainText('2 件在售');
  await grid.getByRole('button', { name: '价格从高到低' }).click();
  await expect(grid.getByTestId('stall-item')).toContainText(['宜家台灯¥35.00', '收纳箱三个免费送']);
  await grid.getByRole('button', { name: '价格从低到高' }).click();
  await expect(grid.getByTestId('stall-item').first()).toContainText('收纳箱三个');
  await shot(page, 'community-08-stall');

  // A wanted request in the same thread.
  await page.getByRole('button', { name: '说点什么…' }).click();
  await page.getByRole('button', { name: '求购' }).click();
  await page.getByLabel('想要什么').fill('二手电风扇');
  await page.getByLabel('最高预算（元）').fill('50');
  await page.getByRole('button', { name: '发送' }).click();
  await expect(page.getByTestId('wanted-card')).toContainText('二手电风扇预算 ≤ ¥50');
  await shot(page, 'community-08b-stall-comments', { bottom: true });

  // Tapping a card opens the item.
  await grid.getByTestId('stall-item').first().click();
  await expect(page).toHaveURL(/\/items\/[0-9a-f]{16}$/);
});

test('notes with item cards: live state on the note, price tags in the feed', async ({ page, request }) => {
  test.setTimeout(90_000);
  await sellerViaApi(request, 'marketa');
  await setDisplayName(request, '小鹿');
  const camera = await listViaApi(
    request,
    item('奥林巴斯胶片相机', 4900, [await uploadScene(request, '#e0c3fc', '#8ec5fc', 480, 480)]),
  );
  const lamp = await listViaApi(request, item('落地灯', 0, []));
  const shelf = await listViaApi(request, item('小书架', 2000, []));

  const seed = [
    { title: '二手书交换计划，欢迎来换', kind: 'note', photo: ['#a18cd1', '#fbc2eb', 600, 800] },
    { title: '求购：24 寸显示器，学校附近自提', kind: 'wanted' },
    { title: '阳台改造｜旧物新用', kind: 'note', photo: ['#d4fc79', '#96e6a1', 600, 600] },
    { title: '宜家同款落地灯，免费送邻居', kind: 'note', photo: ['#ffecd2', '#fcb69f', 600, 900], items: [lamp] },
    { title: '毕业季电子地摊｜全场 10 元起', kind: 'stall', photo: ['#f6d365', '#fda085', 800, 600] },
    {
      title: '周末整理出的胶片相机和小书架',
      kind: 'note',
      photo: ['#89f7fe', '#66a6ff', 600, 750],
      items: [camera, shelf],
    },
  ] as const;
  let lastId = '';
  for (const n of seed) {
    const imageIds = 'photo' in n ? [await uploadScene(request, n.photo[0], n.photo[1], n.photo[2], n.photo[3])] : [];
    const itemIds = 'items' in n ? [...n.items] : [];
    lastId = await noteViaApi(request, { title: n.title, body: '#周末', kind: n.kind, imageIds, itemIds });
  }
  // Withdrawn after it was attached: the note's card says so from now on.
  const withdrawn = await request.post(`/api/v1/items/${shelf}/withdraw`);
  expect(withdrawn.status(), await withdrawn.text()).toBe(200);

  await registerViaApi(page.request, 'viewer');
  await page.goto('/');
  const cards = page.getByTestId('note-card');
  await expect(cards.first()).toBeVisible();
  const cameraCard = cards.filter({ hasText: '周末整理出的胶片相机' });
  await expect(cameraCard.getByTestId('card-price')).toHaveText('¥49');
  await expect(cards.filter({ hasText: '宜家同款落地灯' }).getByTestId('card-price')).toHaveText('免费送');
  await expect(cards.filter({ hasText: '毕业季电子地摊｜全场 10 元起' })).toContainText('地摊');
  await expect(cards.filter({ hasText: '求购：24 寸显示器' })).toContainText('求购');
  await shot(page, 'community-home');

  // The note shows its cards live: the withdrawn one says so.
  await page.goto(`/notes/${lastId}`);
  const noteItems = page.getByTestId('note-items');
  await expect(noteItems.getByTestId('item-card')).toHaveCount(2);
  await expect(noteItems.locator('[data-status=withdrawn]')).toContainText('已下架');
  await expect(noteItems.locator('[data-status=on_sale]')).toContainText('¥49.00');
  await shot(page, 'community-09-note-items', { bottom: true });
  await noteItems.locator('[data-status=on_sale]').click();
  await expect(page).toHaveURL(new RegExp(`/items/${camera}$`));
});

test('publishing with my items attached; the server’s field errors land on their fields', async ({ page, context }) => {
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: 31.18834, longitude: 121.43671 });
  await sellerViaApi(page.request, 'attacher');
  await listViaApi(
    page.request,
    item('九成新电饭煲', 6800, [await uploadScene(page.request, '#fbc2eb', '#a6c1ee', 480, 480)]),
  );
  await page.goto('/publish/note');
  await page.getByRole('radio', { name: '电子地摊' }).click();
  await page.getByLabel('标题').fill('搬家清仓，厨房用品都在这');
  // Eleven #topics in the body: more than a note may carry, which only the server counts.
  const topics = Array.from({ length: 11 }, (_, i) => `#话题${i + 1}`).join(' ');
  await page.getByLabel('正文').fill(`都是自用的。${topics}`);
  await page.getByRole('button', { name: /九成新电饭煲/ }).click();
  await expect(page.getByRole('button', { name: /九成新电饭煲/ })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: '添加我的位置' }).click();
  await expect(page.getByText('已添加位置（只保存到约 100 米）')).toBeVisible();
  await page.getByRole('textbox', { name: /^地点/ }).fill('上海·徐汇');
  await page.getByRole('button', { name: '发布笔记' }).click();
  await expect(page.getByText('话题最多 10 个（正文里的 #话题 也算在内）')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '请检查标出的内容' })).toBeVisible();
  await shot(page, 'community-12-publish-errors', { bottom: true });

  await page.getByLabel('正文').fill('都是自用的。#搬家清仓');
  await page.getByRole('button', { name: '发布笔记' }).click();
  await expect(page).toHaveURL(/\/notes\/[0-9a-f]{16}$/);
  await expect(page.getByTestId('note-items').getByTestId('item-card')).toContainText('九成新电饭煲');
  await expect(page.getByTestId('note-items')).toContainText('¥68.00');
  await expect(page.getByTestId('stall-grid')).toContainText('还没有人摆摊');
  await expect(page.getByText('上海·徐汇')).toBeVisible();
  const note = await page.request.get(`/api/v1/notes/${page.url().split('/').pop()}`);
  expect(((await note.json()) as { location: unknown }).location).toEqual({
    lat: 31.188,
    lng: 121.437,
    label: '上海·徐汇',
  });
});
