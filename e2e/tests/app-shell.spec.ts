// The shell around the pages: account-age wording, language switch, desktop layout.
import { expect, registerViaApi, shot, test } from './helpers.ts';

test('an account that is too new shows the date it becomes eligible', async ({ page }) => {
  await registerViaApi(page.request, 'young');
  // This server runs with QUICKSELL_MIN_ACCOUNT_DAYS=0; show what a 180-day rule looks like.
  await page.route('**/api/v1/session', async (route) => {
    const res = await route.fetch();
    const session = await res.json();
    session.user.quickSell = { eligible: false, unmet: ['account_age', 'verification'], eligibleAt: '2026-12-01T04:00:00.000Z' };
    await route.fulfill({ response: res, json: session });
  });
  await page.goto('/me');
  const quickSell = page.getByTestId('quick-sell');
  await expect(quickSell).toContainText('账号注册时间还不够，2026年12月1日 起满足条件');
  await expect(quickSell.getByRole('link', { name: '去认证' })).toHaveAttribute('href', '/me/verification');
  await shot(page, '17-me-account-age');
});

test('English is one tap away and remembered', async ({ page }) => {
  await registerViaApi(page.request, 'lang');
  await page.goto('/me');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link')).toHaveText([
    'Home',
    '',
    'Messages',
    'Me',
  ]);
  await expect(page.getByTestId('quick-sell')).toContainText('Identity not verified yet');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Quick sell' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await shot(page, '18-me-english');
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.getByRole('heading', { name: '快捷售卖' })).toBeVisible();
});

test.describe('desktop', () => {
  test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });

  test('a side navigation replaces the bottom tabs (desktop.spec.ts has the rest)', async ({ page }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: '主导航' });
    await expect(nav).toBeVisible();
    expect((await nav.boundingBox())?.x).toBe(0);
    await expect(page.locator('.tab-bar')).toBeHidden();
    await shot(page, '19-desktop-home');
    await registerViaApi(page.request, 'desk');
    await page.goto('/me');
    await expect(page.getByTestId('quick-sell')).toBeVisible();
    await shot(page, '20-desktop-me');
  });
});
