// Issue 15, 7: after posting a comment the page stays where the reader was (it used to jump to
// the top on a phone) and the new comment is on screen.
import { expect, registerViaApi, test } from './helpers.ts';
import { noteViaApi } from './community-helpers.ts';

test('posting a comment far down a long note keeps the place', async ({ page, browser, baseURL }) => {
  const author = await browser.newContext({ baseURL });
  await registerViaApi(author.request, 'placea');
  const body = Array.from({ length: 40 }, (_, i) => `第 ${i + 1} 行：搬家清仓，书桌、台灯、收纳箱都还在，周末可以来看。`).join('\n');
  const noteId = await noteViaApi(author.request, { title: '搬家清仓长帖', body });
  for (let i = 1; i <= 12; i++) {
    const r = await author.request.post(`/api/v1/notes/${noteId}/comments`, { data: { body: `补充第 ${i} 条：东西都在宿舍楼下` } });
    expect(r.status()).toBe(201);
  }
  await author.close();

  await registerViaApi(page.request, 'placeb');
  await page.goto(`/notes/${noteId}`);
  await expect(page.getByTestId('comments').getByTestId('comment')).toHaveCount(12);
  await page.getByTestId('comments').getByTestId('comment').last().scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => window.scrollY);
  expect(before).toBeGreaterThan(500);

  await page.getByRole('button', { name: '说点什么…' }).click();
  await page.getByLabel('评论内容').fill('台灯我要了，周六下午来拿');
  await page.getByRole('button', { name: '发送' }).click();
  const mine = page.getByTestId('comments').getByTestId('comment').filter({ hasText: '台灯我要了，周六下午来拿' });
  await expect(mine).toBeVisible();
  await expect(mine).toBeInViewport();
  // Not back at the top: still far down the page, where the reader was.
  await page.waitForTimeout(500); // a late scroll (sheet closing, focus returning) would land by now
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(before / 2);
  await expect(mine).toBeInViewport();
});
