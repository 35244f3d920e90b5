// Turns any failure into words for a form: one message per field (shown next to it) and an
// optional form-level message; and the trade codes (items, orders, offers, wallet, photos) in
// words. Pages switch on the server's stable `code`, never on `detail`.
import type { TFunction } from 'i18next';
import { ApiError } from './api.ts';
import { formatTime, formatWait } from './format.ts';

export type FormErrors = { form: string | null; fields: Record<string, string> };

export const noErrors: FormErrors = { form: null, fields: {} };

const ID_REASONS = ['format', 'region', 'birth_date', 'checksum', 'under_18'] as const;
type IdReason = (typeof ID_REASONS)[number];
const isIdReason = (r: string | null): r is IdReason => (ID_REASONS as readonly (string | null)[]).includes(r);

const KNOWN_FIELDS = [
  'username',
  'password',
  'displayName',
  'realName',
  'idNumber',
  'bio',
  'city',
  'interestTags',
] as const;
type KnownField = (typeof KNOWN_FIELDS)[number];
const isKnownField = (f: string): f is KnownField => (KNOWN_FIELDS as readonly string[]).includes(f);

/** A message for a failure that is not about one field (also used outside forms). */
export function describeError(t: TFunction, err: unknown): string {
  if (!(err instanceof ApiError)) return t('errors.generic');
  switch (err.code) {
    case 'network_error':
      return t('errors.network');
    case 'too_many_attempts':
    case 'rate_limited': {
      const wait = err.retryAfter ?? 60;
      const time = formatTime(new Date(Date.now() + wait * 1000));
      return t(`errors.${err.code}`, { when: formatWait(wait), time });
    }
    case 'unauthenticated':
    case 'not_found':
    case 'username_taken':
    case 'invalid_credentials':
    case 'already_verified':
    case 'id_number_in_use':
    case 'validation_failed':
      return t(`errors.${err.code}`);
    case 'invalid_id_number':
      return isIdReason(err.reason) ? t(`errors.idNumber.${err.reason}`) : t('errors.invalid_id_number');
    default:
      if (err.status >= 500) return t('errors.server');
      return t('errors.generic');
  }
}

/**
 * Errors for a form with the given fields. Field-shaped failures land next to their field;
 * the rest become the form message.
 */
export function formErrors(t: TFunction, err: unknown, fields: readonly string[]): FormErrors {
  if (!(err instanceof ApiError)) return { form: describeError(t, err), fields: {} };
  const has = (f: string) => fields.includes(f);

  if ((err.code === 'invalid_id_number' || err.code === 'id_number_in_use') && has('idNumber')) {
    return { form: null, fields: { idNumber: describeError(t, err) } };
  }
  if (err.code === 'username_taken' && has('username')) {
    return { form: null, fields: { username: t('errors.username_taken') } };
  }
  if (err.code === 'validation_failed' || err.fieldErrors.length > 0) {
    const out: Record<string, string> = {};
    for (const fe of err.fieldErrors) {
      const root = fe.path.split('.')[0] ?? '';
      if (!has(root) || out[root]) continue;
      out[root] = isKnownField(root) ? t(`errors.field.${root}`) : t('errors.field.generic');
    }
    if (Object.keys(out).length > 0) return { form: null, fields: out };
  }
  return { form: describeError(t, err), fields: {} };
}

/** Client-side check for required fields, before bothering the server. */
export function requiredErrors(t: TFunction, values: Record<string, string>, required: readonly string[]): FormErrors {
  const fields: Record<string, string> = {};
  for (const f of required) if (!values[f]?.trim()) fields[f] = t('errors.field.required');
  return { form: null, fields };
}

export const hasErrors = (e: FormErrors) => e.form !== null || Object.keys(e.fields).length > 0;

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

/** A trade failure in words; anything that is not a trade code falls back to describeError. */
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
