// The community (SPEC C2): a member publishes a note with photos, it heads 最新; another member
// comments, gets a reply, likes, collects and follows; 关注 then shows the note; profiles show
// notes, counts and (privately) collects.
import { expect, registerViaApi, shot, test } from './helpers.ts';
import { meViaApi, noteViaApi, photoFile, setDisplayName } from './community-helpers.ts';
import { secondMember, watchErrors } from './sell-helpers.ts';

const TITLE = '毕业清仓｜宿舍小物件';

test('publish → 最新 → comment, reply, like, collect, follow → 关注', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  // Member A (this page) publishes through 发布 → 发笔记.
  await registerViaApi(page.request, 'notea');
  await setDisplayName(page.request, '林小雨');
  const a = await meViaApi(page.request);
  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '发布' }).click();
  await page.getByRole('link', { name: /发笔记/ }).click();
  await expect(page).toHaveURL(/\/publish\/note$/);

  // Nothing filled in: the form says what is missing before asking the server.
  await page.getByRole('button', { name: '发布笔记' }).click();
  await expect(page.getByLabel('标题')).toHaveAccessibleDescription('请填写标题');

  const photos = [
    await photoFile('desk-1.png', '#ffb199', '#ff0844', 600, 800),
    await photoFile('desk-2.png', '#a1c4fd', '#c2e9fb', 800, 600),
  ];
  await page.locator('input[type=file]').setInputFiles(photos);
  const grid = page.getByTestId('photo-grid');
  await expect(grid.getByRole('img')).toHaveCount(2);
  await expect(grid.getByRole('progressbar')).toHaveCount(0, { timeout: 20_000 });
  await page.getByLabel('标题').fill(TITLE);
  await page.getByLabel('正文').fill('台灯、收纳盒、小书架都在，#毕业季 周末宿舍楼下自提。');
  await page.getByLabel('话题').fill('宿舍好物');
  await page.getByLabel('话题').press('Enter');
  // A place by name alone, no location permission needed.
  await page.getByRole('textbox', { name: /^地点/ }).fill('南京·仙林');
  await expect(page.getByTestId('note-preview')).toContainText(TITLE);
  await shot(page, 'community-01-publish');
  await shot(page, 'community-01b-publish-bottom', { bottom: true });
  await page.getByRole('button', { name: '发布笔记' }).click();

  await expect(page).toHaveURL(/\/notes\/[0-9a-f]{16}$/);
  const noteUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('status').filter({ hasText: '发布成功' })).toBeVisible();
  await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
  await expect(page.getByRole('list', { name: '笔记照片' }).getByRole('img')).toHaveCount(2);
  await expect(page.getByTestId('note-body').locator('.note-tag')).toHaveText(['#毕业季']);
  await expect(page.getByText('#宿舍好物')).toBeVisible();
  await expect(page.getByText('南京·仙林')).toBeVisible();
  const published = await page.request.get(`/api/v1${noteUrl}`);
  expect(((await published.json()) as { location: unknown }).location).toEqual({
    lat: null,
    lng: null,
    label: '南京·仙林',
  });
  await shot(page, 'community-02-note');

  // It heads 最新.
  await page.goto('/');
  await expect(page.getByTestId('note-card').first()).toBeVisible();
  const first = page.locator('.masonry-col').first().getByTestId('note-card').first();
  await expect(first).toContainText(TITLE);
  await expect(first).toContainText('林小雨');

  // Member B, in a second browser, comments.
  const b = await secondMember(browser, baseURL as string);
  const bErrors = watchErrors(b.page);
  const bp = b.page;
  await registerViaApi(bp.request, 'noteb');
  await setDisplayName(bp.request, '阿杰');
  const bMe = await meViaApi(bp.request);
  await bp.goto('/');
  await bp.locator('.masonry-col').first().getByTestId('note-card').first().getByRole('link', { name: TITLE }).click();
  await expect(bp).toHaveURL(new RegExp(`${noteUrl}$`));
  await bp.getByRole('button', { name: '说点什么…' }).click();
  await bp.getByLabel('评论内容').fill('台灯还在吗？想周六下午去拿');
  await shot(bp, 'community-03a-composer');
  await bp.getByRole('button', { name: '发送' }).click();
  const comments = bp.getByTestId('comments');
  await expect(comments.getByTestId('comment')).toHaveCount(1);
  await expect(comments).toContainText('台灯还在吗？想周六下午去拿');
  await expect(bp.getByTestId('comment-count')).toHaveText('1');

  // A replies to it.
  await page.goto(noteUrl);
  const aComments = page.getByTestId('comments');
  await aComments.getByRole('button', { name: '回复' }).click();
  await expect(page.getByRole('heading', { name: '回复 @阿杰：' })).toBeVisible();
  await page.getByLabel('评论内容').fill('在的，周六下午三点宿舍楼下见');
  await page.getByRole('button', { name: '发送' }).click();
  await expect(aComments.locator('.replies').getByTestId('comment')).toContainText('在的，周六下午三点宿舍楼下见');
  await expect(aComments.locator('.replies')).toContainText('作者');

  // B sees the reply, likes (0 → 1) and collects, then follows A.
  await bp.reload();
  await expect(bp.getByTestId('comments').locator('.replies')).toContainText('在的，周六下午三点宿舍楼下见');
  await expect(bp.getByTestId('like-count')).toHaveText('0');
  await bp.getByTestId('like').click();
  await expect(bp.getByTestId('like-count')).toHaveText('1');
  await expect(bp.getByTestId('like')).toHaveAttribute('aria-pressed', 'true');
  await bp.getByTestId('collect').click();
  await expect(bp.getByTestId('collect-count')).toHaveText('1');
  await bp.getByTestId('follow-button').click();
  await expect(bp.getByTestId('follow-button')).toHaveText('已关注');
  await shot(bp, 'community-03-note-b');
  await bp.getByTestId('note-author').click();
  await expect(bp.getByTestId('count-followers')).toContainText('1');
  await expect(bp.getByTestId('follow-button')).toHaveText('已关注');
  await expect(bp.getByTestId('note-card')).toContainText(TITLE);
  await shot(bp, 'community-03b-profile-followed');
  await bp.goBack();
  await shot(bp, 'community-04-comments', { bottom: true });
  await bp.reload(); // the counts are the server's, not only the screen's
  await expect(bp.getByTestId('like-count')).toHaveText('1');
  await expect(bp.getByTestId('collect-count')).toHaveText('1');
  await expect(bp.getByTestId('follow-button')).toHaveText('已关注');

  // B's 关注 feed shows A's note; B's own collects list it.
  await bp.goto('/');
  await bp.getByRole('tab', { name: '关注' }).click();
  await expect(bp).toHaveURL(/\?tab=following$/);
  await expect(bp.getByTestId('note-card')).toHaveCount(1);
  await expect(bp.getByTestId('note-card')).toContainText(TITLE);
  await expect(bp.getByTestId('card-like')).toHaveAttribute('aria-pressed', 'true');
  await shot(bp, 'community-05-following');
  await bp.goto(`/u/${bMe.id}?tab=collects`);
  await expect(bp.getByTestId('note-card')).toContainText(TITLE);
  await expect(bp.getByTestId('count-following')).toContainText('1');
  await shot(bp, 'community-06-my-collects');
  expect(bErrors).toEqual([]);
  await b.ctx.close();

  // A's profile: one follower, the note in 笔记; B's collects are private to B.
  await page.goto(`/u/${a.id}`);
  await expect(page.getByTestId('count-followers')).toContainText('1');
  await expect(page.getByTestId('count-notes')).toContainText('1');
  await expect(page.getByTestId('note-card')).toContainText(TITLE);
  await expect(page.getByTestId('follow-button')).toHaveCount(0);
  await shot(page, 'community-07-profile');
  await page.goto(`/u/${bMe.id}?tab=collects`);
  await expect(page.getByTestId('collects-private')).toHaveText('收藏仅自己可见');
  await page.goto('/');
  await page.getByRole('tab', { name: '关注' }).click();
  await expect(page.getByText('你关注的人还没有发笔记')).toBeVisible();

  // The author removes B's comment (A's reply stays) and retitles the note.
  await page.goto(noteUrl);
  const thread = page.getByTestId('comments').locator('.thread').first();
  await thread.getByTestId('comment').first().getByRole('button', { name: '删除' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(thread.getByTestId('comment').first()).toHaveText('该评论已删除');
  await expect(thread.locator('.replies')).toContainText('在的，周六下午三点宿舍楼下见');
  await expect(page.getByTestId('comment-count')).toHaveText('1');
  await page.getByRole('button', { name: '笔记管理' }).click();
  await page.getByRole('button', { name: '编辑笔记' }).click();
  await page.getByRole('dialog').getByLabel('标题').fill(`${TITLE}（已约）`);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: `${TITLE}（已约）` })).toBeVisible();
  await shot(page, 'community-11-deleted-comment', { bottom: true });
});

