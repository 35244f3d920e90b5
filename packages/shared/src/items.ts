// Quick-sell item vocabulary and rules both apps share (SPEC C3, API.md "Items"): conditions,
// delivery methods, states, limits and the cross-field terms check (the per-field zod schemas
// are in schemas.ts). The API is the authority; the web runs the same checks to explain a form
// before sending it.
import { formatFen } from './money.ts';
import type { Labels } from './categories.ts';

export const CONDITIONS = [
  { key: 'new', labels: { 'zh-CN': '全新', en: 'New' } },
  { key: 'like_new', labels: { 'zh-CN': '几乎全新', en: 'Like new' } },
  { key: 'light_wear', labels: { 'zh-CN': '轻微使用痕迹', en: 'Lightly used' } },
  { key: 'visible_wear', labels: { 'zh-CN': '明显使用痕迹', en: 'Visibly used' } },
] as const satisfies readonly { key: string; labels: Labels }[];
export type ItemCondition = (typeof CONDITIONS)[number]['key'];
export const CONDITION_KEYS = CONDITIONS.map((c) => c.key) as [ItemCondition, ...ItemCondition[]];

export const DELIVERY_METHODS = [
  { key: 'pickup', labels: { 'zh-CN': '自提', en: 'Local pickup' } },
  { key: 'shipping', labels: { 'zh-CN': '邮寄', en: 'Shipping' } },
  { key: 'online', labels: { 'zh-CN': '线上交付', en: 'Online delivery' } },
] as const satisfies readonly { key: string; labels: Labels }[];
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number]['key'];
export const DELIVERY_KEYS = DELIVERY_METHODS.map((d) => d.key) as [DeliveryMethod, ...DeliveryMethod[]];

export const ITEM_STATUSES = [
  { key: 'on_sale', labels: { 'zh-CN': '在售', en: 'On sale' } },
  { key: 'sold_out', labels: { 'zh-CN': '已售罄', en: 'Sold out' } },
  { key: 'withdrawn', labels: { 'zh-CN': '已下架', en: 'Withdrawn' } },
] as const satisfies readonly { key: string; labels: Labels }[];
export type ItemStatus = (typeof ITEM_STATUSES)[number]['key'];
export const ITEM_STATUS_KEYS = ITEM_STATUSES.map((s) => s.key) as [ItemStatus, ...ItemStatus[]];

export const ITEM_LIMITS = {
  titleMax: 60,
  descriptionMax: 2000,
  quantityMin: 1,
  quantityMax: 999,
  imagesMax: 9,
  /** The operator's QUICKSELL_PRICE_CAP default: ¥10,000. */
  defaultPriceCap: 1_000_000,
  /** No operator setting may allow more than this (¥1,000,000): the schema's outer bound. */
  priceHardMax: 100_000_000,
  /** ¥1,000 of postage is already absurd for one parcel; it also bounds typos (6000 → 600000). */
  shippingFeeMax: 100_000,
} as const;

export type TermsError = { path: string; message: string };

/** The price against the operator's cap (QUICKSELL_PRICE_CAP). */
export function priceErrors(price: number, priceCap: number): TermsError[] {
  return price > priceCap ? [{ path: 'price', message: `at most ${priceCap} fen (${formatFen(priceCap)})` }] : [];
}

/**
 * The shipping-fee rule: with "shipping" the fee must be given (0 means free shipping, 包邮);
 * without it the fee must be absent or 0, because orders charge `shippingFee` for shipped
 * orders only and a stray fee on a pickup-only item would only mislead buyers.
 */
export function shippingErrors(delivery: readonly string[], shippingFee: number | null | undefined): TermsError[] {
  const ships = delivery.includes('shipping');
  if (ships && (shippingFee === undefined || shippingFee === null)) {
    return [{ path: 'shippingFee', message: 'required when delivery includes "shipping" (0 = free shipping)' }];
  }
  if (!ships && shippingFee) {
    return [{ path: 'shippingFee', message: 'only allowed when delivery includes "shipping"' }];
  }
  return [];
}

/** Every cross-field rule of a complete set of terms (the create form). */
export function itemTermsErrors(
  t: { price: number; delivery: readonly string[]; shippingFee?: number | null },
  opts: { priceCap: number },
): TermsError[] {
  return [...priceErrors(t.price, opts.priceCap), ...shippingErrors(t.delivery, t.shippingFee)];
}
