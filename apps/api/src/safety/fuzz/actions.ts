// The fuzz's actions: how each is picked at random from the model's state, sent through HTTP,
// and what the model expects of it. A new step (after-sale: open, accept, reject, escalate…)
// is one more entry in ACTIONS with the same three parts.
import type { Res } from '../../../test/helpers.ts';
import type { Member, T } from '../world.ts';
import { ADDRESS } from '../world.ts';
import {
  AUTO_CONFIRM_MS, type Delivery, type Expectation, HANDOVER_TRIES, HANDOVER_WINDOW_MS, MIN_WITHDRAWAL, type MOrder, type State,
  UNPAID_MS, cancel, complete, feeOf, gatewayDeclines, itemAvailable, oneOf, orderIs, payoutDeclines, payoutTimesOut, refused,
} from './model.ts';
import type { Rng } from './rng.ts';

export type Act =
  | { kind: 'place'; actor: number; item: number; qty: number; delivery: Delivery }
  | { kind: 'pay' | 'deliver' | 'confirm' | 'cancel' | 'ship'; actor: number; order: number }
  | { kind: 'handover'; actor: number; order: number; right: boolean }
  | { kind: 'withdraw'; actor: number; amount: number }
  | { kind: 'restock'; actor: number; item: number; quantity: number }
  | { kind: 'withdrawItem' | 'relistItem'; actor: number; item: number };

/** Keyed acts carry an Idempotency-Key (replays are checked against their first answer). */
export type Sent = Act & { key?: string };

export type Ctx = { t: T; members: Member[] };

const ORDER_PATH: Record<'pay' | 'deliver' | 'confirm' | 'cancel' | 'ship' | 'handover', string> = {
  pay: 'pay', deliver: 'deliver', confirm: 'confirm', cancel: 'cancel', ship: 'ship', handover: 'handover',
};

/** The request an act makes: method, path, body (the same for a replay of its key). */
export function requestOf(s: State, a: Act): { method: string; url: string; body?: unknown } {
  switch (a.kind) {
    case 'place': {
      const item = s.items[a.item];
      return { method: 'POST', url: '/orders', body: { itemId: item?.id, quantity: a.qty, delivery: a.delivery, ...(a.delivery === 'shipping' ? { address: ADDRESS } : {}) } };
    }
    case 'withdraw':
      return { method: 'POST', url: '/wallet/withdrawals', body: { amount: a.amount } };
    case 'restock': {
      const item = s.items[a.item];
      return { method: 'PATCH', url: `/items/${item?.id}`, body: { quantity: a.quantity } };
    }
    case 'withdrawItem':
      return { method: 'POST', url: `/items/${s.items[a.item]?.id}/withdraw` };
    case 'relistItem':
      return { method: 'POST', url: `/items/${s.items[a.item]?.id}/relist` };
    default: {
      const o = s.orders[a.order] as MOrder;
      const body =
        a.kind === 'ship' ? { carrier: '顺丰', trackingNumber: 'SF1234567890' }
        : a.kind === 'handover' ? { pickupCode: a.right ? (o.code ?? '123456') : o.code === '000000' ? '000001' : '000000' }
        : a.kind === 'cancel' ? { reason: '改主意了' }
        : undefined;
      return { method: 'POST', url: `/orders/${o.id}/${ORDER_PATH[a.kind]}`, body };
    }
  }
}

export async function send(ctx: Ctx, s: State, a: Sent): Promise<Res> {
  const r = requestOf(s, a);
  const token = ctx.members[a.actor]?.token;
  return ctx.t.req(r.method, r.url, { token, body: r.body, headers: a.key ? { 'idempotency-key': a.key } : undefined });
}

// ── what the model expects ─────────────────────────────────────────────────────────────────

