// API errors are said in words, next to the field they are about.
import {
  PASSWORD,
  expect,
  logIn,
  registerViaApi,
  shot,
  test,
  uniqueUsername,
  validIdNumber,
  withWrongCheck,
} from './helpers.ts';

test('an invalid ID number is explained next to the field', async ({ page }) => {
  await registerViaApi(page.request, 'badid'); // page.request shares the browser's cookies
  await page.goto('/me/verification');
  const idField = page.getByLabel('身份证号码');

  await page.getByLabel('真实姓名').fill('王小明');
  await idField.fill(withWrongCheck(validIdNumber()));
  await page.getByRole('button', { name: '提交认证' }).click();
  await expect(idField).toHaveAttribute('aria-invalid', 'true');
  await expect(idField).toHaveAccessibleDescription('身份证号码校验位不正确，请仔细核对');
  await shot(page, '12-verification-bad-checksum');

  await idField.fill('11010120300101123X'); // born in the future
  await page.getByRole('button', { name: '提交认证' }).click();
  await expect(idField).toHaveAccessibleDescription('身份证号码中的出生日期不是有效日期');

  await idField.fill('1101011990');
  await page.getByRole('button', { name: '提交认证' }).click();
  await expect(idField).toHaveAccessibleDescription(/应为 18 位/);

  // A name the server rejects: the error moves to the name field.
  const nameField = page.getByLabel('真实姓名');
  await nameField.fill('A');
  await idField.fill(validIdNumber());
  await page.getByRole('button', { name: '提交认证' }).click();
  await expect(nameField).toHaveAccessibleDescription(/请填写真实姓名/);
  await expect(idField).not.toHaveAttribute('aria-invalid', 'true');
  await shot(page, '13-verification-bad-name');
});

test('a wrong password says so, and a lockout says when to retry', async ({ page, request }) => {
  const { username } = await registerViaApi(request, 'wrongpw');
  await page.goto('/login');
  await logIn(page, username, 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确');
  await expect(page).toHaveURL(/\/login$/);
  await shot(page, '14-login-wrong-password');

  for (let i = 0; i < 5; i++) {
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page.getByRole('button', { name: '登录', exact: true })).toBeEnabled();
  }
  await expect(page.getByRole('alert')).toContainText(/登录失败次数过多.*请\s*\d+\s*分钟后再试/);
  await shot(page, '15-login-locked');
});

test('sign-up errors land on their fields; a network failure is said plainly', async ({ page, request }) => {
  const { username } = await registerViaApi(request, 'taken');
  await page.goto('/register');
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page.getByLabel('用户名')).toHaveAccessibleDescription('请填写此项');

  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page.getByLabel('用户名')).toHaveAccessibleDescription('这个用户名已经被占用，换一个试试');

  await page.getByLabel('用户名').fill(uniqueUsername('fresh'));
  await page.getByLabel('密码').fill('short');
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page.getByLabel('密码')).toHaveAccessibleDescription('密码至少 8 位，最多 128 位');
  await shot(page, '16-register-errors');

  await page.route('**/api/v1/auth/register', (route) => route.abort('internetdisconnected'));
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('网络连接失败，请检查网络后重试');
});
