// Money in words: integer fen everywhere; only here does it become "¥49.00". format.ts re-exports
// these with the item vocabulary; this file stays apart so a page that only shows prices needs
// nothing but the Fen type.
import type { Fen } from '@jishi/shared';

/** ¥49.00 — always two decimals on the money path; grouped thousands (¥1,299.00). */
export function yuan(amount: Fen): string {
  const sign = amount < 0 ? '-' : '';
  const a = Math.abs(Math.trunc(amount));
  const whole = Math.floor(a / 100).toLocaleString('en-US');
  return `${sign}¥${whole}.${String(a % 100).padStart(2, '0')}`;
}

/** "¥49" for whole yuan, "¥49.50" otherwise: the short form on feed cards (as formatFen in
 *  @jishi/shared). */
export function shortYuan(amount: Fen): string {
  const full = yuan(amount);
  return full.endsWith('.00') ? full.slice(0, -3) : full;
}

/** "+¥35.78" / "-¥10.00" for a statement line. */
export const signedYuan = (amount: Fen) => (amount > 0 ? `+${yuan(amount)}` : yuan(amount));

/** A price as a buyer reads it: 0 is a free giveaway. */
export function priceLabel(amount: Fen, freeLabel: string): string {
  return amount === 0 ? freeLabel : yuan(amount);
}