test('the author deletes a note', async ({ page }) => {
  await registerViaApi(page.request, 'deleter');
  await noteViaApi(page.request, { title: '这篇留着', kind: 'note' });
  const id = await noteViaApi(page.request, { title: '发错了，马上删', kind: 'wanted' });
  await page.goto('/');
  await expect(page.getByTestId('note-card').filter({ hasText: '发错了，马上删' })).toBeVisible();
  await page.goto(`/notes/${id}`);
  await expect(page.getByText('求购', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '笔记管理' }).click();
  await page.getByRole('button', { name: '删除笔记' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '删除笔记' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('note-card').filter({ hasText: '这篇留着' })).toBeVisible();
  await expect(page.getByTestId('note-card').filter({ hasText: '发错了，马上删' })).toHaveCount(0);
  expect((await page.request.get(`/api/v1/notes/${id}`)).status()).toBe(404);
});

test('the feed loads the next page as it scrolls', async ({ page, request }) => {
  await registerViaApi(request, 'pager');
  for (let i = 1; i <= 21; i++) await noteViaApi(request, { title: `翻页笔记 ${i}`, kind: 'note' });
  await page.goto('/');
  const link = (n: number) => page.getByRole('link', { name: `翻页笔记 ${n}`, exact: true });
  await expect(link(21)).toBeVisible();
  await expect(link(1)).toHaveCount(0);
  await expect(page.getByTestId('note-card')).toHaveCount(20);
  await page.getByTestId('note-card').last().scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 4000);
  await expect(link(1)).toBeVisible();
});

