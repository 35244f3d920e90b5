// The flash-sale path of an order (issue 17): the item's terms, remembered a moment per process,
// and ONE statement that takes the stock, inserts the order and its 'placed' event, and reads the
// item as it stands — so a buyer costs the session and this statement, nothing else.
//
// Remembered terms are only a guess: the take is guarded by the item's version (every seller edit
// bumps it: price, delivery, photos, withdraw, relist), by hidden_at and by the stock, so an order
// is only ever priced on the terms the item has at the moment its stock is taken.
import { sql } from 'kysely';
import type { Db, Executor } from '../../../db/index.ts';
import { mediaUrl } from '../../media/presenter.ts';
import type { OrderRow } from '../repo.ts';

export type Terms = {
  id: string;
  sellerId: string;
  status: string;
  available: number;
  title: string;
  price: number;
  shippingFee: number;
  delivery: string[];
  condition: string | null;
  category: string;
  version: number;
  locationLabel: string;
  coverId: string | null;
  withdrawn: boolean;
  hidden: boolean;
};

const TTL_MS = 2000;
const MAX_ENTRIES = 5000;
// Per database (tests run many apps in one process), item id → terms and when they were read.
const remembered = new WeakMap<Db, Map<string, { terms: Terms; at: number }>>();

function cacheOf(db: Db) {
  const m = remembered.get(db) ?? new Map<string, { terms: Terms; at: number }>();
  remembered.set(db, m);
  return m;
}

export function rememberTerms(db: Db, terms: Terms) {
  const m = cacheOf(db);
  if (m.size >= MAX_ENTRIES) m.clear();
  m.set(terms.id, { terms, at: performance.now() });
}

/** Terms read within TTL_MS in this process (stock not to be trusted), else undefined. */
export function recentTerms(db: Db, itemId: string): Terms | undefined {
  const hit = cacheOf(db).get(itemId);
  return hit && performance.now() - hit.at < TTL_MS ? hit.terms : undefined;
}

// The item's terms as one json object (same shape as Terms once camel-cased), for both reads.
const TERMS_JSON = sql`jsonb_build_object(
  'id', i.id, 'sellerId', i.seller_id, 'status', i.status, 'available', i.available, 'title', i.title, 'price', i.price,
  'shippingFee', i.shipping_fee, 'delivery', i.delivery, 'condition', i.condition, 'category', i.category, 'version', i.version,
  'locationLabel', i.location_label, 'withdrawn', i.withdrawn_at IS NOT NULL, 'hidden', i.hidden_at IS NOT NULL,
  'coverId', (SELECT m.media_id FROM item_images m WHERE m.item_id = i.id ORDER BY m.position LIMIT 1))`;

// Both statements are named prepared statements (db/prepared.ts): PostgreSQL parses and plans
// them once per connection instead of on every order — in a flash sale its CPU, shared with the
// API on the same cores, is what bounds the orders per second. Their text never varies, and their
// result columns are named, never `*`: a prepared statement whose result type changes (a column
// added to orders by a migration while this process runs, e.g. in a rolling deploy) is refused by
// PostgreSQL ("cached plan must not change result type"). take.test.ts checks the list against
// the table.
export const ORDER_COLUMNS = [
  'id', 'item_id', 'buyer_id', 'seller_id', 'offer_id', 'quantity', 'unit_price', 'item_total', 'shipping_fee', 'total', 'fee',
  'seller_proceeds', 'fee_bps', 'deposit', 'delivery', 'address', 'item_snapshot', 'status', 'pickup_code', 'expires_at',
  'created_at', 'updated_at', 'paid_at', 'completed_at', 'cancelled_at', 'cancel_reason', 'carrier', 'tracking_number',
  'auto_confirm_at', 'delivery_content', 'reserved_until', 'no_show_at', 'contest_until',
] as const;
const RETURNED = sql.raw(ORDER_COLUMNS.join(', '));
const FROM_ORD = sql.raw(ORDER_COLUMNS.map((c) => `ord.${c}`).join(', '));

