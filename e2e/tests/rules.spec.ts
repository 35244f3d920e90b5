// The market's rules are the operator's (issue 14): an admin (made with `npm run admin:grant`)
// raises the deposit cap to 50%, the minimum withdrawal to ¥5 and sets the no-show contest window
// to 12 hours in 规则设置; GET /rules says so at once, and a member's checkout and wallet show the
// new numbers instead of the defaults. The settings go back to their defaults at the end.
import { expect, grantRole, logIn, needsOwnServer, PASSWORD, registerViaApi, shot, test } from './helpers.ts';
import { listViaApi, secondMember, sellerViaApi } from './sell-helpers.ts';

test('a changed setting shows in GET /rules, on the checkout page and in the wallet', async ({ page, browser, request, baseURL }) => {
  test.setTimeout(120_000);
  needsOwnServer();
  const admin = await registerViaApi(request, 'rulesadm');
  grantRole(admin.username, 'admin');
  const before = (await (await request.get('/api/v1/rules')).json()) as Record<string, number>;
  expect(before).toMatchObject({ depositMaxPercent: 30, minWithdrawal: 100, noShowContestHours: 24 });

  await sellerViaApi(page.request, 'rulesseller');
  const itemId = await listViaApi(page.request, {
    title: '折叠自行车 20寸', price: 3000, quantity: 1, delivery: ['pickup'], category: 'sports', condition: 'light_wear',
  });

  const adminCtx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const op = await adminCtx.newPage();
  try {
    await op.goto('/login');
    await logIn(op, admin.username, PASSWORD);
    await expect(op).not.toHaveURL(/\/login/);
    await op.goto('/admin/settings');
    const contest = op.getByTestId('setting-noShowContestHours');
    await expect(op.getByTestId('settings-group-deposit')).toContainText('买家对“未到场”的申诉时限');
    await contest.getByRole('textbox').fill('12');
    await op.getByTestId('setting-depositMaxPercent').getByRole('textbox').fill('50');
    await op.getByTestId('setting-minWithdrawal').getByRole('textbox').fill('500');
    await op.getByLabel('理由（必填，会写入操作日志）').fill('试运行：定金放宽到一半，提现至少 5 元');
    await op.getByRole('button', { name: '保存修改' }).click();
    await expect(op.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
    await shot(op, 'rules-01-settings-1280');

    // The public read says so at once, to visitors too.
    const after = (await (await request.get('/api/v1/rules')).json()) as Record<string, number>;
    expect(after).toMatchObject({ depositMaxPercent: 50, minWithdrawal: 500, noShowContestHours: 12 });

    // A member's checkout: the deposit may now be half of the ¥30 total.
    const buyer = await secondMember(browser, baseURL as string);
    const bp = buyer.page;
    await registerViaApi(bp.request, 'rulesbuyer');
    await bp.goto(`/checkout/${itemId}?reserve=1`);
    await expect(bp.getByLabel('付定金预约')).toBeChecked();
    await expect(bp.getByTestId('reserve')).toContainText('¥0.01 至 ¥15.00（总价的 50%）');
    await bp.getByTestId('deposit-input').fill('15');
    await expect(bp.getByTestId('checkout-total')).toHaveText('¥15.00');
    await shot(bp, 'rules-02-checkout-50');

    // The wallet: the minimum and the fee are the market's.
    await bp.goto('/wallet');
    const amount = bp.getByLabel('提现金额（元）');
    await expect(amount).toHaveAccessibleDescription('可提现 ¥0.00，最低 ¥5.00');
    await expect(bp.getByText('扣除 0.6% 服务费')).toBeVisible();
    await amount.fill('3');
    await bp.getByRole('button', { name: '提现', exact: true }).click();
    await expect(amount).toHaveAccessibleDescription('最低提现 ¥5.00');
    await buyer.ctx.close();
  } finally {
    const login = await request.post('/api/v1/auth/login', { data: { username: admin.username, password: PASSWORD } });
    const token = ((await login.json()) as { token: string }).token;
    const reset = await request.patch('/api/v1/admin/settings', {
      headers: { authorization: `Bearer ${token}` },
      data: { reason: '试运行结束，恢复默认', depositMaxPercent: null, minWithdrawal: null, noShowContestHours: null },
    });
    expect(reset.status(), await reset.text()).toBe(200);
    await adminCtx.close();
  }
});
