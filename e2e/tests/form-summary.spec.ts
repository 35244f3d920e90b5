// The shared form (ui/form.tsx): the fields in error are listed at the top, each a link that
// takes the keyboard to its field; fixed fields leave the list.
import { PASSWORD, expect, registerViaApi, test } from './helpers.ts';

test('the error summary lists each field in error and a link focuses it', async ({ page }) => {
  await page.goto('/register');
  await page.getByRole('button', { name: '注册', exact: true }).click();

  const summary = page.getByTestId('error-summary');
  await expect(summary).toContainText('有 2 处需要修改');
  const links = summary.getByRole('link');
  await expect(links).toHaveText(['用户名：请填写此项', '密码：请填写此项']);

  await links.nth(1).click();
  await expect(page.getByLabel('密码')).toBeFocused();
  await expect(page.getByLabel('密码')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(links).toHaveText(['用户名：请填写此项']);

  await page.getByLabel('用户名').fill('ab');
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(links).toHaveCount(1);
  await expect(links.first()).toContainText('用户名：');
});

test('the profile form has the same summary, its links focusing the field', async ({ page }) => {
  await registerViaApi(page.request, 'summary');
  await page.goto('/me/edit');
  await page.getByLabel('昵称').fill('');
  await page.getByRole('button', { name: '保存' }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary.getByRole('link')).toHaveText(['昵称：请填写此项']);
  await summary.getByRole('link').click();
  await expect(page.getByLabel('昵称')).toBeFocused();
});
