// The operator console in Chromium: a member reports a note from its page, a moderator (made
// with `npm run admin:grant` against the running server's embedded database) hides it from
// the queue with a reason, the note is gone for visitors, the audit log shows the action, and
// the dashboard draws its charts. Screenshots at 390×844 and 1280×800.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, grantRole, logIn, needsOwnServer, PASSWORD, registerViaApi, shot, test } from './helpers.ts';

async function token(request: APIRequestContext, username: string) {
  const r = await request.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  expect(r.status()).toBe(200);
  return ((await r.json()) as { token: string }).token;
}

async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await logIn(page, username, PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
}

test('a reported note is hidden by a moderator with a reason; visitors lose it; the audit log and the dashboard show it', async ({ page, browser, request }) => {
  // Two browsers, an operator command (tsx start-up) and a moderator's console: longer than the default.
  test.setTimeout(180_000);
  needsOwnServer();
  const author = await registerViaApi(request, 'author');
  const reporter = await registerViaApi(request, 'reporter');
  const moderator = await registerViaApi(request, 'mod');

  // The first operator is made the way the README says: on the running server's database.
  const granted = grantRole(moderator.username, 'moderator');
  expect(granted).toContain(`${moderator.username} is now moderator`);

  const title = `加微信私下交易 ${Date.now().toString(36)}`;
  const created = await request.post('/api/v1/notes', {
    headers: { authorization: `Bearer ${await token(request, author.username)}` },
    data: { title, body: '这台相机走闲鱼太麻烦，加我微信 vx123456 直接转账更便宜' },
  });
  expect(created.status()).toBe(201);
  const noteId = ((await created.json()) as { id: string }).id;

  // The member reports the note from its page.
  await signIn(page, reporter.username);
  await page.goto(`/notes/${noteId}`);
  await page.getByRole('button', { name: '举报这篇笔记' }).click();
  const sheet = page.getByRole('dialog', { name: '举报' });
  await sheet.getByText('引导站外交易').click();
  await sheet.getByRole('button', { name: '提交举报' }).click();
  await expect(sheet).toContainText('已收到举报');

  // The moderator finds it in the queue through 我 → 管理后台 and hides it with a reason.
  const modContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
  const mod = await modContext.newPage();
  await signIn(mod, moderator.username);
  await mod.goto('/me');
  await mod.getByTestId('admin-link').click();
  await expect(mod).toHaveURL(/\/admin$/);
  const entry = mod.getByTestId('queue-entry').filter({ hasText: title });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('站外交易');
  await expect(entry).toContainText(`@${reporter.username}`);
  await shot(mod, 'admin-queue-390');
  await entry.getByRole('button', { name: '隐藏', exact: true }).click();
  await entry.getByLabel('理由（必填，会写入操作日志）').fill('引导站外私下交易，违反社区规则');
  await entry.getByRole('button', { name: '确认隐藏' }).click();
  await expect(mod.getByTestId('queue-entry').filter({ hasText: title })).toHaveCount(0);

  // Gone for visitors (page and API); still there for its author.
  const visitor = await browser.newContext({ locale: 'zh-CN' });
  const vpage = await visitor.newPage();
  await vpage.goto(`/notes/${noteId}`);
  await expect(vpage.getByText('找不到这篇笔记，可能已被删除')).toBeVisible();
  expect((await visitor.request.get(`/api/v1/notes/${noteId}`)).status()).toBe(404);
  const own = await request.get(`/api/v1/notes/${noteId}`, { headers: { authorization: `Bearer ${await token(request, author.username)}` } });
  expect(own.status()).toBe(200);

  // The audit log shows who did what and why.
  await mod.getByRole('link', { name: '操作日志' }).click();
  const logged = mod.getByTestId('audit-entry').first();
  await expect(logged).toContainText('隐藏内容');
  await expect(logged).toContainText(`@${moderator.username}`);
  await expect(logged.getByTestId('audit-reason')).toHaveText('引导站外私下交易，违反社区规则');

  // The dashboard draws its charts, on a phone and on a desktop.
  await mod.getByRole('link', { name: '数据看板' }).click();
  for (const id of ['chart-gmv', 'chart-fees', 'chart-orders', 'chart-members', 'chart-cases']) {
    await expect(mod.getByTestId(id).locator('canvas')).toHaveCount(1);
  }
  await expect(mod.getByTestId('stat-tiles')).toContainText('新成员');
  await shot(mod, 'admin-dashboard-390');
  await mod.setViewportSize({ width: 1280, height: 800 });
  await expect(mod.getByTestId('chart-gmv').locator('canvas')).toHaveCount(1);
  await mod.waitForTimeout(300); // let the charts follow the wider window before the picture
  await shot(mod, 'admin-dashboard-1280');
  await mod.getByRole('link', { name: '举报处理' }).click();
  await mod.getByRole('tab', { name: '已处理' }).click();
  await expect(mod.getByTestId('queue-entry').filter({ hasText: title })).toBeVisible();
  await shot(mod, 'admin-queue-1280');
  await modContext.close();
  await visitor.close();
});
