// Demo trades in every state, made through the real services so the demo ledger is exactly
// what real trades would leave behind (and `npm run ledger:verify` accepts it).
import type { Deps } from '../lib/http.ts';
import { requestWithdrawal } from '../modules/ledger/withdrawals.ts';
import { addPayoutMethod } from '../modules/payout-methods/service.ts';
import { decideOffer, makeOffer } from '../modules/offers/service.ts';
import { cancelOrder } from '../modules/orders/service/cancel.ts';
import { confirmOrder, deliverOrder, handOver, shipOrder } from '../modules/orders/service/fulfil.ts';
import { payOrder } from '../modules/orders/service/pay.ts';
import { placeOrder } from '../modules/orders/service/place-order.ts';

const ADDRESSES: Record<string, { name: string; phone: string; line: string }> = {
  北京: { name: '王先生', phone: '13900001111', line: '北京市海淀区中关村大街 27 号' },
  上海: { name: '林女士', phone: '13800002222', line: '上海市徐汇区漕溪北路 88 号' },
  default: { name: '张同学', phone: '13700003333', line: '杭州市西湖区文三路 90 号' },
};

type Step = 'pending' | 'paid' | 'shipped' | 'delivered' | 'completed' | 'cancelled' | 'pickup_paid' | 'pickup_done';
// Buyer, seller, and how far the trade goes.
const PLAN: [string, string, Step][] = [
  ['chen_mo', 'lin_xiaoyu', 'completed'],
  ['expat_anna', 'lin_xiaoyu', 'completed'],
  ['wu_campus', 'chen_mo', 'completed'],
  ['sun_yue', 'guzi_mao', 'completed'],
  ['he_garden', 'guzi_mao', 'shipped'],
  ['zhao_lei', 'xu_photo', 'paid'],
  ['lin_xiaoyu', 'zhou_cos', 'delivered'],
  ['ma_bike', 'zhao_lei', 'pending'],
  ['wang_dad', 'sun_yue', 'cancelled'],
  ['xu_photo', 'lin_xiaoyu', 'pickup_paid'],
  ['chen_mo', 'he_garden', 'pickup_done'],
  ['guzi_mao', 'wang_dad', 'completed'],
];

export async function seedOrders(deps: Deps, byUsername: Record<string, string[]>): Promise<{ orders: number }> {
  const existing = await deps.db.selectFrom('orders').select('id').limit(1).execute();
  if (existing.length) return { orders: 0 };
  const users = new Map(
    (await deps.db.selectFrom('users').select(['id', 'username', 'city']).execute()).map((u) => [u.username, u]),
  );
  let orders = 0;
  for (const [buyerName, sellerName, step] of PLAN) {
    const buyer = users.get(buyerName);
    const seller = users.get(sellerName);
    if (!buyer || !seller) continue;
    const pickup = step.startsWith('pickup');
    const want = pickup ? 'pickup' : step === 'delivered' ? 'online' : 'shipping';
    const item = await deps.db
      .selectFrom('items').select(['id', 'delivery']).where('id', 'in', byUsername[sellerName] ?? ['']).where('status', '=', 'on_sale')
      .where('price', '>', 0).where((eb) => eb(eb.val(want), '=', eb.fn.any('delivery'))).orderBy('createdAt').limit(1).executeTakeFirst();
    if (!item) continue;
    const o = await placeOrder(deps, buyer.id, {
      itemId: item.id,
      quantity: 1,
      delivery: want,
      ...(want === 'shipping' ? { address: ADDRESSES[buyer.city] ?? ADDRESSES.default } : {}),
    });
    orders += 1;
    if (step === 'pending') continue;
    await payOrder(deps, buyer.id, o.id);
    if (step === 'cancelled') await cancelOrder(deps, { id: seller.id, role: 'member' }, o.id, '不好意思，东西已经送人了');
    if (step === 'shipped' || step === 'completed') await shipOrder(deps, seller.id, o.id, { carrier: '顺丰速运', trackingNumber: `SF${o.id.slice(-10).toUpperCase()}` });
    if (step === 'completed') await confirmOrder(deps, buyer.id, o.id);
    if (step === 'delivered') await deliverOrder(deps, seller.id, o.id);
    if (step === 'pickup_done' && o.pickupCode) await handOver(deps, seller.id, o.id, o.pickupCode);
  }
  // A seller who cashed out part of the proceeds.
  const lin = users.get('lin_xiaoyu');
  if (lin) {
    await addPayoutMethod(deps, lin.id, { kind: 'alipay', account: 'lin.xiaoyu@example.com', holderName: '林小雨' }).catch(() => {});
    await requestWithdrawal(deps, lin.id, 1000).catch(() => {});
  }
  // Haggling in progress: one offer waiting for the seller, one accepted.
  await seedOffers(deps, users, byUsername);
  return { orders };
}

async function seedOffers(deps: Deps, users: Map<string, { id: string }>, byUsername: Record<string, string[]>) {
  const pairs: [string, string, boolean][] = [
    ['expat_anna', 'zhao_lei', false],
    ['wu_campus', 'xu_photo', true],
  ];
  for (const [buyerName, sellerName, accept] of pairs) {
    const buyer = users.get(buyerName);
    const seller = users.get(sellerName);
    if (!buyer || !seller) continue;
    const item = await deps.db
      .selectFrom('items').select(['id', 'price']).where('id', 'in', byUsername[sellerName] ?? ['']).where('status', '=', 'on_sale')
      .where('price', '>=', 1000).orderBy('price', 'desc').limit(1).executeTakeFirst();
    if (!item) continue;
    const offer = await makeOffer(deps, buyer.id, item.id, Math.round((item.price * 0.85) / 100) * 100);
    if (accept && offer.status === 'pending') await decideOffer(deps, seller.id, offer.id, 'accept');
  }
}
