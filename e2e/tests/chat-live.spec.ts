// The live connection (SPEC C6): when the socket drops, the conversation says so, reconnects
// with backoff, and fetches what it missed (?after=<last id>) — nothing is lost, no reload.
import type { WebSocketRoute } from '@playwright/test';
import { expect, registerViaApi, shot, test } from './helpers.ts';
import { listViaApi, photoPng, sellerViaApi, uploadViaApi } from './sell-helpers.ts';

test('a dropped socket reconnects and catches up on missed messages', async ({ page, playwright, baseURL }) => {
  test.setTimeout(90_000);
  // The seller talks through the API; the buyer is the browser.
  const seller = await playwright.request.newContext({ baseURL });
  await sellerViaApi(seller, 'chatliveseller');
  const sellerId = ((await (await seller.get('/api/v1/me')).json()) as { id: string }).id;
  const itemId = await listViaApi(seller, {
    title: '露营折叠桌',
    price: 6500,
    delivery: ['pickup'],
    category: 'sports',
    condition: 'light_wear',
    imageIds: [await uploadViaApi(seller, await photoPng('#93c47d'))],
  });

  await registerViaApi(page.request, 'chatlivebuyer');
  // The buyer follows the seller: the seller may then write first (a follow opens the door; issue 9 hole 2).
  await page.request.put(`/api/v1/users/${sellerId}/follow`);
  const opened = await page.request.post('/api/v1/conversations', { data: { peerId: sellerId, itemId } });
  expect(opened.status(), await opened.text()).toBe(201);
  const { id } = (await opened.json()) as { id: string };
  const say = async (text: string) => {
    const res = await seller.post(`/api/v1/conversations/${id}/messages`, { data: { text } });
    expect(res.status(), await res.text()).toBe(201);
  };

  // Every socket of the page goes through here: connected to the server, or refused.
  let allow = true;
  const sockets: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/api\/v1\/ws$/, (ws) => {
    sockets.push(ws);
    if (allow) ws.connectToServer();
    else void ws.close();
  });

  await page.goto(`/messages/${id}`);
  await say('在的，桌子还在');
  await expect(page.getByText('在的，桌子还在')).toBeVisible();

  // The connection drops and stays down for a moment; the seller writes meanwhile.
  allow = false;
  await sockets.at(-1)?.close();
  await expect(page.getByText('连接中断，正在重新连接…')).toBeVisible();
  await say('周六下午两点，小区南门见');
  await shot(page, 'chat-live-01-reconnecting');
  await expect(page.getByText('周六下午两点，小区南门见')).toHaveCount(0);

  // Back up: the missed message arrives without a reload, once.
  allow = true;
  await expect(page.getByText('周六下午两点，小区南门见')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('连接中断，正在重新连接…')).toHaveCount(0);
  await expect(page.getByTestId('chat-message')).toHaveCount(2);
  await shot(page, 'chat-live-02-caught-up');

  // And live delivery works again on the new socket.
  await say('到了给我发消息');
  await expect(page.getByText('到了给我发消息')).toBeVisible();
  await seller.dispose();
});

test('history loads older pages when scrolled to the top, keeping the place', async ({ page, playwright, baseURL }) => {
  test.setTimeout(90_000);
  const seller = await playwright.request.newContext({ baseURL });
  await sellerViaApi(seller, 'chathistseller');
  const sellerId = ((await (await seller.get('/api/v1/me')).json()) as { id: string }).id;
  const itemId = await listViaApi(seller, { title: '二手吉他', price: 30000, delivery: ['pickup'], category: 'other' });
  await registerViaApi(page.request, 'chathistbuyer');
  await page.request.put(`/api/v1/users/${sellerId}/follow`);
  const { id } = (await (
    await page.request.post('/api/v1/conversations', { data: { peerId: sellerId, itemId } })
  ).json()) as {
    id: string;
  };
  for (let i = 1; i <= 45; i += 1) {
    const res = await seller.post(`/api/v1/conversations/${id}/messages`, { data: { text: `第 ${i} 条：琴的细节` } });
    expect(res.status(), await res.text()).toBe(201);
  }

  await page.goto(`/messages/${id}`);
  const messages = page.getByTestId('chat-message');
  await expect(page.getByText('第 45 条：琴的细节')).toBeInViewport();
  await expect(messages).toHaveCount(30);
  await page.getByTestId('chat-scroll').evaluate((el) => el.scrollTo(0, 0));
  await expect(messages).toHaveCount(45);
  await expect(page.getByText('这是你们对话的开始')).toBeAttached();
  // The reader stays where they were, not thrown to the new top.
  await expect(page.getByText('第 1 条：琴的细节')).not.toBeInViewport();
  await page.getByTestId('chat-scroll').evaluate((el) => el.scrollTo(0, 0));
  await expect(page.getByText('第 1 条：琴的细节')).toBeInViewport();
  await shot(page, 'chat-live-03-history-top');
  await seller.dispose();
});
