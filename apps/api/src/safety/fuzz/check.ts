// After every step: the database agrees with the model — every order's state, every item's
// stock, every member's balance and withdrawals (one query) — and, every few steps, one
// member's wallet as GET /wallet shows it.
import { sql } from 'kysely';
import { type State, itemAvailable, itemStatus, wallet } from './model.ts';
import type { Ctx } from './actions.ts';

type Snapshot = {
  orders: Record<string, string>;
  orderCount: number;
  items: Record<string, [number, number, string]>;
  balances: Record<string, number>;
  withdrawals: Record<string, string>;
  withdrawalCount: number;
};

export async function compare(ctx: Ctx, s: State, walletOf: number | null): Promise<string[]> {
  const ids = ctx.members.map((m) => m.id);
  const r = await sql<Snapshot>`
    SELECT
      (SELECT coalesce(json_object_agg(id, status), '{}') FROM orders WHERE id = ANY(${s.orders.map((o) => o.id)}::text[])) AS orders,
      (SELECT count(*)::int FROM orders WHERE buyer_id = ANY(${ids}::text[])) AS "orderCount",
      (SELECT coalesce(json_object_agg(id, json_build_array(available, quantity, status)), '{}') FROM items WHERE id = ANY(${s.items.map((i) => i.id)}::text[])) AS items,
      (SELECT coalesce(json_object_agg(id, balance), '{}') FROM ledger_accounts WHERE id = ANY(${ids.map((id) => `user:${id}`)}::text[])) AS balances,
      (SELECT coalesce(json_object_agg(id, status), '{}') FROM withdrawals WHERE id = ANY(${s.withdrawals.map((w) => w.id)}::text[])) AS withdrawals,
      (SELECT count(*)::int FROM withdrawals WHERE user_id = ANY(${ids}::text[])) AS "withdrawalCount"`.execute(ctx.t.db);
  const db = r.rows[0] as Snapshot;
  const out: string[] = [];
  s.orders.forEach((o, i) => {
    if (db.orders[o.id] !== o.status) out.push(`order #${i} ${o.id} (${o.delivery}, total ${o.total}) is ${db.orders[o.id]}, model says ${o.status}`);
  });
  if (db.orderCount !== s.orders.length) out.push(`${db.orderCount} orders in the database, ${s.orders.length} in the model`);
  s.items.forEach((it, i) => {
    const [available, quantity, status] = db.items[it.id] ?? [];
    if (available !== itemAvailable(it) || quantity !== it.quantity || status !== itemStatus(it)) {
      out.push(`item #${i} has available ${available}/${quantity} ${status}, model says ${itemAvailable(it)}/${it.quantity} ${itemStatus(it)}`);
    }
  });
  ctx.members.forEach((m, i) => {
    const balance = Number(db.balances[`user:${m.id}`] ?? 0);
    if (balance !== s.available[i]) out.push(`member ${i} has ${balance} available in the ledger, model says ${s.available[i]}`);
  });
  for (const w of s.withdrawals) {
    if (db.withdrawals[w.id] !== w.status) out.push(`withdrawal ${w.id} of ${w.amount} is ${db.withdrawals[w.id]}, model says ${w.status}`);
  }
  if (db.withdrawalCount !== s.withdrawals.length) out.push(`${db.withdrawalCount} withdrawals in the database, ${s.withdrawals.length} in the model`);

  if (walletOf === null) return out;
  const res = await ctx.t.req('GET', '/wallet', { token: ctx.members[walletOf]?.token });
  const want = wallet(s, walletOf);
  for (const [k, v] of Object.entries(want)) {
    // `processing` is shown since issue 9 hole 8; an API without it is judged on the rest.
    if (k in (res.json ?? {}) && res.json[k] !== v) out.push(`GET /wallet of member ${walletOf}: ${k} ${res.json[k]}, model says ${v}`);
  }
  if (res.status !== 200) out.push(`GET /wallet of member ${walletOf}: ${res.status}`);
  return out;
}