/** The refusal an order step gets from the rules (API.md "Orders"), or null when it is allowed. */
function orderRefusal(s: State, a: Act & { order: number }, g: Group | null): Expectation | null {
  const o = s.orders[a.order] as MOrder;
  const role = a.actor === o.buyer ? 'buyer' : a.actor === o.seller ? 'seller' : null;
  if (a.kind === 'pay') {
    if (role !== 'buyer') return refused(404, 'not_found');
    if (o.status !== 'pending_payment') {
      // A payment whose charge raced a cancellation is refunded at once: with the cancellation
      // first, pay may answer the refunded order instead of 409.
      if (g && o.status === 'cancelled') return oneOf(refused(409), orderIs('cancelled', () => {}));
      // Two pays at once share one payment (one charge): the later one may answer "paid" too.
      if (g && o.status === 'paid') return oneOf(refused(409, 'invalid_state'), orderIs('paid', () => {}));
      return refused(409, 'invalid_state');
    }
    if (o.expiresAt <= s.now) return refused(409, 'order_expired');
    if (gatewayDeclines(o.total)) return refused(402, 'payment_declined');
    return null;
  }
  if (!role) return refused(404, 'not_found');
  const rule = RULES[a.kind as keyof typeof RULES];
  if (rule.by !== 'either' && rule.by !== role) return refused(403, 'not_allowed');
  if ((rule.delivery && !rule.delivery.includes(o.delivery)) || !rule.from.includes(o.status)) return refused(409, 'invalid_state');
  return null;
}

const RULES: Record<'ship' | 'deliver' | 'confirm' | 'handover' | 'cancel', { by: 'buyer' | 'seller' | 'either'; delivery?: Delivery[]; from: string[] }> = {
  ship: { by: 'seller', delivery: ['shipping'], from: ['paid'] },
  deliver: { by: 'seller', delivery: ['online'], from: ['paid'] },
  confirm: { by: 'buyer', delivery: ['shipping', 'online'], from: ['shipped', 'delivered'] },
  handover: { by: 'seller', delivery: ['pickup'], from: ['paid'] },
  cancel: { by: 'either', from: ['pending_payment', 'paid'] },
};

function orderStep(s: State, a: Act & { order: number }, g: Group | null): Expectation {
  const refusal = orderRefusal(s, a, g);
  if (refusal) return refusal;
  const o = s.orders[a.order] as MOrder;
  switch (a.kind) {
    case 'pay':
      return orderIs('paid', () => { o.status = 'paid'; });
    case 'ship':
      return orderIs('shipped', () => { o.status = 'shipped'; o.autoConfirmAt = s.now + AUTO_CONFIRM_MS.shipping; });
    case 'deliver':
      return orderIs('delivered', () => { o.status = 'delivered'; o.autoConfirmAt = s.now + AUTO_CONFIRM_MS.online; });
    case 'cancel':
      return orderIs('cancelled', () => cancel(s, o));
    default:
      return orderIs('completed', () => complete(s, o));
  }
}

function handover(s: State, a: Extract<Act, { kind: 'handover' }>, g: Group | null): Expectation {
  const o = s.orders[a.order] as MOrder;
  // Five wrong codes lock the order's hand-over for 15 minutes, whoever asks next. The tries are
  // counted under the order's row lock, so tries sent at once count one by one.
  const w = o.tries && o.tries.start > s.now - HANDOVER_WINDOW_MS ? o.tries : null;
  const refusal = orderRefusal(s, a, g);
  if (refusal) return refusal;
  if (w && w.count >= HANDOVER_TRIES) return refused(429, 'rate_limited');
  return handoverAllowed(s, a, o, w, g);
}

function handoverAllowed(s: State, a: Extract<Act, { kind: 'handover' }>, o: MOrder, w: MOrder['tries'], g: Group | null): Expectation {
  const refusal = orderRefusal(s, a, g);
  if (refusal) return refusal;
  if (a.right) return orderIs('completed', () => { complete(s, o); o.tries = null; });
  return {
    describe: '422 invalid_pickup_code',
    accept: refused(422, 'invalid_pickup_code').accept,
    apply: () => {
      o.tries = w ? { ...w, count: w.count + 1 } : { count: 1, start: s.now };
    },
  };
}

