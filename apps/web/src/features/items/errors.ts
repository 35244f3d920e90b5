// The trade codes (items, orders, offers, wallet, photos) in words. Everything else falls
// back to the app-wide describeError. Pages switch on `code`, never on `detail`.
import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api.ts';
import { describeError } from '../../lib/errors.ts';
import { formatTime, formatWait } from '../../lib/format.ts';

const TRADE_CODES = [
  'quicksell_not_eligible',
  'not_item_owner',
  'item_withdrawn',
  'item_unavailable',
  'quantity_below_reserved',
  'invalid_media',
  'payload_too_large',
  'unsupported_media',
  'image_too_large',
  'out_of_stock',
  'own_item',
  'address_required',
  'delivery_not_offered',
  'invalid_state',
  'order_expired',
  'invalid_pickup_code',
  'payment_declined',
  'already_paid',
  'not_allowed',
  'offer_not_lower',
  'offer_pending',
  'invalid_counter',
  'not_your_turn',
  'floor_above_price',
  'offer_not_accepted',
  'offer_expired',
  'offer_quantity',
  'amount_below_minimum',
  'insufficient_funds',
  'balance_owed',
  'too_many_addresses',
  'idempotency_key_reused',
] as const;
type TradeCode = (typeof TRADE_CODES)[number];
const isTradeCode = (c: string): c is TradeCode => (TRADE_CODES as readonly string[]).includes(c);

export function describeTradeError(t: TFunction, err: unknown): string {
  if (!(err instanceof ApiError)) return describeError(t, err);
  if (err.code === 'too_many_offers') {
    const wait = err.retryAfter ?? 3600;
    return t('tradeErrors.too_many_offers', {
      when: formatWait(wait),
      time: formatTime(new Date(Date.now() + wait * 1000)),
    });
  }
  if (err.code === 'not_found') return t('tradeErrors.not_found');
  return isTradeCode(err.code) ? t(`tradeErrors.${err.code}`) : describeError(t, err);
}
