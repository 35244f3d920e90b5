// Test fixtures for the money path: an eligible seller with an item, a buyer, and the ledger check.
import { expect } from 'vitest';
import type { createTestApp } from '../../../test/helpers.ts';
import { verifyLedger } from '../ledger/verify.ts';

type T = Awaited<ReturnType<typeof createTestApp>>;

export async function sellerWithItem(t: T, item: Record<string, unknown> = {}) {
  const seller = await t.user({ verified: true, prefix: 's' });
  const r = await t.req('POST', '/items', {
    token: seller.token,
    body: { title: '九成新布艺沙发', price: 3000, quantity: 1, delivery: ['shipping', 'pickup', 'online'], shippingFee: 600, category: 'furniture', condition: 'like_new', ...item },
  });
  if (r.status !== 201) throw new Error(`item: ${r.status} ${r.text}`);
  return { seller, item: r.json as { id: string; price: number } };
}

export const ADDRESS = { name: '王小明', phone: '13800000000', line: '上海市徐汇区漕溪北路 1 号' };

export async function placeOrder(t: T, token: string, itemId: string, over: Record<string, unknown> = {}, headers?: Record<string, string>) {
  return t.req('POST', '/orders', { token, headers, body: { itemId, delivery: 'shipping', address: ADDRESS, ...over } });
}

export async function expectLedgerOk(t: T) {
  await t.gateway.settled();
  const { violations } = await verifyLedger(t.db);
  expect(violations).toEqual([]);
}

export async function wallet(t: T, token: string) {
  return (await t.req('GET', '/wallet', { token })).json as { available: number; pending: number; withdrawn: number; processing: number };
}

export async function accountBalance(t: T, id: string) {
  const row = await t.db.selectFrom('ledgerAccounts').select('balance').where('id', '=', id).executeTakeFirst();
  return row?.balance ?? 0;
}