function place(s: State, a: Extract<Act, { kind: 'place' }>): Expectation {
  const item = s.items[a.item];
  if (!item) throw new Error('no such item in the model');
  if (item.seller === a.actor) return refused(403, 'own_item');
  if (item.withdrawn) return refused(409, 'item_withdrawn');
  if (!item.delivery.includes(a.delivery)) return refused(422, 'delivery_not_offered');
  if (itemAvailable(item) < a.qty) return refused(409, 'out_of_stock');
  const total = item.price * a.qty + (a.delivery === 'shipping' ? item.shippingFee : 0);
  const fee = feeOf(total);
  return {
    describe: `201 pending_payment total ${total}`,
    accept: (r) =>
      r.status === 201 && r.json?.status === 'pending_payment' && r.json.total === total && r.json.fee === fee && r.json.sellerProceeds === total - fee
        ? null
        : `expected 201 pending_payment with total ${total}, fee ${fee}`,
    apply: (r) => {
      item.taken += a.qty;
      s.orders.push({
        id: r.json.id, item: a.item, buyer: a.actor, seller: item.seller, qty: a.qty, delivery: a.delivery, total, fee, proceeds: total - fee,
        status: 'pending_payment', code: r.json.pickupCode ?? null, expiresAt: s.now + UNPAID_MS, autoConfirmAt: null, tries: null,
      });
    },
  };
}

function withdraw(s: State, a: Extract<Act, { kind: 'withdraw' }>, g: Group | null): Expectation {
  if (a.amount <= 0) return refused(400, 'validation_failed');
  if (a.amount < MIN_WITHDRAWAL) return refused(422, 'amount_below_minimum');
  if (a.amount > (s.available[a.actor] ?? 0)) return refused(422, 'insufficient_funds');
  // A withdrawal the provider refuses holds its money until the refusal is booked: one sent at
  // the same time may find the balance short in between.
  const held = (g?.acts ?? []).reduce((sum, x, i) => {
    const r = g?.results[i];
    return i !== g?.self && x.kind === 'withdraw' && x.actor === a.actor && r?.json?.status === 'failed' ? sum + x.amount : sum;
  }, 0);
  if (held && a.amount > (s.available[a.actor] ?? 0) - held) return oneOf(succeeded(s, a), refused(422, 'insufficient_funds'));
  return succeeded(s, a);
}

function succeeded(s: State, a: Extract<Act, { kind: 'withdraw' }>): Expectation {
  const status = payoutDeclines(a.amount) ? 'failed' : payoutTimesOut(a.amount) ? 'processing' : 'paid';
  return {
    describe: `201 withdrawal ${status}`,
    accept: (r) => (r.status === 201 && r.json?.status === status && r.json.amount === a.amount ? null : `expected 201 withdrawal ${status}`),
    apply: (r) => {
      // A definite refusal by the provider puts the money back at once.
      if (status !== 'failed') s.available[a.actor] = (s.available[a.actor] ?? 0) - a.amount;
      s.withdrawals.push({ id: r.json.id, member: a.actor, amount: a.amount, status, updatedAt: s.now });
    },
  };
}

function itemStep(s: State, a: Extract<Act, { kind: 'restock' | 'withdrawItem' | 'relistItem' }>): Expectation {
  const item = s.items[a.item];
  if (!item) throw new Error('no such item in the model');
  if (item.seller !== a.actor) return refused(403, 'not_item_owner');
  const ok = (apply: () => void): Expectation => ({
    describe: '200 item',
    accept: (r) => (r.status === 200 ? null : 'expected 200'),
    apply,
  });
  if (a.kind !== 'restock') return ok(() => { item.withdrawn = a.kind === 'withdrawItem'; });
  if (item.withdrawn) return refused(409, 'item_withdrawn');
  // Units reserved or sold stay taken: available = quantity − taken.
  if (a.quantity < item.taken) return refused(409, 'quantity_below_reserved');
  return ok(() => { item.quantity = a.quantity; });
}

/** The other acts sent at the same time, with their answers: races the model must allow. */
export type Group = { acts: Act[]; results: Res[]; self: number };

