// Personal data (SPEC C11) from 我: download everything as a JSON file, then delete the
// account — a wrong password first, then the right one — after which the old name no longer
// signs in.
import { readFileSync } from 'node:fs';
import { expect, registerViaApi, shot, test } from './helpers.ts';

test('我 → 个人数据与注销: the export downloads; deleting needs the password and closes sign-in', async ({ page }) => {
  const me = await registerViaApi(page.request, 'privacy');
  const note = await page.request.post('/api/v1/notes', { data: { title: '我的第一篇笔记' } });
  expect(note.status()).toBe(201);

  await page.goto('/me');
  await page.getByTestId('privacy-link').click();
  await expect(page).toHaveURL(/\/me\/privacy$/);
  await expect(page.getByRole('heading', { name: '下载我的数据' })).toBeVisible();
  await shot(page, 'privacy-01-page');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^jishi-export-${me.username}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  const data = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(data.profile.username).toBe(me.username);
  expect(data.notes.map((n: { title: string }) => n.title)).toEqual(['我的第一篇笔记']);

  const del = page.getByTestId('privacy-delete');
  await expect(del).toContainText('已注销用户');
  await del.getByLabel('输入密码确认').fill('not-my-password');
  await del.getByText('我已了解，注销后无法恢复').click();
  await del.getByRole('button', { name: '永久注销账号' }).click();
  await expect(del.getByText('密码不对，账号没有注销。')).toBeVisible();

  await del.getByLabel('输入密码确认').fill(me.password);
  await del.getByRole('button', { name: '永久注销账号' }).click();
  await expect(page).toHaveURL(/\/account-deleted$/);
  await expect(page.getByTestId('account-deleted')).toContainText('账号已注销');
  await shot(page, 'privacy-02-deleted');
  await page.getByRole('link', { name: '回到首页' }).click();
  await expect(page).toHaveURL(/\/$/);
  // Signed out everywhere: 我 asks to sign in again.
  await page.goto('/me');
  await expect(page).toHaveURL(/\/login/);

  const login = await page.request.post('/api/v1/auth/login', { data: { username: me.username, password: me.password } });
  expect(login.status()).toBe(401);
});
