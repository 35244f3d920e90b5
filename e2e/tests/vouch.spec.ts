// Vouched sellers (issue 15 item 10) and the settings page (issue 14): an admin (made with
// `npm run admin:grant`) raises the quick-sell account age to 180 days in 规则设置; a new,
// verified member sees on 卖闲置 the date it unlocks and cannot sell; the admin finds the member
// in 成员 and vouches for them with a reason (the audit log shows it); the member can now open
// 卖闲置 and list an item. The setting goes back to its default at the end.
import { expect, grantRole, logIn, needsOwnServer, PASSWORD, registerViaApi, shot, test } from './helpers.ts';
import { photoPng, sellerViaApi } from './sell-helpers.ts';

test('an operator vouches for a new member, who can then open 卖闲置 and list', async ({ page, browser, request }) => {
  test.setTimeout(180_000);
  needsOwnServer();
  const admin = await registerViaApi(request, 'adm');
  grantRole(admin.username, 'admin');
  const login = await request.post('/api/v1/auth/login', { data: { username: admin.username, password: PASSWORD } });
  const adminToken = ((await login.json()) as { token: string }).token;
  const member = await sellerViaApi(request, 'newbie');

  const adminCtx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const op = await adminCtx.newPage();
  try {
    await op.goto('/login');
    await logIn(op, admin.username, PASSWORD);
    await expect(op).not.toHaveURL(/\/login/);

    // 规则设置: the account age, grouped, with its unit and help.
    await op.goto('/admin/settings');
    const age = op.getByTestId('setting-quickSellMinAccountDays');
    await expect(op.getByTestId('settings-group-quickSell')).toContainText('快捷售卖');
    await expect(op.getByTestId('setting-autoConfirmShippingDays')).toContainText('已经排定的时间');
    await age.getByRole('textbox').fill('180');
    await op.getByLabel('理由（必填，会写入操作日志）').fill('新社区：注册满半年才能卖，认识的成员由管理员担保');
    await op.getByRole('button', { name: '保存修改' }).click();
    await expect(op.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
    await shot(op, 'vouch-01-settings-1280');

    // The new member: 卖闲置 says when it unlocks, and the sell page says why not yet.
    await page.goto('/login');
    await logIn(page, member.username, PASSWORD);
    await expect(page).not.toHaveURL(/\/login/);
    await page.goto('/publish');
    await expect(page.getByTestId('sell-unlocks')).toContainText('起可以卖闲置');
    await shot(page, 'vouch-02-chooser-locked');
    await page.getByRole('link', { name: /卖闲置/ }).click();
    await expect(page.getByText('暂时还不能快捷售卖')).toBeVisible();

    // 成员: the admin finds the member and vouches, with a reason.
    await op.goto('/admin/members');
    await op.getByLabel('用户名开头').fill(member.username);
    await op.getByRole('button', { name: '查找' }).click();
    const card = op.getByTestId(`member-${member.username}`);
    await expect(card).toContainText('未担保');
    await card.getByRole('button', { name: '担保可卖' }).click();
    await card.getByLabel('理由（必填，会写入操作日志）').fill('同一小区的邻居，本人认识');
    await card.getByRole('button', { name: '担保可卖' }).click();
    await expect(card).toContainText('已担保可卖');
    await shot(op, 'vouch-03-members-1280');
    await op.getByRole('link', { name: '操作日志' }).click();
    await expect(op.getByTestId('audit-entry').first()).toContainText('担保成员可卖');

    // The member can sell now.
    await page.goto('/publish');
    await expect(page.getByRole('link', { name: /卖闲置/ })).toBeVisible();
    await expect(page.getByTestId('sell-unlocks')).toHaveCount(0);
    await page.getByRole('link', { name: /卖闲置/ }).click();
    await expect(page).toHaveURL(/\/sell$/);
    await page.locator('input[type=file]').setInputFiles([{ name: 'lamp.png', mimeType: 'image/png', buffer: await photoPng('#c9a97a') }]);
    await expect(page.getByTestId('photo-grid').getByRole('progressbar')).toHaveCount(0, { timeout: 20_000 });
    await page.getByLabel('标题').fill('宜家台灯 九成新');
    await page.getByLabel('描述').fill('搬家出，灯泡正常，小区门口自提。');
    await page.getByLabel('价格（元）').fill('25');
    await page.getByRole('radio', { name: '家具' }).click();
    await page.getByRole('radio', { name: '几乎全新' }).click();
    await page.getByRole('checkbox', { name: '自提' }).click();
    await page.getByRole('button', { name: '发布闲置' }).click();
    await expect(page).toHaveURL(/\/items\/[0-9a-f]{16}$/);
    await expect(page.getByRole('heading', { name: '宜家台灯 九成新' })).toBeVisible();
    await shot(page, 'vouch-04-listed');
  } finally {
    await request.patch('/api/v1/admin/settings', {
      headers: { authorization: `Bearer ${adminToken}` },
      data: { reason: '恢复默认', quickSellMinAccountDays: null },
    });
    await adminCtx.close();
  }
});