export function expect(s: State, a: Act, g: Group | null = null): Expectation {
  switch (a.kind) {
    case 'place': return place(s, a);
    case 'withdraw': return withdraw(s, a, g);
    case 'handover': return handover(s, a, g);
    case 'restock': case 'withdrawItem': case 'relistItem': return itemStep(s, a);
    default: return orderStep(s, a, g);
  }
}

// ── picking an act at random ───────────────────────────────────────────────────────────────

/** Mostly the party who may act, sometimes the other party or a stranger (they must be refused). */
function someone(rng: Rng, right: number, other: number, n: number): number {
  const x = rng.next();
  return x < 0.8 ? right : x < 0.9 ? other : rng.int(n);
}

export function pick(s: State, rng: Rng, n: number): Act {
  const open = s.orders.map((o, i) => ({ o, i })).filter(({ o }) => o.status !== 'completed' && o.status !== 'cancelled');
  const onSale = s.items.map((it, i) => ({ it, i })).filter(({ it }) => !it.withdrawn && itemAvailable(it) > 0);
  const r = rng.next();
  // Stock is small on purpose (races for the last unit): sellers restock and relist often.
  if (r < 0.08 || (!onSale.length && r < 0.5)) return itemAct(s, rng, n);
  if (r < 0.35 || !open.length) {
    const item = onSale.length && rng.next() < 0.85 ? rng.pick(onSale).i : rng.int(s.items.length);
    const it = s.items[item];
    const delivery = rng.pick<Delivery>(rng.next() < 0.9 && it ? it.delivery : ['pickup', 'shipping', 'online']);
    let actor = rng.int(n);
    if (it && actor === it.seller && rng.next() < 0.9) actor = (actor + 1 + rng.int(n - 1)) % n;
    return { kind: 'place', actor, item, qty: rng.next() < 0.85 ? 1 : 2, delivery };
  }
  if (r < 0.9) {
    const { o, i } = rng.pick(open);
    const kinds = o.status === 'pending_payment'
      ? (['pay', 'pay', 'pay', 'cancel'] as const)
      : o.status === 'paid'
        ? ({ shipping: ['ship', 'ship', 'cancel'], online: ['deliver', 'deliver', 'cancel'], pickup: ['handover', 'handover', 'handover', 'cancel'] } as const)[o.delivery]
        : (['confirm', 'confirm', 'ship'] as const);
    const kind = rng.pick<(typeof kinds)[number]>(kinds);
    const right = kind === 'pay' || kind === 'confirm' ? o.buyer : kind === 'cancel' ? rng.pick([o.buyer, o.seller]) : o.seller;
    const other = right === o.buyer ? o.seller : o.buyer;
    const actor = someone(rng, right, other, n);
    if (kind === 'handover') return { kind, actor, order: i, right: rng.next() < 0.8 };
    return { kind, actor, order: i };
  }
  const actor = rng.int(n);
  const have = s.available[actor] ?? 0;
  const x = rng.next();
  const amount = x < 0.05 ? rng.int(MIN_WITHDRAWAL) : x < 0.15 ? have + 1 + rng.int(500) : MIN_WITHDRAWAL + rng.int(Math.max(1, have - MIN_WITHDRAWAL + 1));
  return { kind: 'withdraw', actor, amount };
}

function itemAct(s: State, rng: Rng, n: number): Act {
  const item = rng.int(s.items.length);
  const it = s.items[item] as (typeof s.items)[number];
  const actor = rng.next() < 0.92 ? it.seller : rng.int(n);
  if (it.withdrawn) return { kind: 'relistItem', actor, item };
  if (rng.next() < 0.12) return { kind: 'withdrawItem', actor, item };
  // Mostly more stock; sometimes less (below what is taken: 409 quantity_below_reserved).
  const quantity = Math.min(999, Math.max(1, it.quantity + (rng.next() < 0.8 ? 1 + rng.int(2) : -1 - rng.int(2))));
  return { kind: 'restock', actor, item, quantity };
}
