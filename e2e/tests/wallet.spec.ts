// The wallet explains itself: empty balances, a withdrawal below ¥1 or above the balance is
// refused in words (client-side first; the server says the same).
import { expect, registerViaApi, shot, test } from './helpers.ts';

test('an empty wallet refuses withdrawals in words', async ({ page }) => {
  await registerViaApi(page.request, 'wallet');
  await page.goto('/wallet');
  await expect(page.getByTestId('wallet-available')).toHaveText('¥0.00');
  await expect(page.getByText('还没有资金变动')).toBeVisible();
  const amount = page.getByLabel('提现金额（元）');
  await amount.fill('0.5');
  await page.getByRole('button', { name: '提现', exact: true }).click();
  await expect(amount).toHaveAccessibleDescription('最低提现 ¥1.00');
  await amount.fill('5');
  await page.getByRole('button', { name: '提现', exact: true }).click();
  await expect(amount).toHaveAccessibleDescription('超过可提现余额 ¥0.00');
  await shot(page, 'wallet-03-refused');

  // The server's own refusal reads the same way.
  const res = await page.request.post('/api/v1/wallet/withdrawals', { data: { amount: 500 } });
  expect(res.status()).toBe(422);
  expect(((await res.json()) as { code: string }).code).toBe('insufficient_funds');
});

test('the wallet and my orders read in English', async ({ page }) => {
  await registerViaApi(page.request, 'walleten');
  await page.goto('/me');
  await page.getByRole('button', { name: 'English' }).click();
  await page
    .getByTestId('trade-links')
    .getByRole('link', { name: /Wallet/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Wallet' })).toBeVisible();
  await expect(page.getByText('Pending (in escrow)')).toBeVisible();
  await shot(page, 'wallet-04-english');
  await page.goto('/orders');
  await expect(page.getByRole('tab', { name: 'Bought' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText("You haven't bought anything yet")).toBeVisible();
  await page.goto('/me');
  await page.getByRole('button', { name: '简体中文' }).click();
});
