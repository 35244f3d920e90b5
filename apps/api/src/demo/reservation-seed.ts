// A demo reservation (定金托管) in progress, through the real services: 陈默 pays a ¥100 deposit
// into escrow on Anna's dining set (pickup in Gubei only), so the set is held for him for
// RESERVATION_HOURS while he arranges a van; the rest is paid at the hand-over. If nobody acts,
// the hold runs out and the deposit goes back to him, as it would for anyone.
// Idempotent: if any order carries a deposit, nothing is added.
import type { Deps } from '../lib/http.ts';
import { payOrder } from '../modules/orders/service/pay.ts';
import { placeOrder } from '../modules/orders/service/place-order.ts';

export const DEMO_RESERVATION = { buyer: 'chen_mo', seller: 'expat_anna', item: 'IKEA 餐桌 + 4 把椅子 dining set', deposit: 10000 };

export async function seedReservation(deps: Deps): Promise<{ reservations: number }> {
  const existing = await deps.db.selectFrom('orders').select('id').where('deposit', 'is not', null).limit(1).execute();
  if (existing.length) return { reservations: 0 };
  const r = DEMO_RESERVATION;
  const people = await deps.db.selectFrom('users').select(['id', 'username']).where('username', 'in', [r.buyer, r.seller]).execute();
  const buyerId = people.find((u) => u.username === r.buyer)?.id;
  const sellerId = people.find((u) => u.username === r.seller)?.id;
  if (!buyerId || !sellerId) return { reservations: 0 };
  const item = await deps.db
    .selectFrom('items').select('id')
    .where('sellerId', '=', sellerId).where('title', '=', r.item).where('status', '=', 'on_sale').where('available', '>', 0)
    .executeTakeFirst();
  if (!item) return { reservations: 0 };
  const o = await placeOrder(deps, buyerId, { itemId: item.id, quantity: 1, delivery: 'pickup', deposit: r.deposit });
  await payOrder(deps, buyerId, o.id); // the deposit: the order is reserved
  return { reservations: 1 };
}
