// Issue 15: repeated warning cards in one conversation fold after the first. A lure after lure
// from the same member: the first carries the full scam-shield card, the later ones one line
// each with 举报 and the full card a tap away; every message itself is still shown.
import { request as requestFactory } from '@playwright/test';
import { expect, registerViaApi, shot, test } from './helpers.ts';

const LURES = ['加我微信 abc12345 细聊', '先付定金 200 到支付宝，我给你留着', '微信 abc12345 转账更快'];

test('a second and third warning fold to one line; the first stays in full', async ({ page, baseURL }) => {
  await registerViaApi(page.request, 'warned');
  const lurer = await requestFactory.newContext({ baseURL });
  await registerViaApi(lurer, 'lurer');
  const lurerId = ((await (await lurer.get('/api/v1/session')).json()) as { user: { id: string } }).user.id;
  // The member asks first (so the answers are not cold messages), then gets lure after lure.
  const opened = await page.request.post('/api/v1/conversations', { data: { peerId: lurerId } });
  expect(opened.ok(), await opened.text()).toBe(true);
  const id = ((await opened.json()) as { id: string }).id;
  await page.request.post(`/api/v1/conversations/${id}/messages`, { data: { text: '你好，相机还在吗？' } });
  for (const text of LURES) {
    const sent = await lurer.post(`/api/v1/conversations/${id}/messages`, { data: { text } });
    expect(sent.status(), await sent.text()).toBe(201);
    expect(((await sent.json()) as { warnings: string[] }).warnings.length).toBeGreaterThan(0);
  }
  await lurer.dispose();

  await page.goto(`/messages/${id}`);
  const convo = page.getByTestId('conversation');
  for (const text of LURES) await expect(convo.getByText(text)).toBeVisible();
  const warnings = convo.getByTestId('scam-warning');
  await expect(warnings).toHaveCount(3);
  const full = convo.locator('[data-testid="scam-warning"]:not([data-repeat])');
  const folded = convo.locator('[data-testid="scam-warning"][data-repeat="true"]');
  await expect(full).toHaveCount(1);
  await expect(folded).toHaveCount(2);
  // The full card belongs to the first lure.
  const first = convo.getByTestId('chat-message').filter({ hasText: LURES[0] as string });
  await expect(first.getByTestId('scam-warning')).toContainText('对方可能在引导你站外交易');
  await expect(folded.first()).toContainText('又一条疑似引导站外交易的消息');
  await expect(folded.first()).not.toContainText('对方可能在引导你站外交易');
  await shot(page, 'chat-warnings-01-folded', { bottom: true });

  // Opened on request; 举报 works from the folded line too.
  await folded.first().getByRole('button', { name: '查看提醒' }).click();
  await expect(full).toHaveCount(2);
  await expect(folded).toHaveCount(1);
  await folded.getByRole('button', { name: '举报' }).click();
  const report = page.getByRole('dialog', { name: '举报' });
  await expect(report.getByLabel('引导站外交易')).toBeChecked();
  await report.getByRole('button', { name: '提交举报' }).click();
  await expect(report).toContainText('已收到举报');
  await report.getByRole('button', { name: '关闭' }).first().click();
  await expect(folded.getByRole('button', { name: '已举报' })).toBeDisabled();
});
