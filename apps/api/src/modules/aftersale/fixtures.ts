// Test factories for after-sale: orders at each stage, cases, and members who may sit on a jury.
import { expect } from 'vitest';
import type { createTestApp } from '../../../test/helpers.ts';
import { placeOrder, sellerWithItem } from '../orders/fixtures.ts';

type T = Awaited<ReturnType<typeof createTestApp>>;
export type Member = { id: string; username: string; token: string };

export async function paidOrder(t: T, item: Record<string, unknown> = {}, order: Record<string, unknown> = {}) {
  const { seller, item: it } = await sellerWithItem(t, item);
  const buyer = await t.user();
  const o = await placeOrder(t, buyer.token, it.id, order);
  if (o.status !== 201) throw new Error(`order: ${o.status} ${o.text}`);
  const paid = await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token });
  if (paid.status !== 200) throw new Error(`pay: ${paid.status} ${paid.text}`);
  return { seller, buyer, order: paid.json as { id: string; total: number; fee: number; sellerProceeds: number; itemId: string } };
}

export async function shippedOrder(t: T, item: Record<string, unknown> = {}) {
  const r = await paidOrder(t, item);
  const s = await t.req('POST', `/orders/${r.order.id}/ship`, { token: r.seller.token, body: { carrier: '顺丰', trackingNumber: 'SF1234567890' } });
  if (s.status !== 200) throw new Error(`ship: ${s.status} ${s.text}`);
  return r;
}

export async function completedOrder(t: T, item: Record<string, unknown> = {}) {
  const r = await shippedOrder(t, item);
  const c = await t.req('POST', `/orders/${r.order.id}/confirm`, { token: r.buyer.token });
  if (c.status !== 200) throw new Error(`confirm: ${c.status} ${c.text}`);
  return r;
}

export const caseBody = (over: Record<string, unknown> = {}) => ({ reason: 'not_as_described', description: '收到的和描述不一样，有明显划痕', ...over });

export async function openCase(t: T, token: string, orderId: string, over: Record<string, unknown> = {}) {
  const r = await t.req('POST', `/orders/${orderId}/after-sale`, { token, body: caseBody(over) });
  if (r.status !== 201) throw new Error(`open case: ${r.status} ${r.text}`);
  return r.json as { id: string; status: string; amount: number };
}

export async function rejectedCase(t: T) {
  const r = await shippedOrder(t);
  const c = await openCase(t, r.buyer.token, r.order.id);
  const rej = await t.req('POST', `/after-sales/${c.id}/reject`, { token: r.seller.token, body: { description: '发货前检查过，完好无损' } });
  expect(rej.status).toBe(200);
  return { ...r, caseId: c.id };
}

/** Members who may sit on a jury: verified, 400 days old (credit 700). */
export async function jurorPool(t: T, n: number): Promise<Member[]> {
  const out: Member[] = [];
  for (let i = 0; i < n; i++) out.push(await t.user({ verified: true, ageDays: 400, prefix: 'j' }));
  return out;
}

export async function drawnJurors(t: T, caseId: string, status?: string) {
  let q = t.db.selectFrom('afterSaleJurors').select(['userId', 'status', 'verdict', 'agreed', 'dueAt']).where('caseId', '=', caseId);
  if (status) q = q.where('status', '=', status);
  return q.execute();
}
