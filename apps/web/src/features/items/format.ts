// Money and item vocabulary in words. Money is integer fen everywhere; only here does it
// become "¥49.00". Labels come from the shared taxonomy in the current UI language.
import { CATEGORIES, CONDITIONS, DELIVERY_METHODS, type Fen } from '@jishi/shared';
import { currentLanguage } from '../../i18n/index.ts';

/** ¥49.00 — always two decimals on the money path; grouped thousands (¥1,299.00). */
export function yuan(amount: Fen): string {
  const sign = amount < 0 ? '-' : '';
  const a = Math.abs(Math.trunc(amount));
  const whole = Math.floor(a / 100).toLocaleString('en-US');
  return `${sign}¥${whole}.${String(a % 100).padStart(2, '0')}`;
}

/** "+¥35.78" / "-¥10.00" for a statement line. */
export const signedYuan = (amount: Fen) => (amount > 0 ? `+${yuan(amount)}` : yuan(amount));

/** A price as a buyer reads it: 0 is a free giveaway. */
export function priceLabel(amount: Fen, freeLabel: string): string {
  return amount === 0 ? freeLabel : yuan(amount);
}

const label = (list: readonly { key: string; labels: { 'zh-CN': string; en: string } }[], key: string | null) =>
  key ? (list.find((x) => x.key === key)?.labels[currentLanguage()] ?? key) : '';

export const categoryName = (key: string) => label(CATEGORIES, key);
export const conditionName = (key: string | null) => label(CONDITIONS, key);
export const deliveryName = (key: string) => label(DELIVERY_METHODS, key);

/** What a member types ("49", "49.5", "¥49") → fen, or null. */
export { parseYuan, fenToYuanInput } from '@jishi/shared';

/** "11月21日 21:09" / "Nov 21, 09:09 PM" in the UI language. */
export const dateTime = (iso: string) =>
  new Intl.DateTimeFormat(currentLanguage(), {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