test('a visitor reads a note and is asked to sign in to take part', async ({ page, request }) => {
  await registerViaApi(request, 'author');
  const res = await request.post('/api/v1/notes', {
    data: { title: '周末去哪儿逛二手市集', body: '#市集 推荐几个地方' },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '集市的担保承诺' })).toBeVisible();
  // The old welcome page's "coming soon" line is gone for good.
  await expect(page.getByText('即将上线')).toHaveCount(0);
  await shot(page, 'community-10-visitor-home');
  await page.getByRole('tab', { name: '关注' }).click();
  await expect(page.getByText('登录后，这里是你关注的人发的笔记')).toBeVisible();
  await page.goto(`/notes/${id}`);
  await expect(page.getByRole('heading', { name: '周末去哪儿逛二手市集' })).toBeVisible();
  await page.getByTestId('like').click();
  await expect(page).toHaveURL(new RegExp(`/login\\?next=${encodeURIComponent(`/notes/${id}`)}$`));

  // The same note in English.
  await page.evaluate(() => localStorage.setItem('jishi.lang', 'en'));
  await page.goto(`/notes/${id}`);
  await expect(page.getByRole('button', { name: 'Sign in to comment' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Comments (0)' })).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('tab', { name: 'Latest' })).toHaveAttribute('aria-selected', 'true');
  await shot(page, 'community-13-home-en');
});
