// Notifications (SPEC C8): B comments on A's note in another browser and A's bell shows it live,
// without a reload; two likes read as one entry ("等 2 人"); opening the list reads everything;
// an entry leads to its note. Looked at on a phone (390×844) and a desktop (1280×800).
import { expect, registerViaApi, shot, test } from './helpers.ts';
import { meViaApi, noteViaApi, setDisplayName, uploadScene } from './community-helpers.ts';
import { secondMember, watchErrors } from './sell-helpers.ts';

const TITLE = '搬家转让｜宜家落地灯';

test('a comment rings A’s bell live; the list groups likes and reads them all', async ({ page, browser, playwright, baseURL }) => {
  test.setTimeout(120_000);
  await registerViaApi(page.request, 'bella');
  await setDisplayName(page.request, '林小雨');
  const cover = await uploadScene(page.request, '#ffd194', '#d1913c');
  const noteId = await noteViaApi(page.request, { title: TITLE, body: '九成新，周末自提', imageIds: [cover] });

  await page.goto('/');
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toBeVisible();
  await expect(bell).toHaveAccessibleName('通知');
  await expect(page.getByTestId('notification-badge')).toHaveCount(0);

  // B, in a second browser, comments through the note page.
  const b = await secondMember(browser, baseURL as string);
  const bErrors = watchErrors(b.page);
  await registerViaApi(b.page.request, 'bellb');
  await setDisplayName(b.page.request, '阿杰');
  await b.page.goto(`/notes/${noteId}`);
  await b.page.getByRole('button', { name: '说点什么…' }).click();
  await b.page.getByLabel('评论内容').fill('灯还在吗？周六下午能来拿');
  await b.page.getByRole('button', { name: '发送' }).click();
  await expect(b.page.getByTestId('comments')).toContainText('灯还在吗？周六下午能来拿');

  // A's bell rings on the socket: no reload.
  await expect(page.getByTestId('notification-badge')).toHaveText('1');
  await expect(bell).toHaveAccessibleName('通知，1 条未读');

  // Two likes (B and C) make one entry; the bell counts entries, not likes.
  expect((await b.page.request.put(`/api/v1/notes/${noteId}/like`)).status()).toBe(204);
  const c = await playwright.request.newContext({ baseURL });
  await registerViaApi(c, 'bellc');
  await setDisplayName(c, '阿梅');
  expect((await c.put(`/api/v1/notes/${noteId}/like`)).status()).toBe(204);
  await expect(page.getByTestId('notification-badge')).toHaveText('2');
  await shot(page, 'notifications-01-bell');
  await page.screenshot({ path: '/tmp/notifications-01-bell-390.png' });

  // A opens the list: both entries, newest first, with the note's cover.
  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  const rows = page.getByTestId('notification');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-type', 'like');
  await expect(rows.nth(0)).toContainText('阿梅 等 2 人');
  await expect(rows.nth(0)).toContainText('赞了你的笔记');
  await expect(rows.nth(1)).toContainText('阿杰');
  await expect(rows.nth(1)).toContainText('评论了你的笔记');
  await expect(rows.nth(1)).toContainText('灯还在吗？周六下午能来拿');
  await expect(rows.nth(0).locator('.notice-cover')).toBeVisible();
  // This visit still shows which were new; the server already has them read.
  await expect(rows.nth(0)).toHaveAttribute('data-unread', 'true');
  await expect
    .poll(async () => ((await (await page.request.get('/api/v1/notifications/unread-count')).json()) as { unreadCount: number }).unreadCount)
    .toBe(0);
  await shot(page, 'notifications-02-list');
  await page.screenshot({ path: '/tmp/notifications-02-list-390.png' });

  // A new one while the list is open appears on top, live.
  const me = await meViaApi(page.request);
  expect((await b.page.request.put(`/api/v1/users/${me.id}/follow`)).status()).toBe(204);
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('阿杰 关注了你');

  // The comment leads to the note; back home, the bell is quiet.
  await rows.nth(2).click();
  await expect(page).toHaveURL(new RegExp(`/notes/${noteId}$`));
  await page.goto('/');
  await expect(page.getByTestId('notification-bell')).toBeVisible();
  await expect(page.getByTestId('notification-badge')).toHaveCount(0);

  // The desktop width: the same column, centred.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/notifications');
  await expect(rows).toHaveCount(3);
  await page.screenshot({ path: '/tmp/notifications-03-list-1280.png' });
  await page.goto('/');
  await expect(page.getByTestId('notification-bell')).toBeVisible();
  await page.screenshot({ path: '/tmp/notifications-04-home-1280.png' });

  // And in English.
  await page.evaluate(() => localStorage.setItem('jishi.lang', 'en'));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/notifications');
  await expect(rows.nth(1)).toContainText('阿梅 and 1 more');
  await expect(rows.nth(1)).toContainText('liked your note');
  await page.screenshot({ path: '/tmp/notifications-05-list-en-390.png' });

  await c.dispose();
  await b.ctx.close();
  expect(bErrors).toEqual([]);
});