/** The item's terms now (latest committed), with its cover; undefined if there is no such item. */
export async function readTerms(db: Executor, itemId: string): Promise<Terms | undefined> {
  const { rows } = await sql<{ terms: Terms }>`/*prepared:orders_terms*/ SELECT ${TERMS_JSON} AS terms FROM items i WHERE i.id = ${itemId}`.execute(db);
  return rows[0]?.terms;
}

export type Money = { unitPrice: number; itemTotal: number; shippingFee: number; total: number; fee: number };
export type TakeInput = {
  itemId: string;
  buyerId: string;
  quantity: number;
  delivery: 'pickup' | 'shipping' | 'online';
  address?: { name: string; phone: string; line: string };
  offerId?: string;
  deposit?: number;
  feeBps: number;
  expiresAt: Date;
  now: Date;
  pickupCode: string | null;
};

/**
 * The guarded take feeding the order insert feeding its event, in one statement, plus the item as
 * this statement's snapshot saw it (`seen`, undefined: no such item). No take, no order: nothing
 * can oversell. `seen` is the snapshot from the statement's start: after a wait on the row lock
 * it may be older than what made the take miss.
 */
export async function takeAndInsert(db: Executor, terms: Terms, p: Money, t: TakeInput): Promise<{ order: OrderRow & { placedAt: Date } | null; seen?: Terms }> {
  const snapshot = {
    title: terms.title,
    coverUrl: terms.coverId ? mediaUrl(terms.coverId, 'card') : null,
    condition: terms.condition,
    category: terms.category,
    version: terms.version,
    listPrice: terms.price,
    // Where a pickup happens, as the seller described it when the order was placed.
    location: terms.locationLabel || null,
  };
  const { rows } = await sql<OrderRow & { placedAt: Date | null; seen: Terms }>`/*prepared:orders_take*/
    WITH seen AS (
      SELECT ${TERMS_JSON} AS terms FROM items i WHERE i.id = ${t.itemId}
    ), take AS (
      UPDATE items SET available = available - ${t.quantity}::int
       WHERE id = ${t.itemId} AND available >= ${t.quantity}::int AND version = ${terms.version}::int
         AND withdrawn_at IS NULL AND hidden_at IS NULL
      RETURNING id
    ), ord AS (
      INSERT INTO orders (item_id, buyer_id, seller_id, offer_id, quantity, unit_price, item_total, shipping_fee, total, fee,
                          seller_proceeds, fee_bps, deposit, delivery, address, item_snapshot, status, pickup_code, expires_at,
                          created_at, updated_at)
      SELECT take.id, ${t.buyerId}, ${terms.sellerId}, ${t.offerId ?? null}::text, ${t.quantity}::int, ${p.unitPrice}::bigint,
             ${p.itemTotal}::bigint, ${p.shippingFee}::bigint, ${p.total}::bigint, ${p.fee}::bigint, ${p.total - p.fee}::bigint,
             ${t.feeBps}::int, ${t.deposit ?? null}::bigint, ${t.delivery},
             ${t.delivery === 'shipping' ? JSON.stringify(t.address) : null}::jsonb, ${JSON.stringify(snapshot)}::jsonb,
             'pending_payment', ${t.pickupCode}::text, ${t.expiresAt}::timestamptz, ${t.now}::timestamptz, ${t.now}::timestamptz
        FROM take
      RETURNING ${RETURNED}
    ), ev AS (
      INSERT INTO order_events (order_id, type, actor_id) SELECT id, 'placed', ${t.buyerId} FROM ord RETURNING created_at
    )
    SELECT ${FROM_ORD}, ev.created_at AS placed_at, seen.terms AS seen
      FROM seen LEFT JOIN (ord CROSS JOIN ev) ON true`.execute(db);
  const row = rows[0];
  if (!row) return { order: null };
  const { placedAt, seen, ...order } = row;
  return { order: placedAt ? { ...(order as OrderRow), placedAt } : null, seen };
}
