// Pure rules about an item's terms and stock: no I/O, unit-tested in items.unit.test.ts.
import { priceErrors, shippingErrors, type TermsError } from '@jishi/shared';

export type Stock = { quantity: number; available: number };

/**
 * A quantity edit keeps units already taken by orders (reserved or sold) taken:
 * available = newQuantity − (quantity − available). Returns null when the new quantity is
 * below what is taken — those units belong to buyers now.
 */
export function availableAfterQuantityEdit(cur: Stock, newQuantity: number): number | null {
  const taken = cur.quantity - cur.available;
  return newQuantity < taken ? null : newQuantity - taken;
}

export const takenUnits = (cur: Stock) => cur.quantity - cur.available;

/** Cross-field errors of a new item. */
export function createTermsErrors(
  input: { price: number; delivery: readonly string[]; shippingFee?: number | null },
  priceCap: number,
): TermsError[] {
  return [...priceErrors(input.price, priceCap), ...shippingErrors(input.delivery, input.shippingFee)];
}

/**
 * The shipping fee an edit leaves on the item. Given explicitly, it is used (and checked).
 * Otherwise: an item that already shipped keeps its fee; one that starts shipping has no fee
 * yet (the caller must send one); one that stops shipping drops its fee to 0.
 */
export function patchedShippingFee(
  cur: { delivery: readonly string[]; shippingFee: number },
  patch: { delivery?: readonly string[]; shippingFee?: number | null },
): number | null | undefined {
  if (patch.shippingFee !== undefined && patch.shippingFee !== null) return patch.shippingFee;
  const delivery = patch.delivery ?? cur.delivery;
  if (!delivery.includes('shipping')) return 0;
  return cur.delivery.includes('shipping') && patch.shippingFee === undefined ? cur.shippingFee : undefined;
}

/**
 * Cross-field errors of an edit, judged on the merged result. The price cap is checked only
 * when the price changes: an operator lowering the cap must not freeze older listings.
 */
export function patchTermsErrors(
  cur: { delivery: readonly string[]; shippingFee: number },
  patch: { price?: number; delivery?: readonly string[]; shippingFee?: number | null },
  priceCap: number,
): TermsError[] {
  const delivery = patch.delivery ?? cur.delivery;
  const fee = patch.shippingFee ?? patchedShippingFee(cur, patch);
  return [
    ...(patch.price !== undefined ? priceErrors(patch.price, priceCap) : []),
    ...shippingErrors(delivery, fee),
  ];
}
